package report

import (
	"reflect"
	"testing"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// TestWordsComplete checks that wording.yaml gives every word of common and workbook in both
// languages: a key left out would print an empty header or sheet name.
func TestWordsComplete(t *testing.T) {
	w := defaultWording()
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		if v.Type() == reflect.TypeFor[Words]() {
			ws := v.Interface().(Words)
			if ws.Vi == "" || ws.En == "" {
				t.Errorf("wording.yaml: %s has no vi or no en", path)
			}
			return
		}
		for i := range v.NumField() {
			walk(path+"."+v.Type().Field(i).Name, v.Field(i))
		}
	}
	walk("common", reflect.ValueOf(w.Common))
	walk("workbook", reflect.ValueOf(w.Workbook))
}

// TestSheetNames pins the workbook's sheet names, which readers and scripts look for.
func TestSheetNames(t *testing.T) {
	s := defaultWording().Workbook.Sheets
	got := []Words{s.Summary, s.Units, s.AllUnits, s.Models, s.Targets, s.Ranking, s.Chart, s.Submissions, s.Problems}
	want := []Words{
		{"Tổng hợp", "Summary"}, {"Đơn vị", "Units"}, {"Tất cả đơn vị", "All units"}, {"Mô hình theo đơn vị", "Models by unit"},
		{"Chỉ tiêu theo đơn vị", "Targets by unit"}, {"Xếp hạng", "Ranking"}, {"Biểu đồ", "Chart"}, {"Tình hình nộp", "Submissions"},
		{"Vấn đề", "Problems"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sheet names = %q, want %q", got, want)
	}
}

// TestPlaceDate checks the place and date above the title in both languages, dated or not.
func TestPlaceDate(t *testing.T) {
	tests := []struct {
		l     lang.Lang
		place string
		date  time.Time
		want  string
	}{
		{lang.Vi, "Ninh Thuận", time.Date(2024, 7, 5, 0, 0, 0, 0, time.UTC), "Ninh Thuận, ngày 05 tháng 7 năm 2024"},
		{lang.Vi, "", time.Date(2025, 2, 20, 0, 0, 0, 0, time.UTC), "ngày 20 tháng 02 năm 2025"},
		{lang.Vi, "Hà Nội", time.Time{}, "Hà Nội, ngày ... tháng ... năm ..."},
		{lang.Vi, "", time.Time{}, "ngày ... tháng ... năm ..."},
		{lang.En, "Hanoi", time.Date(2024, 7, 5, 0, 0, 0, 0, time.UTC), "Hanoi, 5 July 2024"},
		{lang.En, "Hanoi", time.Time{}, "Hanoi, date ..."},
		{lang.En, "", time.Time{}, "date ..."},
	}
	for _, tt := range tests {
		f := &Facts{Lang: tt.l, Date: tt.date, own: Options{Place: tt.place}, words: defaultWording()}
		if got := f.placeDate(); got != tt.want {
			t.Errorf("%s %q %v: placeDate() = %q, want %q", tt.l, tt.place, tt.date, got, tt.want)
		}
	}
}
