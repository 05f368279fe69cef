// Package html writes a report.Document as the article for the association's website: one
// self-contained HTML5 page (no external file, font, script or request), or the <article> alone
// for a site's editor, with its styles scoped to the article. Headline, date line and lead come
// first, then the report's body — its sentences, the office's notes, the tables as real tables,
// the chart as inline SVG with a text alternative — without the signature. The same document
// gives the same bytes.
//
// It imports only report and lang of this module; only the command line imports it.
package html
