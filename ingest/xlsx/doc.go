// Package xlsx reads the cells of named sheets from an .xlsx workbook, safely: bounded zip and
// part sizes, a hand-written XML scanner that never panics or recurses, shared strings and styles
// read once. It reads only the workbook, its relationships, the shared strings, the number formats
// of the styles and the sheets asked for, and knows nothing of returns.
//
// Besides each cell's value and kind it gives the facts a reader needs to know what a person sees:
// the cell's number format (IsDateFormat tells dates), whether its row or column is hidden, which
// sheets are hidden, the 1904 date system, and whether cached formula results are stale. Namespaces
// are compared by URI, so Strict workbooks read like transitional ones and foreign elements are
// skipped. It is held to a differential test against excelize and openpyxl, and is about seven
// times faster than a general workbook library on small files; see BENCHMARKS.md.
//
// It imports the standard library only (TestLayers in cmd/khuyenhoc holds it to that); only
// ingest imports it.
package xlsx
