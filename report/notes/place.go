package notes

// Placement says where the sections of the notes go among the report's generated sections.
type Placement struct {
	Before []Section         // before the first generated section: the context
	After  map[int][]Section // after generated section i's figures: its own words, and what follows it
	End    []Section         // after the last generated section, before the signature
}

// Place puts the notes among the generated sections, whose titles are given in order. A ##
// section (with the ### sections under it) whose title matches a generated one goes after that
// section's figures; unmatched sections keep their order relative to the matched ones: those
// before the first match go before the figures, those after the last match at the end.
func Place(n *Notes, generated []string) Placement {
	pl := Placement{After: map[int][]Section{}}
	index := map[string]int{}
	for i, g := range generated {
		if _, dup := index[Key(g)]; !dup {
			index[Key(g)] = i
		}
	}
	// Groups: a ## section and the ### sections that follow it (the text before any heading is a
	// group of its own).
	var groups [][]Section
	for _, s := range n.Sections {
		if s.Level == 3 && len(groups) > 0 {
			groups[len(groups)-1] = append(groups[len(groups)-1], s)
			continue
		}
		groups = append(groups, []Section{s})
	}
	lastMatch := -1 // the last group that matches a generated section
	for gi, g := range groups {
		if _, ok := index[Key(g[0].Title)]; ok && g[0].Level == 2 {
			lastMatch = gi
		}
	}
	last := -1 // the generated section the previous matched group went after
	for gi, g := range groups {
		if i, ok := index[Key(g[0].Title)]; ok && g[0].Level == 2 {
			last = i
			pl.After[i] = append(pl.After[i], g...)
			continue
		}
		switch {
		case last < 0:
			pl.Before = append(pl.Before, g...)
		case gi > lastMatch:
			pl.End = append(pl.End, g...)
		default:
			pl.After[last] = append(pl.After[last], g...)
		}
	}
	return pl
}
