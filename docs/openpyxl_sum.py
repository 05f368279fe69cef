"""The baseline khuyenhoc is measured against: a plain openpyxl loop over a folder of returns.

For every .xlsx under the folder: load_workbook(read_only=True, data_only=True), read the codes in
column A of «Số liệu» (value in column D) and «Mô hình học tập» (total, registered, recognised in
columns C, D, E), and add the numbers up. Prints how many files and a few totals, to compare with
`khuyenhoc ingest`. Needs Debian's python3-openpyxl:

    /usr/bin/python3 docs/openpyxl_sum.py /tmp/khuyenhoc-10k
"""
import collections
import pathlib
import sys

from openpyxl import load_workbook


def main(folder):
    totals = collections.Counter()
    files = 0
    for path in sorted(pathlib.Path(folder).rglob("*.xlsx")):
        wb = load_workbook(path, read_only=True, data_only=True)
        for row in wb["Số liệu"].iter_rows(values_only=True):
            if row and isinstance(row[0], str) and len(row) > 3 and isinstance(row[3], (int, float)):
                totals[row[0]] += row[3]
        for row in wb["Mô hình học tập"].iter_rows(values_only=True):
            if row and isinstance(row[0], str) and len(row) > 4:
                for suffix, value in zip(("tong", "dang_ky", "cong_nhan"), row[2:5]):
                    if isinstance(value, (int, float)):
                        totals[row[0] + "." + suffix] += value
        wb.close()
        files += 1
    print(f"{files} files")
    for code in ("hoi_vien", "dan_so", "quy.so_du", "gia_dinh.cong_nhan"):
        print(code, totals[code])


if __name__ == "__main__":
    main(sys.argv[1])
