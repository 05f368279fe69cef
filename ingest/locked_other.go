//go:build !windows

package ingest

// lockedByOther is false: outside Windows, a file open in another program can still be read.
func lockedByOther(err error) bool { return false }
