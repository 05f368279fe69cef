// Package html writes a report.Document as the article for the association's website: one
// self-contained HTML5 page (no external file, font, script or request), or the <article> alone
// for a site's editor, with its styles scoped to the article. Headline, date line and lead come
// first, then the report's body — its sentences, the office's notes, the tables as real tables,
// the chart as inline SVG with a text alternative — without the signature. The same document
// gives the same bytes.
//
// Like the PDF and Word writers it imports, of the project, only report and lang; the command
// line (cmd/khuyenhoc) imports it.
package html
