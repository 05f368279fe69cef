// Package reporttest holds what the report packages' tests share: the cluster-6 report as
// `khuyenhoc report` reads it, and golden files with an update switch.
//
// It imports what the cluster-6 report is read with (ingest, pipeline, notes, report) and the
// tests' helpers (ingesttest, testtool); only tests import it.
package reporttest
