// Package help holds every word the command line says, in Vietnamese and English: the use line,
// description and long help of every command with its exit statuses, the description of every
// flag, the usage and help templates, and the translation of the flag parser's own error messages
// (texts.go, help.go); the messages of the commands and of their outputs — usage errors,
// warnings, what was written (messages.go). It is text only; the command line wires it into cobra
// and its messages.
//
// It imports only lang of this module; only the command line (cmd/khuyenhoc and its output
// package) imports it.
package help
