"""The console's bulk reads, the row-by-row path and the grouped one, alternated in one process (issue 18).

    PGOPTIONS="-c max_parallel_workers_per_gather=0" BENCH_DATABASE_URL=… \
        .venv/bin/python bench/page_paths_bench.py [--runs 15]

On the data `bench/page_bench.py` filled (run it first), as the unscoped supervisor at its date.
Each case's two paths run in turn, in the order swapped every run, so both are timed at the same
moments of a shared machine (their ratio holds where wall times swing by 2×): Python's
`process_time`, the PostgreSQL backend's CPU (/proc, 10 ms ticks: a median of many runs) and
wall time, medians in ms. Both paths are in the code: the row-by-row ones are what SQLite and a
small board still use, and what the tests hold the grouped ones equal to.
- page 20: `count()` and the page's ids sorted from every row / web.ledger_window (rows per due
  date, only the page's dates sorted);
- board: `light_bounds.task_lights_bounded` over every clause, counted by area /
  `web.board_counts.summarise`;
- yellow page and board: `web.ledger_lights.light_ids` (every candidate judged) then the board,
  sharing the request's percents as the page did / `judge` and `page_ids`, then the grouped board.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))

from page_bench import AS_OF, DEFAULT_URL, DOC_NUMBER, _actors, _setup  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    _setup(os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    from django.db import connection

    from accounts.roles import request_memo
    from duban import gc_policy
    from duban.lib.sql import custom_plans
    from policy_tasks.models import Milestone, PolicyDocument
    from policy_tasks.permissions import visible_tasks
    from policy_tasks.selectors.counted import open_branches
    from policy_tasks.web import board_counts, ledger, ledger_lights, ledger_window
    from policy_tasks.web.light_bounds import task_lights_bounded

    doc = PolicyDocument.objects.get(doc_number=DOC_NUMBER)
    user = _actors()["supervisor"]
    on = AS_OF
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]

    def backend_ms() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

    def board(grouped: bool) -> object:
        visible = visible_tasks(user).filter(document=doc)
        if grouped:
            visible.count()  # as ledger.board asks before grouping
            return board_counts.summarise(visible, document=doc, on=on, live=open_branches(on))
        rows = [ledger._BoardRow(*row) for row in visible.values_list("id", "area_id", "status").order_by()]
        milestones = Milestone.objects.filter(task__in=visible.values("pk"))
        lights = task_lights_bounded(rows, on=on, milestones=milestones, live=open_branches(on))
        counts: dict = {}
        for row in rows:
            by_light = counts.setdefault(row.area_id, {})
            by_light[lights[row.pk]] = by_light.get(lights[row.pk], 0) + 1
        return counts

    def yellow(grouped: bool) -> object:
        qs = ledger._filtered(user=user, filters=ledger.LedgerFilters(document=doc, light="yellow", as_of=on))
        candidates = ledger_lights.undecided(qs, on)
        if grouped:
            judged = ledger_lights.judge(candidates, light="yellow", on=on)
            ids = ledger_lights.page_ids(candidates, judged, order=ledger.LIST_ORDER, offset=0, limit=50)
        else:
            ids = ledger_lights.light_ids(candidates, light="yellow", on=on, order=ledger.LIST_ORDER)[:50]
        return ids, board(grouped)

    def page_20(grouped: bool) -> object:
        qs = ledger._filtered(user=user, filters=ledger.LedgerFilters(document=doc, light="", as_of=on))
        if grouped:
            counts = ledger_window.due_counts(qs)
            return sum(n for _, n in counts), ledger_window.page_ids(qs, counts, offset=950, limit=50)
        return qs.count(), list(qs.values_list("pk", flat=True)[950:1000])

    cases: dict[str, Callable[[bool], object]] = {
        "page 20: count and ids": page_20,
        "board (every console)": board,
        "yellow page and board": yellow,
    }
    gc_policy.worker_started()
    timed: dict[tuple[str, bool], list[tuple[float, float, float]]] = {}
    for run in range(args.runs + 1):  # the first is a warm-up
        for name, case in cases.items():
            for grouped in (True, False) if run % 2 else (False, True):
                with request_memo(), custom_plans():
                    python, database, wall = time.process_time(), backend_ms(), time.perf_counter()
                    case(grouped)
                    sample = (
                        (time.process_time() - python) * 1000,
                        backend_ms() - database,
                        (time.perf_counter() - wall) * 1000,
                    )
                gc_policy.request_finished()
                if run:
                    timed.setdefault((name, grouped), []).append(sample)
    print(f"{'case':26} {'path':11} {'python':>7} {'postgres':>9} {'wall':>7}   medians of {args.runs}, ms")
    for (name, grouped), samples in timed.items():
        medians = [statistics.median(s[i] for s in samples) for i in range(3)]
        path = "grouped" if grouped else "row by row"
        print(f"{name:26} {path:11} {medians[0]:7.1f} {medians[1]:9.1f} {medians[2]:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
