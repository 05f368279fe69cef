package lang

import (
	"errors"
	"testing"
)

func TestMsg(t *testing.T) {
	word := Msg{"mã đơn vị", "unit code"}
	cause := Errorf("không đọc được", "cannot read")
	m := Msg{"%s %q: %v", "%s %q: %v"}
	if got := m.In(Vi, word, "a/b", cause); got != `mã đơn vị "a/b": không đọc được` {
		t.Errorf("In(Vi) = %q", got)
	}
	e := m.Errorf(word, "a/b", cause)
	if e.Message(Vi) != `mã đơn vị "a/b": không đọc được` || e.Error() != `unit code "a/b": cannot read` {
		t.Errorf("Errorf = %q / %q", e.Message(Vi), e.Error())
	}
	if !errors.Is(e, cause) {
		t.Error("the error argument is not the cause")
	}
	part := Msg{"%d%% và %d tệp khác", "%d%% and %d more"}.With(5, 3)
	if got := (Msg{"(%s)", "(%s)"}).In(En, part); got != "(5% and 3 more)" {
		t.Errorf("In with a part = %q", got)
	}
	order := Msg{"%[2]s của %[1]s", "%s's %s"}
	if got := order.In(Vi, "Kỳ Anh", "hội viên"); got != "hội viên của Kỳ Anh" {
		t.Errorf("In with indexes = %q", got)
	}
}
