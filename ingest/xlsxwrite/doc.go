// Package xlsxwrite helps write workbooks with excelize: the same workbook always gives the same
// bytes (parts in name order), sheets print on A4, and a workbook built once can be stamped with
// other values many times over without being built again.
//
// It imports nothing of this module; ingest (the template) and report/excel import it.
package xlsxwrite
