// Package chart lays out the report's chart of rates against their targets as drawings in
// millimetres — text, rectangles and lines — that the PDF and the Word file's picture draw alike
// (the article's web page draws its own, report/html). Bars run across, in the order given (the
// report sorts each group from the highest rate), unit names are whole (wrapped, never cut), the
// target is an upright mark across its bar's row, and a missed target is hatched and says so in
// words, so that the chart reads the same printed in black and white. A chart longer than a page
// continues on whole pages, each with the chart's title.
//
// It imports only report of this module; the PDF and Word writers import it.
package chart
