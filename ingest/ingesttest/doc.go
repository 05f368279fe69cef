// Package ingesttest helps tests and benchmarks: it writes synthetic national data sets of returns
// and dumps workbooks as text so that they can be compared. The tool itself never imports it.
//
// It imports ingest and rollup; only tests and benchmarks import it.
package ingesttest
