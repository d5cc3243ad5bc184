"""CPU per test file, for work on the suite's time (issue 17): opt-in, a measuring aid only.

    DUBAN_CPU_PER_FILE=/tmp/cpu .venv/bin/python -m pytest -p tests.cpu_per_file -n 4 --dist loadfile ...

(`python -m pytest`: the checkout must be on sys.path when pytest loads the plugin.)

Wall seconds per file (--durations, junit) say little when four workers share two cores: a file
waiting on a browser looks as slow as one burning both. This records what each file costs in CPU:
the process's own user+sys time and that of the subprocesses it has waited for (Celery workers,
manage.py, a child pytest, Chromium once its browser closes), from the start of a test's setup to
the end of its teardown, so a module fixture's work counts for the test that set it up or tore it
down. PostgreSQL's and Redis's own CPU are counted nowhere.

Each process (xdist worker, or the single process) writes `<name>.json` into the folder; the
process that ends last (the controller under xdist) also writes `cpu-per-file.txt` there, every
file by CPU, most first. Without DUBAN_CPU_PER_FILE the plugin does nothing.
"""

from __future__ import annotations

import json
import os
import resource
import time
from collections import defaultdict
from pathlib import Path

import pytest

_FOLDER = os.environ.get("DUBAN_CPU_PER_FILE")
_cpu: dict[str, float] = defaultdict(float)
_wall: dict[str, float] = defaultdict(float)
_tests: dict[str, int] = defaultdict(int)


def _cpu_now() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    if not _FOLDER:
        yield
        return
    cpu, wall = _cpu_now(), time.monotonic()
    yield
    path = item.nodeid.split("::", 1)[0]
    _cpu[path] += _cpu_now() - cpu
    _wall[path] += time.monotonic() - wall
    _tests[path] += 1


def pytest_configure(config):
    """The controller (or the single process) starts from an empty folder: no earlier run's files."""
    if _FOLDER and not os.environ.get("PYTEST_XDIST_WORKER"):
        for stale in Path(_FOLDER).glob("*.json"):
            stale.unlink()


def pytest_sessionfinish(session):
    if not _FOLDER:
        return
    folder = Path(_FOLDER)
    folder.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker or _cpu:
        own = {"cpu": _cpu, "wall": _wall, "tests": _tests, "process_cpu": _cpu_now()}
        (folder / f"{worker or 'single'}.json").write_text(json.dumps(own), encoding="utf-8")
    if worker:
        return
    cpu: dict[str, float] = defaultdict(float)
    wall: dict[str, float] = defaultdict(float)
    tests: dict[str, int] = defaultdict(int)
    for part in folder.glob("*.json"):
        data = json.loads(part.read_text(encoding="utf-8"))
        for path, seconds in data["cpu"].items():
            cpu[path] += seconds
            wall[path] += data["wall"][path]
            tests[path] += data["tests"][path]
    lines = [
        f"{sum(cpu.values()):.1f} CPU-s in {sum(tests.values())} tests of {len(cpu)} files (cpu, wall, tests, file)"
    ]
    lines += [
        f"{cpu[p]:8.1f} {wall[p]:8.1f} {tests[p]:5d}  {p}" for p in sorted(cpu, key=cpu.__getitem__, reverse=True)
    ]
    (folder / "cpu-per-file.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
