// Package view writes what the commands print: the text and JSON of ingest (files received,
// problems, who has not reported, the totals) and the text, JSON and JUnit XML of check. Its
// words are the report's: wording.yaml, terminal (report.Terminal).
//
// Only the command line imports it.
package view
