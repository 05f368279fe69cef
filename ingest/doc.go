// Package ingest reads khuyến học returns: it owns the catalogue of figures, writes the return
// template, reads a filled-in workbook into a validated return with the file, sheet and cell of
// every value (numbers typed the way offices type them, periods, the built-in checks), and loads
// every return of a folder in parallel.
//
// Problems found in a user's workbook are data ([Problem]), not Go errors: a batch collects them all
// and one bad file never stops the others. Every problem code stands in messages.go with the
// messages its problems carry, in both languages, those that rollup, targets and pipeline find
// included. Adding up returns is package rollup's job; the whole run, package pipeline's.
//
// It imports lang, xlsx and xlsxwrite of this module; rollup, targets, pipeline, the report (with
// report/excel and report/view) and the command line import it.
package ingest
