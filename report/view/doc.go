// Package view writes what the commands print: the text and JSON of ingest (files received,
// problems, who has not reported, the totals) and the text, JSON and JUnit XML of check. Its
// words are the report's: wording.yaml, terminal (report.Terminal).
//
// It imports ingest, lang, rollup, targets, pipeline and report of this module; only the command
// line imports it.
package view
