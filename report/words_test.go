package report

import (
	"reflect"
	"testing"
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
