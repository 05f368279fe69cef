package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteText writes the document as plain text, one paragraph a line, tables as lines of cells
// separated by " | ": what the report says, without its layout, for tests and for diffs.
func (d *Document) WriteText(w io.Writer) error {
	b := bufio.NewWriter(w)
	h := d.Header
	if h.Parent != "" {
		fmt.Fprintln(b, h.Parent)
	}
	for _, line := range []string{h.Org, h.Number, h.Country, h.Motto, h.PlaceDate, "", h.Kind} {
		fmt.Fprintln(b, line)
	}
	for _, line := range h.Title {
		fmt.Fprintln(b, line)
	}
	for _, bl := range d.Blocks {
		switch bl := bl.(type) {
		case *Heading:
			fmt.Fprintln(b)
			if bl.Number != "" {
				fmt.Fprintf(b, "%s. ", bl.Number)
			}
			fmt.Fprintln(b, bl.Text)
		case *Paragraph:
			fmt.Fprintln(b, bl.Text())
		case *List:
			for _, item := range bl.Items {
				fmt.Fprintln(b, "- "+RunsText(item))
			}
		case *Table:
			var head []string
			for _, c := range bl.Columns {
				head = append(head, c.Header)
			}
			fmt.Fprintln(b, "| "+strings.Join(head, " | ")+" |")
			for _, r := range bl.Rows {
				fmt.Fprintln(b, "| "+strings.Join(r.Cells, " | ")+" |")
			}
		case *Chart:
			fmt.Fprintln(b, bl.Title)
			group := ""
			for _, bar := range bl.Bars {
				if bar.Group != group {
					group = bar.Group
					fmt.Fprintln(b, " "+group)
				}
				mark := "✗"
				if bar.Met {
					mark = "✓"
				}
				fmt.Fprintf(b, "  %s: %s / %s %s\n", bar.Label, bar.Value, bar.TargetText, mark)
			}
			fmt.Fprintln(b, bl.Legend)
		case *Signature:
			fmt.Fprintln(b)
			fmt.Fprintln(b, bl.Recipients)
			for _, t := range bl.To {
				fmt.Fprintln(b, t)
			}
			fmt.Fprintln(b, strings.Join(bl.Signer, " / "))
			if bl.Name != "" {
				fmt.Fprintln(b, bl.Name)
			}
		case *PageBreak:
			fmt.Fprintln(b, "\f")
		}
	}
	return b.Flush()
}
