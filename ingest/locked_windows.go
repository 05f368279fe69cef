//go:build windows

package ingest

import (
	"errors"

	"golang.org/x/sys/windows"
)

// lockedByOther reports whether err says that another program holds the file open so that it
// cannot be read: Excel keeps an open workbook so («being used by another process»).
func lockedByOther(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}
