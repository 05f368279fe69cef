// Package pdf lays a report.Document out as an A4 PDF in the layout of a Vietnamese
// administrative report, with Liberation Serif embedded so that the text copies out exactly.
//
// It imports only report, lang, report/chart (the chart's layout) and report/internal/textfix
// (every text made drawable) of this module; only the command line imports it.
package pdf
