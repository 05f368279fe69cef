package ingest

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"strings"
	"time"
)

// maxCoreSize bounds what is read of a workbook's docProps/core.xml (a few hundred bytes as
// Excel and LibreOffice write it).
const maxCoreSize = 64 << 10

// savedAt is when the workbook at path was last saved, as it says itself (dcterms:modified in
// docProps/core.xml, set by Excel and LibreOffice on every save); ok is false when it does not say.
// The file's own time on disk is not used: copying a file changes it.
func savedAt(path string) (t time.Time, ok bool) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return time.Time{}, false
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !strings.EqualFold(f.Name, "docProps/core.xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return time.Time{}, false
		}
		defer rc.Close()
		var core struct {
			Modified string `xml:"modified"`
		}
		if err := xml.NewDecoder(io.LimitReader(rc, maxCoreSize)).Decode(&core); err != nil {
			return time.Time{}, false
		}
		return parseW3CDTF(core.Modified)
	}
	return time.Time{}, false
}

// parseW3CDTF reads a time as core.xml writes it: 2024-06-30T08:12:05Z, with or without
// fractions of a second or a zone (then UTC).
func parseW3CDTF(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999"} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() > 1900 {
			return t, true
		}
	}
	return time.Time{}, false
}
