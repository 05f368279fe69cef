// Package rollup adds returns up along the hierarchy of units: the roster of units and clusters,
// the tree of a scope (a unit or an emulation cluster) with each node's totals, who has and has
// not reported, and the comparison with last period's roll-up. A return speaks for its unit's
// whole subtree, so no figure is ever counted twice, and ratios are ratios of sums.
//
// It imports ingest, lang, preset and strictyaml; targets, the pipeline, the report (with
// report/excel and report/view) and the command line import it.
package rollup
