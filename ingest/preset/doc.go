// Package preset holds the official administrative map of Viet Nam as built-in data, so that a
// roster of the Association for Promoting Education (Hội Khuyến học) can be written without typing
// it: the 34 provinces since 1 July 2025, the 63 provinces before, and the 3,321 communes, wards and
// special zones since 1 July 2025 with the former communes each was formed from, and the 696
// districts and 10,061 communes before.
//
// The data come from the National Statistics Office (Cục Thống kê): its lists of administrative
// units and its conversion table of July 2025 between new and former communes ("Bảng chuyển đổi
// đơn vị hành chính"), as mirrored in github.com/sunshine-tech/VietnamProvinces. The program in
// internal/gen turns those files into data/tinh.tsv, data/xa2025.tsv.gz and data/xa2024.tsv.gz;
// data/SOURCE.md says how.
//
// Four presets exist (see [Names]):
//
//   - "tinh-2025": the central association (code VN) and the 34 provincial associations since
//     1 July 2025, each with the former provinces it was formed from;
//   - "tinh-2024": the central association and the 63 provincial associations before;
//   - "xa-2025": one province since 1 July 2025 and its communes, wards and special zones, each
//     with the former communes it was formed from, whole or in part;
//   - "xa-2024": the map before 1 July 2025 of one province (by its code since 2025: all the former
//     provinces it was formed from; or by a former code): former provinces, their districts (three
//     digits) and their communes.
//
// Codes are the official codes as strings: two digits for a province, five for a commune. Names of
// units are those of their associations ("Hội Khuyến học tỉnh Tuyên Quang", "Hội Khuyến học phường
// Ba Đình"); names of predecessors are the official names of the former units ("Tỉnh Hà Giang",
// "Phường Trúc Bạch"). All text is in Unicode NFC.
//
// The package stands alone: it imports nothing else of this module; rollup and the command line
// (khuyenhoc roster) import it.
package preset
