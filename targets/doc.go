// Package targets reads targets files (chỉ tiêu) and measures a roll-up against them: for the scope
// and for each unit, every figure's actual value, its target, the gap, and whether it is met.
//
// It imports ingest, lang, rollup and strictyaml; the pipeline, the report (with report/view) and
// the command line import it.
package targets
