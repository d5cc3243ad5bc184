"""How long the ledger export takes for a big document (issue: 10,000 milestones under 5 s).

    .venv/bin/python bench/ledger_bench.py [--milestones 10000] [--keep]

Builds a throwaway database (SQLite in a temporary folder unless DATABASE_URL is
set), fills one document with clauses of four milestones each, some reported,
some closed, some extended, then times reading the rows, writing the .xlsx and
writing the .csv. Prints one line per step and the total; exits 1 over budget.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
BUDGET_SECONDS = 5.0


def _setup(workdir: Path) -> None:
    os.environ.setdefault("DUBAN_VAR_DIR", str(workdir))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duban.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _fill(n_milestones: int):
    from django.utils import timezone

    from accounts.models import Unit, User
    from policy_tasks.models import Area, Milestone, PolicyDocument, ProgressReport, ReportPeriod, Task, TaskUnit

    units = [Unit.objects.get_or_create(name=f"区基准测试局{i:02d}")[0] for i in range(40)]
    author = User.objects.get_or_create(username="bench")[0]
    PolicyDocument.objects.filter(doc_number="基准〔2023〕1号").delete()
    doc = PolicyDocument.objects.create(
        title="基准测试实施方案",
        doc_number="基准〔2023〕1号",
        issued_on=date(2023, 2, 25),
        year=2023,
        default_due=date(2023, 12, 31),
        source_text="bench",
        sha256="0" * 64,
    )
    areas = Area.objects.bulk_create(Area(document=doc, number=i + 1, title=f"领域{i + 1}") for i in range(8))
    n_tasks = max(1, n_milestones // 4)
    tasks = Task.objects.bulk_create(
        Task(document=doc, area=areas[i % 8], number=i + 1, title=f"重点推进第{i + 1}项工程", text="条款原文" * 20)
        for i in range(n_tasks)
    )
    links = []
    for i, task in enumerate(tasks):
        links.append(TaskUnit(task=task, unit=units[i % 40], role="lead", position=0))
        links += [TaskUnit(task=task, unit=units[(i + k) % 40], role="co", position=k) for k in (1, 2, 3)]
    TaskUnit.objects.bulk_create(links, batch_size=2000)
    closed_at = timezone.make_aware(datetime(2023, 6, 1, 10))
    milestones = []
    for i in range(n_milestones):
        due = date(2023, 1 + i % 12, 28)
        milestones.append(
            Milestone(
                document=doc,
                task=tasks[i // 4 % n_tasks],
                position=i % 4,
                text=f"第{i}个节点{due.month}月底前完成建设",
                kind="deadline",
                due_date=due + timedelta(days=3) if i % 7 == 0 else due,
                original_due_date=due,
                delay_count=1 if i % 7 == 0 else 0,
                status="closed" if i % 3 == 0 else "open",
                closed_at=closed_at if i % 3 == 0 else None,
                target_value=2000 if i % 5 == 0 else None,
                target_unit="万元" if i % 5 == 0 else "",
            )
        )
    Milestone.objects.bulk_create(milestones, batch_size=2000)
    period = ReportPeriod.objects.create(
        document=doc, starts_on=date(2023, 9, 1), ends_on=date(2023, 9, 30), due_on=date(2023, 10, 10)
    )
    ProgressReport.objects.bulk_create(
        (
            ProgressReport(
                task=t,
                unit=units[i % 40],
                period=period,
                author=author,
                progress="项目按计划推进，已完成主体工程。" * 3,
                percent=60,
                submitted_at=timezone.make_aware(datetime(2023, 10, 8, 9)),
            )
            for i, t in enumerate(tasks)
            if i % 2 == 0
        ),
        batch_size=2000,
    )
    return doc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--milestones", type=int, default=10_000)
    parser.add_argument("--as-of", default="2023-10-31")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="duban-bench-") as tmp:
        workdir = Path(tmp)
        _setup(workdir)
        from policy_tasks.exports.ledger import ledger_rows
        from policy_tasks.exports.ledger_csv import write_ledger_csv
        from policy_tasks.exports.ledger_xlsx import write_ledger_xlsx

        t0 = time.perf_counter()
        doc = _fill(args.milestones)
        print(f"fill      {time.perf_counter() - t0:6.2f} s  ({args.milestones} milestones, not counted)")

        as_of = date.fromisoformat(args.as_of)
        t0 = time.perf_counter()
        ledger = ledger_rows(document=doc, as_of=as_of)
        t_rows = time.perf_counter() - t0
        t0 = time.perf_counter()
        write_ledger_xlsx(ledger, str(workdir / "ledger.xlsx"))
        t_xlsx = time.perf_counter() - t0
        t0 = time.perf_counter()
        with open(workdir / "ledger.csv", "wb") as fh:
            write_ledger_csv(ledger, fh)
        t_csv = time.perf_counter() - t0
        size = (workdir / "ledger.xlsx").stat().st_size
        print(f"rows      {t_rows:6.2f} s  ({len(ledger.rows)} rows)")
        print(f"xlsx      {t_xlsx:6.2f} s  ({size / 1024:.0f} KiB)")
        print(f"csv       {t_csv:6.2f} s")
        total = t_rows + t_xlsx
        verdict = "OK" if total < BUDGET_SECONDS else "OVER BUDGET"
        print(f"ledger.xlsx for {len(ledger.rows)} milestones: {total:.2f} s (budget {BUDGET_SECONDS:.0f} s) {verdict}")
        return 0 if total < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
