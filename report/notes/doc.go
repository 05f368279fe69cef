// Package notes reads the office's own words for a report: a Markdown file of sections (## and
// ### headings, paragraphs, "-" lists, **bold** and *italic*) with figure placeholders such as
// {{hoi_vien}} or {{gia_dinh.ty_le.change}}, and a "## Nơi nhận" section of recipients. It knows
// the shape of the text and nothing of figures: the report fills the placeholders in.
//
// It imports only lang of this module; report and the command line (which reads --notes) import it.
package notes
