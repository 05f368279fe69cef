package ingest

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/xlsx"
)

// unitInfo reads the information sheet; it reports false when the return cannot be attributed.
func (rd *reader) unitInfo() bool {
	get := func(key string) string { return norm.NFC.String(strings.TrimSpace(rd.info[key].cell.Value)) }
	where := func(key string) (string, int, int) {
		c, ok := rd.info[key]
		if !ok {
			return SheetInfo, 0, 0
		}
		return c.sheet, c.cell.Col, c.row
	}
	r := rd.r
	ok := true
	code := func(key string, word lang.Msg) (string, bool) {
		c := rd.info[key].cell
		v := NormalizeCode(c.Value)
		numeric := false
		if c.Kind == xlsx.Number && v != "" {
			if d, good := parseDecimal(v); good && d.whole() && !d.neg {
				v, numeric = d.integer(), true
			}
		}
		if strings.ContainsFunc(v, lang.IsInvisible) {
			s, col, row := where(key)
			rd.add(Error, CodeInvisible, s, col, row, "", msgInvisibleCode, word, lang.Printable(v))
			ok = false
		}
		return v, numeric
	}
	r.Unit.Code, r.numericUnit = code(keyUnit, wordUnitCode)
	r.Unit.Parent, r.numericParent = code(keyParent, wordParentCode)
	r.Unit.Name = get(keyName)
	r.Preparer = get(keyPreparer)
	r.ReportDate = rd.reportDate(rd.info[keyDate].cell)
	if r.ReportDate != "" {
		// One form downstream (dd/mm/yyyy), whatever form the office wrote it in; a date that
		// cannot be read is named, since lateness and duplicates are decided by it.
		if d, ok := parseReportDate(r.ReportDate); ok {
			r.ReportDate = d.Format("02/01/2006")
		} else {
			s, c, row := where(keyDate)
			rd.add(Warning, CodeBadDate, s, c, row, "", msgBadDate, lang.Printable(r.ReportDate))
			r.ReportDate = ""
		}
	}
	if v := get(keyVersion); v != "" {
		n, err := strconv.ParseFloat(v, 64)
		switch {
		case err != nil:
			s, c, row := where(keyVersion)
			rd.add(Warning, CodeTemplateVersion, s, c, row, "", msgBadVersion, lang.Printable(v), rd.cat.Version)
		case int(n) > rd.cat.Version:
			s, c, row := where(keyVersion)
			rd.add(Error, CodeTemplateVersion, s, c, row, "", msgNewerVersion, int(n), rd.cat.Version)
			ok = false
		case int(n) < rd.cat.Version:
			s, c, row := where(keyVersion)
			rd.add(Warning, CodeTemplateVersion, s, c, row, "", msgOlderVersion, int(n), rd.cat.Version)
		}
		r.Version = int(n)
	}
	if r.Unit.Code == "" {
		s, c, row := where(keyUnit)
		rd.add(Error, CodeMissingUnit, s, max(c, 3), row, "", msgMissingUnit)
		ok = false
	}
	if lv := get(keyLevel); lv != "" {
		code, known := rd.levelCode(lv)
		if !known {
			s, c, row := where(keyLevel)
			rd.add(Error, CodeUnknownLevel, s, c, row, "", msgUnknownLevel, lang.Printable(lv), rd.levelList())
		}
		r.Unit.Level = code
	}
	p := get(keyPeriod)
	if p == "" {
		s, c, row := where(keyPeriod)
		rd.add(Error, CodeMissingPeriod, s, max(c, 3), row, "", msgMissingPeriod)
		return false
	}
	period, err := ParsePeriod(p)
	if err != nil {
		s, c, row := where(keyPeriod)
		rd.add(Error, CodeMissingPeriod, s, c, row, "", msgBadPeriod, lang.Printable(p))
		return false
	}
	r.Period = period
	return ok
}

func (rd *reader) levelCode(s string) (string, bool) {
	n := normName(s)
	if code, _, ok := strings.Cut(n, " "); ok {
		if _, known := rd.cat.Level(code); known {
			return code, true
		}
	}
	for _, l := range rd.cat.Levels {
		if n == l.Code || n == normKnown(l.Vi) || n == normKnown(l.En) || l.Short != "" && n == normKnown(l.Short) {
			return l.Code, true
		}
	}
	return s, false
}

func (rd *reader) levelList() string {
	var codes []string
	for _, l := range rd.cat.Levels {
		codes = append(codes, l.Code)
	}
	return strings.Join(codes, ", ")
}

// reportDate is the report date as dd/mm/yyyy: from a date cell, a date serial number, or the
// text as typed.
func (rd *reader) reportDate(c xlsx.Cell) string {
	s := norm.NFC.String(strings.TrimSpace(c.Value))
	switch c.Kind {
	case xlsx.Date:
		return isoDate(s)
	case xlsx.Number:
		if n, err := strconv.ParseFloat(s, 64); err == nil && n >= 1 && n < 100000 {
			return serialDate(n, rd.book.Date1904())
		}
	}
	return s
}

// parseReportDate reads a report date as offices write it: 15/12/2024, 15-12-2024, 15.12.2024,
// 2024-12-15, «ngày 15 tháng 12 năm 2024».
func parseReportDate(s string) (time.Time, bool) {
	s = strings.ToLower(strings.TrimSpace(norm.NFC.String(s)))
	if f := strings.Fields(s); len(f) == 6 && f[0] == "ngày" && f[2] == "tháng" && f[4] == "năm" {
		s = f[1] + "/" + f[3] + "/" + f[5]
	}
	s = strings.NewReplacer("-", "/", ".", "/").Replace(s)
	for _, layout := range []string{"2/1/2006", "2006/1/2", "2/1/06"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
