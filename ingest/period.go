package ingest

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Period is a reporting period: a whole year, or its first half.
type Period struct {
	Year      int
	FirstHalf bool
}

// ParsePeriod reads "2024", "2024-H1", and the ways offices write them ("6T/2024",
// "6 tháng đầu năm 2024", "năm 2024").
func ParsePeriod(s string) (Period, error) {
	t := strings.ToLower(strings.TrimSpace(norm.NFC.String(s)))
	t = strings.TrimSuffix(t, ".0")
	var p Period
	for _, prefix := range []string{"6 tháng đầu năm", "6 tháng năm", "6t/", "6t", "h1/", "h1 "} {
		if rest, ok := strings.CutPrefix(t, prefix); ok {
			t, p.FirstHalf = strings.TrimSpace(rest), true
			break
		}
	}
	if !p.FirstHalf {
		if rest, ok := strings.CutSuffix(t, "-h1"); ok {
			t, p.FirstHalf = rest, true
		}
	}
	t = strings.TrimSpace(strings.TrimPrefix(t, "năm"))
	y, err := strconv.Atoi(t)
	if err != nil || y < 1990 || y > 2100 {
		return Period{}, msgBadPeriodFlag.Errorf(s)
	}
	p.Year = y
	return p, nil
}

// String is the period's code: "2024" or "2024-H1".
func (p Period) String() string {
	if p.Year == 0 {
		return ""
	}
	if p.FirstHalf {
		return fmt.Sprintf("%d-H1", p.Year)
	}
	return strconv.Itoa(p.Year)
}

// Label is how reports name the period: "năm 2024", "6 tháng đầu năm 2024".
func (p Period) Label(l lang.Lang) string {
	if p.FirstHalf {
		return wordFirstHalf.In(l, p.Year)
	}
	return wordYear.In(l, p.Year)
}

// IsZero reports whether the period is unset.
func (p Period) IsZero() bool { return p.Year == 0 }

// MarshalText writes the period's code.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }
