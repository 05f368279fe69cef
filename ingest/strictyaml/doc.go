// Package strictyaml reads the YAML files people write by hand (rosters, targets) strictly:
// duplicate keys at any level, a second document, unknown keys (with the nearest known one) and
// values of the wrong kind are refused with their line, in Vietnamese and English, and never with
// the names of Go types.
//
// It imports only lang of this module; rollup (rosters) and targets import it.
package strictyaml
