"""The PostgreSQL scan in bounded pages, and the tick that stops early when nothing changed.

The Python path (a dry run) stays the reference: every real tick below is compared with
the rows a dry run on the same data plans, whether the tick pages through candidates two at
a time or skips its milestone queries because nothing changed since the last complete one.
"""

from __future__ import annotations

from datetime import date, timedelta

from duban.lib import workdays
from notifications.models import Delivery, ScanChange, ScanMark
from notifications.services.scan import scan
from notifications.services.timing import as_of
from policy_tasks.models import Milestone
from tests import factories as f
from tests.notifications.test_scan_paths import COLUMNS, build_busy_district, extra_rules, planned_rows


def tick(day: date, *, batch_size: int = 5000):
    """A dry run, then a real tick on the same data: (planned rows, inserted rows, result)."""
    moment = as_of(day).replace(hour=7, minute=45)
    expected = planned_rows(scan(now=moment, dry_run=True))
    last = Delivery.objects.order_by("-id").values_list("id", flat=True).first() or 0
    result = scan(now=moment, batch_size=batch_size)
    inserted = set(Delivery.objects.filter(id__gt=last).values_list(*COLUMNS))
    assert result.inserted == len(inserted)
    return expected, inserted, result


def test_pages_of_two_insert_exactly_what_the_python_path_plans(require_postgres, world, rules):
    extra_rules()
    build_busy_district(world)
    day, pages = date(2023, 9, 18), 0
    while day <= date(2023, 11, 30):
        if workdays.is_workday(day):
            expected, inserted, result = tick(day, batch_size=2)
            assert inserted == expected, (day, sorted(expected - inserted)[:3], sorted(inserted - expected)[:3])
            pages = max(pages, result.batches)
        day += timedelta(days=1)
    assert pages > 3  # several pages a tick, each its own transaction


def test_catch_up_in_pages_fills_an_empty_ledger_like_one_pass(require_postgres, world, rules):
    extra_rules()
    build_busy_district(world)
    expected, inserted, result = tick(date(2023, 11, 30), batch_size=3)
    assert inserted == expected and result.batches > 5
    assert result.largest_batch * 10 < result.inserted  # no transaction holds more than a page's fan-out


def test_a_repeated_tick_with_nothing_changed_skips_the_milestone_queries(require_postgres, world, rules):
    build_busy_district(world)
    first = scan(now=as_of(date(2023, 10, 16)))
    assert first.inserted and not first.unchanged
    again = scan(now=as_of(date(2023, 10, 16)).replace(hour=15))
    assert again.unchanged and again.inserted == 0
    assert ScanMark.objects.get().is_clean and not ScanChange.objects.exists()
    # The next day is new work: the queries run again.
    assert not scan(now=as_of(date(2023, 10, 17))).unchanged


def test_a_milestone_changed_after_a_tick_is_reminded_by_the_next_one(require_postgres, world, rules):
    build_busy_district(world)
    day = date(2023, 10, 16)
    scan(now=as_of(day))
    waiting = Milestone.objects.filter(status="requested", due_date__lt=day).order_by("due_date").first()
    Milestone.objects.filter(pk=waiting.pk).update(status="open")  # completion sent back (退回)
    f.MilestoneFactory(task=world.task, text="新增节点", due_date=day)  # a milestone added today, due today
    expected, inserted, result = tick(day)
    assert not result.unchanged
    assert inserted == expected
    assert {row[1] for row in inserted} >= {waiting.pk}
    assert scan(now=as_of(day)).unchanged


def test_ledger_rows_taken_away_are_written_again(require_postgres, world, rules):
    build_busy_district(world)
    day = date(2023, 10, 16)
    scan(now=as_of(day))
    gone = Delivery.objects.filter(subject_type="milestone").order_by("id").first()
    Delivery.objects.filter(subject_id=gone.subject_id, rule=gone.rule).delete()
    expected, inserted, result = tick(day)
    assert not result.unchanged and inserted == expected
    assert (gone.subject_id, gone.rule_id) in {(row[1], row[4]) for row in inserted}


def test_a_candidate_that_reached_no_one_is_looked_at_again(require_postgres, world, rules):
    lonely = f.UnitFactory(name="区新设局")
    task = f.TaskFactory(document=world.document, number=9)
    f.TaskUnitFactory(task=task, unit=lonely, role="lead", position=0)
    day = date(2023, 10, 16)
    f.MilestoneFactory(task=task, text="无人可达", due_date=day)
    first = scan(now=as_of(day))
    assert not ScanMark.objects.get().is_clean and first.inserted == 0
    f.MembershipFactory(user=f.UserFactory(username="new_clerk"), unit=lonely)  # no milestone changed
    expected, inserted, result = tick(day)
    assert not result.unchanged and inserted == expected and inserted


def test_a_scan_mark_passes_model_validation(require_postgres, world, rules):
    # Its flag was once a field named `clean`, which hid Model.clean(): full_clean() (an admin
    # form, a fixture check) then called a bool and crashed.
    tick(date(2024, 6, 3))
    mark = ScanMark.objects.get()
    mark.full_clean()
    assert mark.is_clean
