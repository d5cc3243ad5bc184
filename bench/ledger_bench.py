"""How long the ledger export takes for a big document, and its peak memory (issue 18).

    .venv/bin/python bench/ledger_bench.py [--milestones 100000] [--budget 10]

Builds a throwaway database (SQLite in a temporary folder unless DATABASE_URL is
set), fills one document with clauses of four milestones each, some reported,
some closed, some extended, then times the .xlsx (the rows are built as they are
written, a chunk of clauses at a time) and the .csv. Prints one line per step, the
peak RSS before and after the export (getrusage; the peak is reset after filling, so it is
the export's own), and the total; exits 1 over budget.
On a kept database (DATABASE_URL) a second run reuses the document of the same size.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
BUDGET_SECONDS = 10.0


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
    from policy_tasks.services.lead_reports import refresh_all_lead_reports

    # One document per size, reused when it is there: deleting a document is refused once it
    # has audit history, which made a second run on the same database fail.
    doc_number = f"基准〔2023〕{n_milestones}号"
    existing = PolicyDocument.objects.filter(doc_number=doc_number).first()
    if existing is not None and Milestone.objects.filter(document=existing).count() == n_milestones:
        return existing, True
    if existing is not None:
        raise SystemExit(f"{doc_number} exists with another number of milestones: use a fresh database")
    units = [Unit.objects.get_or_create(name=f"区基准测试局{i:02d}")[0] for i in range(40)]
    author = User.objects.get_or_create(username="bench")[0]
    doc = PolicyDocument.objects.create(
        title="基准测试实施方案",
        doc_number=doc_number,
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
    refresh_all_lead_reports()  # bulk_create sends no signal
    return doc, False


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> bool:
    """Start the peak RSS afresh (Linux: 5 to /proc/self/clear_refs), so a run that filled the
    database first still shows the export's own peak. False where that is not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--milestones", type=int, default=100_000)
    parser.add_argument("--as-of", default="2023-10-31")
    parser.add_argument("--budget", type=float, default=BUDGET_SECONDS, help="seconds for the .xlsx")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="duban-bench-") as tmp:
        workdir = Path(tmp)
        _setup(workdir)
        from policy_tasks.exports.ledger import document_ledger
        from policy_tasks.exports.ledger_csv import write_ledger_csv
        from policy_tasks.exports.ledger_xlsx import write_ledger_xlsx

        t0 = time.perf_counter()
        doc, reused = _fill(args.milestones)
        how = "reused" if reused else "filled"
        print(f"fill      {time.perf_counter() - t0:6.2f} s  ({args.milestones} milestones {how}, not counted)")
        gc.collect()
        fresh = _reset_peak()
        before = _peak_mib()

        as_of = date.fromisoformat(args.as_of)
        t0, cpu0 = time.perf_counter(), time.process_time()
        ledger = document_ledger(document=doc, as_of=as_of)
        source, count = ledger.source, 0

        def counted():
            nonlocal count
            for row in source():
                count += 1
                yield row

        ledger.source = counted
        # As a download makes it: into an anonymous temporary file, sent from there.
        with tempfile.TemporaryFile() as out:
            write_ledger_xlsx(ledger, out)
            t_xlsx, cpu_xlsx = time.perf_counter() - t0, time.process_time() - cpu0
            out.seek(0)
            with open(workdir / "ledger.xlsx", "wb") as copy:
                shutil.copyfileobj(out, copy)
        after_xlsx = _peak_mib()
        rows = count
        t0 = time.perf_counter()
        with open(workdir / "ledger.csv", "wb") as fh:
            write_ledger_csv(ledger, fh)
        t_csv = time.perf_counter() - t0
        size = (workdir / "ledger.xlsx").stat().st_size
        print(f"xlsx      {t_xlsx:6.2f} s  ({rows} rows read and written, {size / 1024:.0f} KiB; "
              f"this process's CPU {cpu_xlsx:.2f} s, load average {os.getloadavg()[0]:.1f})")  # fmt: skip
        print(f"csv       {t_csv:6.2f} s")
        note = "" if fresh else " (peak not reset: includes the fill when it ran in this process)"
        print(f"peak RSS  {before:6.0f} MiB before the export, {after_xlsx:.0f} MiB after the .xlsx "
              f"(+{after_xlsx - before:.0f}), {_peak_mib():.0f} MiB after the .csv{note}")  # fmt: skip
        ok = t_xlsx < args.budget
        print(
            f"ledger.xlsx for {rows} rows: {t_xlsx:.2f} s (budget {args.budget:.0f} s) {'OK' if ok else 'OVER BUDGET'}"
        )
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
