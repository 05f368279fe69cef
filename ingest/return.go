package ingest

// Unit is an association at some level: who a return speaks for.
type Unit struct {
	Code   string `json:"code" yaml:"ma"`
	Name   string `json:"name,omitempty" yaml:"ten"`
	Level  string `json:"level,omitempty" yaml:"cap"`
	Parent string `json:"parent,omitempty" yaml:"cap_tren"`
}

// Value is one raw figure of a return: N when OK (reported), and the cell it came from.
type Value struct {
	N     int64
	OK    bool
	Sheet int8 // index into the return's sheet names
	Col   int16
	Row   int32
}

// Return is one unit's return for one period: the figures it reports, each with its cell.
type Return struct {
	File       string
	Unit       Unit
	Period     Period
	ReportDate string
	Preparer   string
	Version    int
	Estimated  bool      // figures estimated from shares of split units (last period on the new map)
	Coverage   *Coverage // a consolidated return's coverage; nil when it speaks for all its units
	values     []Value   // indexed by Figure.Index
	sheets     []string  // names of the sheets values came from
	// numericUnit and numericParent say that the code cell held a number, whose leading zeros
	// Excel may have dropped (2125 for 02125).
	numericUnit, numericParent bool
}

// NewReturn makes an empty return for the catalogue, to be filled with Set.
func NewReturn(cat *Catalogue, u Unit, p Period) *Return {
	return &Return{Unit: u, Period: p, Version: cat.Version, values: make([]Value, len(cat.Raw))}
}

// Value is the raw figure's value in this return.
func (r *Return) Value(f *Figure) Value {
	if f.index < 0 || f.index >= len(r.values) {
		return Value{}
	}
	return r.values[f.index]
}

// Set records a raw figure's value.
func (r *Return) Set(f *Figure, n int64) {
	if f.index >= 0 && f.index < len(r.values) {
		r.values[f.index] = Value{N: n, OK: true}
	}
}

// Cell is "Sheet!A1" for a value, or "" when it did not come from a workbook.
func (r *Return) Cell(v Value) (sheet, cell string) {
	if int(v.Sheet) >= len(r.sheets) || v.Row == 0 {
		return "", ""
	}
	return r.sheets[v.Sheet], cellName(int(v.Col), int(v.Row))
}

func (r *Return) unset(f *Figure) { r.values[f.index] = Value{} }
