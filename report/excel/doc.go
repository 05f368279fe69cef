// Package excel writes the consolidated report workbook: summary, units, learning models,
// targets, ranking, chart, submissions, problems, and the consolidated return itself, which
// ingest reads back as the scope's return.
//
// It imports report, lang, and the return's own layout (ingest, xlsxwrite) for the consolidated
// return it holds; only the command line imports it.
package excel
