// Package excel writes the consolidated report workbook: summary, units, learning models,
// targets, ranking, chart, submissions, problems, and the consolidated return itself, which
// ingest reads back as the scope's return.
package excel
