// Package ingest reads khuyến học returns: it owns the catalogue of figures, writes the return
// template, reads filled-in workbooks into validated returns with the file, sheet and cell of every
// value, runs the built-in checks, and rolls returns up along the unit hierarchy and into clusters.
//
// Problems found in a user's workbook are data ([Problem]), not Go errors: a batch collects them all
// and one bad file never stops the others.
package ingest
