package notes

import (
	"strings"
	"testing"
)

// A line of any length is read (no line scanner with a bounded buffer); a file over MaxSize is
// refused with a message saying so, before it is parsed.
func TestSize(t *testing.T) {
	long := strings.Repeat("Năm 2023 hội viên tăng. ", (MaxSize-100)/len("Năm 2023 hội viên tăng. "))
	n, err := Parse(strings.NewReader(long+"\n\n## Đánh giá chung\nTốt.\n"), "dai.md")
	if err != nil {
		t.Fatalf("a %d-byte line: %v", len(long), err)
	}
	if len(n.Sections) != 2 {
		t.Errorf("%d sections, want 2", len(n.Sections))
	}
	_, err = Parse(strings.NewReader(strings.Repeat("x", MaxSize+1)), "lon.md")
	if err == nil || !strings.Contains(err.(*Error).Vi, "tệp lời văn lớn hơn 2 MB") {
		t.Errorf("a file over the cap: %v", err)
	}
}
