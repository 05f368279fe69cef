// Package pdf lays a report.Document out as an A4 PDF in the layout of a Vietnamese
// administrative report, with Liberation Serif embedded so that the text copies out exactly.
//
// It imports only report and lang of this module; only the command line imports it.
package pdf
