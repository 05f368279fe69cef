// Package report builds what a consolidated report says — a Document of headings, sentences,
// tables, a chart and a signature — from what was read, the targets and the catalogue, with the
// words in wording.yaml; and holds what every writer of the report asks of the facts (the scope's
// name, the ranking, targets as written): the Facts, made once per run (NewFacts). The PDF
// (report/pdf) and Word (report/docx) writers lay out their Document, the Excel writer
// (report/excel) its tables from the Facts; ArticleDocument adds the headline and lead of the
// article for the association's website, which report/html writes; report/view writes what the
// commands print. Numbers are written the Vietnamese way (2.191.958; 20,74%; 191,2 tỷ đồng)
// unless the language is English.
//
// It imports ingest, lang, pipeline, rollup, targets and notes; its writers (pdf, docx, html,
// excel, view), the chart's layout (report/chart), report/internal/textfix and the command line
// import it.
package report
