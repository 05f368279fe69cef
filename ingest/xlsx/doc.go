// Package xlsx reads the cells of named sheets from an .xlsx workbook, safely: bounded zip and
// part sizes, a hand-written XML scanner that never panics, shared strings read once. It reads
// only the workbook, its relationships, the shared strings and the sheets asked for, and knows
// nothing of returns. It is about seven times faster than a general workbook library on small
// files; see BENCHMARKS.md.
package xlsx
