"""The seed import writes in batches: the same number of statements for a document twice as long,
and the same rows and audit events as a row-at-a-time import wrote (services/import_writes.py)."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Unit, UnitAlias
from policy_tasks.models import AuditEvent, Milestone, Task, TaskUnit
from policy_tasks.services.audit import audit_verify

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "kecheng-2023-16.txt"
AREAS = "一二三四五六七八"
MORE_AREAS = ["九", "十", "十一", "十二", "十三", "十四", "十五", "十六"]


def _doubled(seed: str) -> str:
    """The seed with its eight areas and 55 clauses written twice: 16 areas, 110 clauses."""
    lines = seed.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("一、"))
    last = next(i for i, line in enumerate(lines) if line.startswith("上述8个领域"))
    copy = []
    for line in lines[first:last]:
        if line[:1] in AREAS and line[1:2] == "、":
            line = MORE_AREAS[AREAS.index(line[0])] + line[1:]
        elif match := re.match(r"(\d+)(\s*[.．])", line):
            line = f"{int(match.group(1)) + 55}{line[match.end(1) :]}"
        copy.append(line)
    return "\n".join([*lines[:last], *copy, *lines[last:]])


def _statements(path: Path) -> int:
    """Statements of `manage.py import_policy --dry-run` (the whole import, rolled back at the end)."""
    with CaptureQueriesContext(connection) as queries:
        call_command("import_policy", str(path), "--dry-run", stdout=StringIO())
    return len(queries.captured_queries)


@pytest.mark.django_db
def test_the_seed_import_runs_as_many_statements_for_twice_the_clauses(require_postgres, tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    longer = tmp_path / "doubled.txt"
    longer.write_text(_doubled(seed), encoding="utf-8")
    call_command("import_policy", str(longer), "--dry-run", stdout=(out := StringIO()))
    assert "新增 110" in out.getvalue()  # the copy is read as 110 clauses, not merged into 55
    assert _statements(SEED) == _statements(longer) < 60


@pytest.mark.django_db
def test_a_command_import_records_every_new_unit_and_alias_before_the_document(require_postgres):
    call_command("import_policy", str(SEED), stdout=StringIO())
    events = list(AuditEvent.objects.order_by("id").values_list("action", "object_id", "after"))
    units, aliases = Unit.objects.count(), UnitAlias.objects.count()
    head = events[: units + aliases]
    # As when each row was saved on its own: a unit's event, then its aliases', unit by unit.
    assert {action for action, _, _ in head} == {"account.unit_added", "account.unit_alias_added"}
    seen: set[str] = set()
    for action, object_id, after in head:
        if action == "account.unit_added":
            seen.add(object_id)
            assert Unit.objects.get(pk=object_id).name == after["name"]
        else:
            alias = UnitAlias.objects.get(pk=object_id)
            assert str(alias.unit_id) in seen and alias.alias == after["alias"]
    assert [action for action, _, _ in events[units + aliases :]] == [
        "document.import",
        "document.generate_periods",
    ]
    assert audit_verify() is None
    assert Task.objects.count() == 55 and TaskUnit.objects.filter(task__number=1).count() == 5
    assert Milestone.objects.filter(task__isnull=True).exists()  # the areas' own targets


@pytest.mark.django_db
def test_a_command_import_chains_its_units_and_tasks_events_in_one_batch(require_postgres):
    """The units' events and the report periods' event (services/periods.py) join the document's
    batch: one lock, one read of the chain's end and one insert for all of them."""
    with CaptureQueriesContext(connection) as queries:
        call_command("import_policy", str(SEED), stdout=StringIO())
    locks = [q["sql"] for q in queries.captured_queries if "pg_advisory_xact_lock" in q["sql"]]
    inserts = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith('INSERT INTO "policy_tasks_auditevent"')
    ]
    assert len(locks) == len(inserts) == 1
    assert AuditEvent.objects.count() == Unit.objects.count() + UnitAlias.objects.count() + 2
