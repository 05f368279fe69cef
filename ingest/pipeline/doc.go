// Package pipeline runs what every command runs, once: read the returns under the paths given,
// the roster and last period's returns, roll them up to the scope, compare them with last period
// and with the targets, and hand back everything read as one Result. The commands and the tests
// use it alike.
//
// It is the only package under ingest/ that imports targets; the report, report/view and the
// command line import it.
package pipeline
