"""Writes N commune returns with openpyxl from the template, for the benchmark of BENCHMARKS.md.

    khuyenhoc template -o mau.xlsx
    /usr/bin/python3 ingest/xlsx/testdata/openpyxl-returns.py mau.xlsx DIR 1000

Each return is the template loaded and saved by openpyxl (its own XML: shared strings, its
styles, formulas without cached results), with a unit code, a parent, the period and random
consistent figures in every raw figure cell. Seeded: the same N gives the same files.
"""
import os
import random
import sys

from openpyxl import load_workbook


def main(template, folder, n):
    rng = random.Random(10)
    os.makedirs(folder, exist_ok=True)
    for i in range(n):
        wb = load_workbook(template)
        info = wb["Thông tin"]
        for row in info.iter_rows(min_row=1):
            code = row[0].value
            if code == "ma_don_vi":
                row[2].value = f"{10000 + i:05d}"
            elif code == "ten_don_vi":
                row[2].value = f"Hội Khuyến học xã số {i}"
            elif code == "cap":
                row[2].value = "xa"
            elif code == "ma_cap_tren":
                row[2].value = str(400 + i % 12)
            elif code == "ky_bao_cao":
                row[2].value = "2024"
        figures = wb["Số liệu"]
        population = rng.randint(3000, 30000)
        for row in figures.iter_rows(min_row=4):
            code = row[0].value
            if not code:
                continue
            if code == "dan_so":
                row[3].value = population
            elif code.endswith(".tong"):
                row[3].value = rng.randint(20, 40)
            elif code.endswith(".co_hoi"):
                row[3].value = rng.randint(0, 20)
            elif code == "hoi_vien":
                row[3].value = rng.randint(population // 10, population // 4)
            elif code.startswith(("quy.", "hoc_bong.tien", "khen_thuong.tien", "ho_tro.tien")):
                row[3].value = rng.randint(0, 500) * 100000
            else:
                row[3].value = rng.randint(0, 50)
        models = wb["Mô hình học tập"]
        for row in models.iter_rows(min_row=4):
            if not row[0].value:
                continue
            total = rng.randint(50, 3000)
            registered = rng.randint(0, total)
            row[2].value, row[3].value, row[4].value = total, registered, rng.randint(0, registered)
        wb.save(os.path.join(folder, f"xa-{10000 + i:05d}.xlsx"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
