"""A scan that finds its candidates and then meets a key another scan wrote meanwhile.

On PostgreSQL a page of milestones goes into the ledger by one INSERT … SELECT per rule; a racing
scan's row for one of its keys is skipped (the ledger's unique key decides), and the page's other
rows go in: every person still hears once, and the racing row is not counted as this scan's.
"""

from __future__ import annotations

from datetime import date

import pytest

from notifications.models import Delivery
from notifications.services import scan_write
from tests.notifications.conftest import run_day

pytestmark = pytest.mark.django_db

DUE = date(2023, 10, 31)
_KEY = ("subject_type", "subject_id", "subject_ref", "rule_id", "due_date", "occurrence", "recipient_id", "channel")


def _ledger() -> list[tuple]:
    return sorted(Delivery.objects.values_list(*_KEY, "fire_date"))


@pytest.fixture
def rows_of_the_day(world, rules):
    """The day's rows as a scan with no rival writes them; then the ledger empty again."""
    run_day(DUE, send=False)
    written = list(Delivery.objects.values(*_KEY, "fire_date", "task_id", "next_attempt_at", "created_at"))
    assert len(written) == 2
    Delivery.objects.all().delete()
    return written


def test_a_key_written_by_a_racing_scan_is_skipped_and_the_rest_written(rows_of_the_day, monkeypatch, require_postgres):
    # The database fans milestones out on PostgreSQL only (elsewhere bulk_create ignores conflicts).
    expected = sorted(tuple(row[name] for name in (*_KEY, "fire_date")) for row in rows_of_the_day)
    rival = rows_of_the_day[0]
    found = scan_write.statements

    def statements_then_a_rival_row(*args, **kwargs):
        # After the candidates were found (no row yet), before the page's insert: the other scan's row.
        Delivery.objects.create(**rival, status=Delivery.Status.PENDING)
        return found(*args, **kwargs)

    monkeypatch.setattr(scan_write, "statements", statements_then_a_rival_row)
    result, _ = run_day(DUE, send=False)
    assert _ledger() == expected
    assert result.inserted == 1  # the rival's row is not counted as this scan's


def test_without_a_rival_the_page_goes_in_whole(rows_of_the_day):
    expected = sorted(tuple(row[name] for name in (*_KEY, "fire_date")) for row in rows_of_the_day)
    result, _ = run_day(DUE, send=False)
    assert _ledger() == expected
    assert result.inserted == 2
