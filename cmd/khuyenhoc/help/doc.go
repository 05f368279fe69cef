// Package help holds what the command line says about itself, in Vietnamese and English: the long
// help of every command with its exit statuses, the usage and help templates, and the translation
// of the flag parser's own error messages. It is text only; the command line wires it into cobra.
//
// Only the command line (cmd/khuyenhoc) imports it.
package help
