"""The tick after a complete one reads only due dates new since (ScanMark.through), and
must still remind everything the full queries would: after an extension, a reopened
milestone, an edited rule, an edited holiday table, a deleted ledger row, and missed days.

Each real tick is compared with a dry run on the same data (the Python path, which always
runs its queries in full), and `since` tells whether the tick used the watermark.
"""

from __future__ import annotations

from datetime import date

from duban.lib import workdays
from notifications.models import Delivery, ReminderRule
from notifications.services.candidates import milestone_queries
from notifications.services.firing import firing
from notifications.services.scan import scan
from notifications.services.scan_window import Window
from notifications.services.timing import as_of
from policy_tasks.models import Milestone
from tests.notifications.test_scan_batches_and_marks import tick
from tests.notifications.test_scan_paths import build_busy_district, extra_rules

MONDAY, TUESDAY, THURSDAY = date(2023, 10, 16), date(2023, 10, 17), date(2023, 10, 19)


def _first_tick(world) -> None:
    extra_rules()
    build_busy_district(world)
    scan(now=as_of(MONDAY))


def test_the_next_days_tick_reads_only_new_due_dates_and_misses_nothing(require_postgres, world, rules):
    _first_tick(world)
    milestone_rules = list(ReminderRule.objects.filter(subject_type="milestone", is_active=True))
    windowed = milestone_queries(milestone_rules, TUESDAY, Window(since=MONDAY))
    assert len(windowed) < len(milestone_queries(milestone_rules, TUESDAY))
    expected, inserted, result = tick(TUESDAY, batch_size=2)
    assert result.since == MONDAY and not result.unchanged
    assert inserted == expected and inserted


def test_an_extension_to_a_date_whose_reminder_already_fired_is_reminded(require_postgres, world, rules):
    _first_tick(world)
    # Overdue on Monday, extended to Thursday: the 3-day reminder for Thursday fired on
    # Monday, before the milestone was due then, so only the recorded change brings it back.
    late = Milestone.objects.filter(status="open", due_date__lt=MONDAY, task__isnull=False).order_by("-due_date")[0]
    Milestone.objects.filter(pk=late.pk).update(due_date=THURSDAY, delay_count=1)
    expected, inserted, result = tick(TUESDAY)
    assert result.since == MONDAY
    assert inserted == expected
    assert {(row[1], row[5]) for row in inserted} >= {(late.pk, THURSDAY)}


def test_a_reopened_milestone_gets_its_current_overdue_reminder(require_postgres, world, rules):
    _first_tick(world)
    overdue = rules["milestone_overdue"]
    # Closed before Monday's tick, reopened after it; its current overdue reminder fired
    # on or before Monday, so the watermark alone would skip its due date.
    closed = next(
        m
        for m in Milestone.objects.filter(status="closed", due_date__lt=MONDAY, task__isnull=False)
        if (hit := firing(overdue, m.due_date, TUESDAY)) is not None and hit[1] <= MONDAY
    )
    Milestone.objects.filter(pk=closed.pk).update(status="open")  # 销号撤回
    expected, inserted, result = tick(TUESDAY)
    assert result.since == MONDAY
    assert inserted == expected
    assert (closed.pk, overdue.pk) in {(row[1], row[4]) for row in inserted}


def test_an_edited_rule_runs_the_queries_in_full(require_postgres, world, rules):
    _first_tick(world)
    ReminderRule.objects.filter(pk=rules["milestone_overdue"].pk).update(repeat_every_workdays=2)
    expected, inserted, result = tick(TUESDAY)
    assert result.since is None
    assert inserted == expected and any(row[4] == rules["milestone_overdue"].pk for row in inserted)
    again = tick(THURSDAY)
    assert again[2].since == TUESDAY and again[0] == again[1]


def test_an_edited_holiday_table_runs_the_queries_in_full(require_postgres, world, rules):
    _first_tick(world)
    # Wednesday made a holiday after Monday's tick: every fire date after it moves.
    workdays.install({date(2023, 10, 18): False}, "edited")
    expected, inserted, result = tick(THURSDAY)
    assert result.since is None
    assert inserted == expected and inserted


def test_ledger_rows_deleted_after_a_day_are_written_again_the_next(require_postgres, world, rules):
    _first_tick(world)
    gone = Delivery.objects.filter(subject_type="milestone", due_date__lt=MONDAY).order_by("id")[0]
    Delivery.objects.filter(subject_id=gone.subject_id, rule=gone.rule).delete()
    expected, inserted, result = tick(TUESDAY)
    assert result.since == MONDAY
    assert inserted == expected
    assert (gone.subject_id, gone.rule_id) in {(row[1], row[4]) for row in inserted}


def test_missed_days_are_caught_up_from_the_watermark(require_postgres, world, rules):
    _first_tick(world)
    # No tick on Tuesday or Wednesday (downtime): Thursday's window starts after Monday.
    expected, inserted, result = tick(THURSDAY, batch_size=3)
    assert result.since == MONDAY
    assert inserted == expected and inserted
    assert tick(THURSDAY)[1] == set()
