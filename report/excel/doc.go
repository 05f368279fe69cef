// Package excel writes the consolidated report workbook: summary, units, learning models,
// targets, ranking, chart, submissions, problems, and the consolidated return itself, which
// ingest reads back as the scope's return.
//
// It writes from report.Facts, the figures and words the Document is built from, made once per
// run for every writer. It imports report, lang, rollup (the units' nodes) and the return's own
// layout (ingest, xlsxwrite) for the consolidated return it holds, never the pipeline; only the
// command line imports it.
package excel
