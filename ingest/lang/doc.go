// Package lang says things in the user's language: it picks the Vietnamese or the English text,
// writes numbers, percentages and money the way each language reads them (2.191.958; 20,74%;
// 191,2 tỷ đồng), and carries errors said in both languages. A message is a [Msg]: its Vietnamese
// and English formats, taking the same arguments; every package keeps its own by name in its
// messages.go.
//
// It imports nothing of this module, so that every package may import it.
package lang
