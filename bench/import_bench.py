"""Time `import_policy` on the seed document: first import, then a re-import (no change).

Usage: .venv/bin/python bench/import_bench.py [--database-url URL] [--runs 5]
Runs against a throwaway database (SQLite file in a temp dir by default, or the
PostgreSQL database named by --database-url, which is dropped and re-created).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
    os.environ["DUBAN_VAR_DIR"] = tmp
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duban.settings")
    sys.path.insert(0, str(ROOT))
    if args.database_url:
        name = args.database_url.rsplit("/", 1)[1]
        base = args.database_url.rsplit("/", 1)[0] + "/postgres"
        subprocess.run(["psql", base, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True)
        subprocess.run(["psql", base, "-qc", f"CREATE DATABASE {name}"], check=True)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from policy_tasks.services.imports import document_import

    call_command("migrate", verbosity=0)
    text = (ROOT / "fixtures" / "kecheng-2023-16.txt").read_text(encoding="utf-8")
    first, again = [], []
    for _ in range(args.runs):
        # Each run starts from an empty database (flush truncates; the audit trigger allows that).
        call_command("flush", interactive=False, verbosity=0)
        started = time.perf_counter()
        result = document_import(text=text)
        first.append(time.perf_counter() - started)
        started = time.perf_counter()
        assert document_import(text=text).changed is False
        again.append(time.perf_counter() - started)
    print(f"database: {connection.vendor}")
    print(
        f"seed import (55 tasks, {result.document.milestones.count()} milestones): "
        f"median {statistics.median(first) * 1000:.0f} ms over {len(first)} run(s)"
    )
    print(f"re-import, no change: median {statistics.median(again) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
