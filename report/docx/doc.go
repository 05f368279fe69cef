// Package docx writes Word documents (WordprocessingML, .docx) that offices edit before they sign:
// paragraphs of runs, headings, bullet lists, tables with repeated header rows, PNG images, and
// the page set-up of a Vietnamese administrative document (A4, page numbers centred at the top
// from page 2). The same content gives the same bytes.
//
// It imports only report, lang, report/chart (the chart's layout) and report/internal/textfix
// (every text made drawable) of this module; only the command line imports it.
package docx
