// Package textfix repairs every text of a report.Document before a writer lays it out: bytes that
// are not UTF-8 become U+FFFD, characters the writer cannot draw become a visible mark, and each
// repaired text is reported once, with where it stands in the report.
//
// It imports report and lang of this module; the PDF and Word writers import it.
package textfix
