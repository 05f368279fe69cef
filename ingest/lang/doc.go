// Package lang says things in the user's language: it picks the Vietnamese or the English text,
// writes numbers, percentages and money the way each language reads them (2.191.958; 20,74%;
// 191,2 tỷ đồng), and carries errors said in both languages.
//
// It imports nothing of this module, so that every package may import it.
package lang
