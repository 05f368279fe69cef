package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

var (
	dayFirst  = regexp.MustCompile(`^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$`)
	yearFirst = regexp.MustCompile(`^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})$`)
	inWords   = regexp.MustCompile(`ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})`)
)

// ParseDate reads a report date the ways offices write it: 05/07/2024, 5/7/2024, 05-07-2024,
// 05.07.2024, 2024-07-05, "ngày 05 tháng 7 năm 2024" (with a place before it or not), and an Excel
// date serial number. Day comes before month, as in Vietnam.
func ParseDate(s string) (time.Time, bool) {
	t := strings.ToLower(strings.TrimSpace(norm.NFC.String(s)))
	if t == "" {
		return time.Time{}, false
	}
	if first, _, ok := strings.Cut(t, " "); ok && len(first) >= 8 && !strings.Contains(t, "tháng") {
		t = first // "2024-07-05 00:00:00"
	}
	var y, m, d string
	if g := dayFirst.FindStringSubmatch(t); g != nil {
		d, m, y = g[1], g[2], g[3]
	} else if g := yearFirst.FindStringSubmatch(t); g != nil {
		y, m, d = g[1], g[2], g[3]
	} else if g := inWords.FindStringSubmatch(t); g != nil {
		d, m, y = g[1], g[2], g[3]
	} else if n, err := strconv.ParseFloat(t, 64); err == nil && n >= 1 && n < 100000 {
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n)), true
	} else {
		return time.Time{}, false
	}
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	date := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if mi < 1 || mi > 12 || di < 1 || date.Day() != di {
		return time.Time{}, false
	}
	return date, true
}
