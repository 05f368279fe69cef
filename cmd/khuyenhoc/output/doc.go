// Package output writes a command's output files so that no input is ever touched: every output
// is checked before anything is written (its extension, its folder, that it is neither an input nor
// inside an input folder, also through symlinks, and that no two outputs are the same file), then
// written to a temporary file beside it, synced, and renamed only when all outputs are complete.
//
// It writes reports, consolidated returns, templates and rosters alike. It imports lang and
// cmd/khuyenhoc/help, where its messages are; only the command line (cmd/khuyenhoc) imports it.
package output
