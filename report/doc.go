// Package report writes what the tool found for people and for programs: the text and JSON of
// ingest and check, and the consolidated Excel and PDF reports of a unit or a cluster. Numbers are
// written the Vietnamese way (2.191.958; 20,74%; 191,2 tỷ đồng) unless the language is English.
package report
