package lang

import (
	"errors"
	"io/fs"
	"testing"
)

func TestMsg(t *testing.T) {
	unitCode := Msg{"mã đơn vị", "unit code"}
	count := func(n int64) func(Lang) string { return func(l Lang) string { return Int(l, n) } }
	tests := []struct {
		name   string
		m      Msg
		args   []any
		vi, en string
	}{
		{"plain", Msg{"đơn vị %s", "unit %s"}, []any{"447"}, "đơn vị 447", "unit 447"},
		{"reordered", Msg{"%[2]s của %[1]s", "%[1]s's %[2]s"}, []any{"Hà Giang", "hội viên"}, "hội viên của Hà Giang", "Hà Giang's hội viên"},
		{"word", Msg{"%s %s không hợp lệ", "the %s %s is not valid"}, []any{unitCode, "a/b"}, "mã đơn vị a/b không hợp lệ", "the unit code a/b is not valid"},
		{"number", Msg{"%s hội viên", "%s members"}, []any{count(2191958)}, "2.191.958 hội viên", "2,191,958 members"},
		{"error", Msg{"không đọc được: %v", "cannot read: %v"}, []any{Msg{"hỏng", "broken"}.Errorf()}, "không đọc được: hỏng", "cannot read: broken"},
		{"os error", Msg{"lỗi: %v", "error: %v"}, []any{&fs.PathError{Op: "open", Path: "a.xlsx", Err: fs.ErrNotExist}},
			"lỗi: «a.xlsx»: không có tệp hoặc thư mục này", "error: open a.xlsx: file does not exist"},
		{"part", Msg{"%s; hãy sửa", "%s; correct it"}, []any{Msg{"tỷ lệ %s", "rate %s"}.With("35%")}, "tỷ lệ 35%; hãy sửa", "rate 35%; correct it"},
		{"no args", Msg{"100%% đã gửi", "100%% sent"}, nil, "100% đã gửi", "100% sent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.In(Vi, tt.args...); got != tt.vi {
				t.Errorf("In(Vi) = %q, want %q", got, tt.vi)
			}
			if got := tt.m.In(En, tt.args...); got != tt.en {
				t.Errorf("In(En) = %q, want %q", got, tt.en)
			}
			e := tt.m.Errorf(tt.args...)
			if e.Message(Vi) != tt.vi || e.Error() != tt.en {
				t.Errorf("Errorf = %q / %q, want %q / %q", e.Message(Vi), e.Error(), tt.vi, tt.en)
			}
		})
	}
}

func TestMsgErrorfCause(t *testing.T) {
	first, second := errors.New("first"), errors.New("second")
	e := Msg{"%v, %v", "%v, %v"}.Errorf(first, second)
	if !errors.Is(e, first) || e.Err != first {
		t.Errorf("cause = %v, want the first error", e.Err)
	}
	if e := (Msg{"%s", "%s"}).Errorf("x"); e.Err != nil {
		t.Errorf("cause = %v without an error argument", e.Err)
	}
}

func TestJoin(t *testing.T) {
	part := Msg{"ô %s = %s", "cell %s = %s"}
	j := Join([]Msg{part.With("B7", "5%"), part.With("B9", "6%")}, "; ")
	if got, want := (Msg{"hai ô: %s", "two cells: %s"}).In(Vi, j), "hai ô: ô B7 = 5%; ô B9 = 6%"; got != want {
		t.Errorf("Join in Vi = %q, want %q", got, want)
	}
	if got, want := j.In(En), "cell B7 = 5%; cell B9 = 6%"; got != want {
		t.Errorf("Join in En = %q, want %q", got, want)
	}
}

func TestDidYouMean(t *testing.T) {
	e := Msg{"không có mã %s", "no code %s"}.Errorf("xa")
	e.Line = 3
	got := e.DidYouMean("xã")
	if got.Message(Vi) != "dòng 3: không có mã xa — có phải xã?" || got.Error() != "line 3: no code xa — did you mean xã?" {
		t.Errorf("DidYouMean = %q / %q", got.Message(Vi), got.Error())
	}
	if e.DidYouMean("") != e {
		t.Error("DidYouMean without a suggestion changed the error")
	}
}
