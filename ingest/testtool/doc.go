// Package testtool finds the external programs and Python modules that tests drive (LibreOffice,
// pdftotext, qpdf, openpyxl, xlsxwriter): a test without its tool is skipped on a developer's
// machine and fails in CI, where KHUYENHOC_REQUIRE_TOOLS is set, so that no test passes by not
// running. It also checks what every workbook the project writes must hold (declared sheet
// dimensions). It imports nothing of the project, so every package's tests can use it.
//
// Tests of every layer import it, and nothing else does.
package testtool
