//go:build windows

package ingest

import (
	"os"
	"testing"

	"golang.org/x/sys/windows"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// A workbook held open by Excel is that file's problem, said in Vietnamese: close it in Excel.
func TestLockedByExcel(t *testing.T) {
	for _, errno := range []error{windows.ERROR_SHARING_VIOLATION, windows.ERROR_LOCK_VIOLATION} {
		err := &os.PathError{Op: "open", Path: `C:\bao-cao\447.xlsx`, Err: errno}
		if !lockedByOther(err) {
			t.Errorf("%v: not seen as a file held open by another program", err)
		}
		if got, want := osReason(err, lang.Vi), wordLocked.Vi; got != want {
			t.Errorf("reason = %q, want %q", got, want)
		}
	}
	if lockedByOther(&os.PathError{Op: "open", Path: `C:\x.xlsx`, Err: windows.ERROR_ACCESS_DENIED}) {
		t.Error("access denied is seen as a file held open")
	}
}
