// Package ingesttest helps tests and benchmarks: it writes synthetic national data sets of returns
// dumps workbooks as text so that they can be compared, and finds the external tools tests use
// (skipping, or failing in CI, when one is missing). The tool itself never imports it.
package ingesttest
