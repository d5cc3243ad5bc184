"""Time the parser on issue 12's two bounds: the seed under 0.2 s, a 300-row .xlsx task list under 1 s.

Usage: .venv/bin/python bench/parse_bench.py [--runs 7]
Both are timed from the file's bytes to the parsed document (reading the file kind included),
in this process, median of the runs after one warm-up. Exits 1 when a bound is missed.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from policy_tasks.parsing import parse_bytes  # noqa: E402

SEED_BOUND, XLSX_BOUND = 0.2, 1.0
UNITS = [
    "区发改局",
    "区财政局",
    "区住建局",
    "区经信局",
    "区农业农村局",
    "区教育局",
    "区卫健局",
    "区民政局",
    "各乡镇(街道)",
]
WORK = [
    "加快推进重点项目建设，全年完成投资{n}亿元",
    "新建改造农村公路{n}公里，9月底前完成路基工程",
    "新增学位{n}个，秋季开学前投入使用",
    "完成老旧小区改造{n}个，6月底前全部开工",
    "培育规上工业企业{n}家，一季度完成入库申报",
]


def task_list_xlsx(rows: int) -> bytes:
    """A 任务清单 as offices send it: a title row, a header, area rows merged across, numbered tasks."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["2024年度重点工作任务清单"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    sheet.append(["序号", "重点任务", "牵头单位", "配合单位", "责任领导", "完成时限"])
    number = 0
    for area in range(1, rows // 30 + 2):
        if number >= rows:
            break
        sheet.append([f"领域{area}：重点领域工作"] * 6)
        for _ in range(30):
            if number >= rows:
                break
            number += 1
            work = WORK[number % len(WORK)].format(n=number % 50 + 3)
            lead = UNITS[number % len(UNITS)]
            co = "、".join(u for u in UNITS[(number + 1) % 7 : (number + 1) % 7 + 2] if u != lead)
            due = f"2024年{number % 12 + 1}月底前"
            sheet.append([number, work, lead, co, "张明", due])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def timed(data: bytes, filename: str, runs: int) -> tuple[float, object]:
    parsed = parse_bytes(data, filename=filename)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        parsed = parse_bytes(data, filename=filename)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), parsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    seed = (ROOT / "fixtures" / "kecheng-2023-16.txt").read_bytes()
    seed_s, seed_doc = timed(seed, "kecheng-2023-16.txt", args.runs)
    xlsx_s, xlsx_doc = timed(task_list_xlsx(300), "任务清单.xlsx", args.runs)
    ok = True
    for name, seconds, bound, doc, expected in (
        ("seed .txt", seed_s, SEED_BOUND, seed_doc, 55),
        ("300-row .xlsx", xlsx_s, XLSX_BOUND, xlsx_doc, 300),
    ):
        clauses = len(doc.tasks)
        met = seconds < bound and clauses == expected
        ok = ok and met
        print(
            f"{name:<14} {seconds * 1000:7.1f} ms (bound {bound * 1000:.0f} ms)  clauses {clauses}/{expected}  "
            f"{'ok' if met else 'MISSED'}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
