"""Which reminders the scan puts in the ledger, and when (milestone due 2023-10-31, a Tuesday)."""

from __future__ import annotations

from datetime import date

import pytest

from accounts.models import RoleGrant
from notifications.models import Delivery
from notifications.services.scan import scan
from notifications.services.timing import as_of
from policy_tasks.models import Milestone, SupervisionScope
from tests import factories as f
from tests.notifications.conftest import run_day

pytestmark = pytest.mark.django_db


def rows(**filters):
    return sorted(
        (d.rule.code, d.recipient.username, d.channel)
        for d in Delivery.objects.filter(**filters).select_related("rule", "recipient")
    )


def test_due_day_reminder_goes_to_lead_clerks_by_email_and_inbox(world, rules):
    run_day(date(2023, 10, 31), send=False)
    assert rows() == [
        ("milestone_due_day", "lead_clerk", "email"),
        ("milestone_due_day", "lead_clerk", "inbox"),
    ]


def test_scanning_twice_inserts_nothing_the_second_time(world, rules):
    first, _ = run_day(date(2023, 10, 31), send=False)
    second, _ = run_day(date(2023, 10, 31), send=False)
    assert first.inserted == 2
    assert second.inserted == 0
    assert Delivery.objects.count() == 2


def test_seven_working_days_before_reaches_lead_clerks(world, rules):
    run_day(date(2023, 10, 20), send=False)  # Fri; Oct 23–27 and 30 are the 6 working days between
    assert rows() == [("milestone_before_7", "lead_clerk", "email"), ("milestone_before_7", "lead_clerk", "inbox")]


def test_three_days_before_also_reaches_co_unit_clerks(world, rules):
    run_day(date(2023, 10, 26), send=False)
    assert {(code, user) for code, user, _ in rows()} == {
        ("milestone_before_3", "lead_clerk"),
        ("milestone_before_3", "co_clerk"),
    }


def test_catch_up_after_downtime_sends_only_the_most_recent_before_due_reminder(world, rules):
    run_day(date(2023, 10, 30), send=False)  # nothing ran on the 20th or the 26th
    assert {code for code, _, _ in rows()} == {"milestone_before_1"}


def test_each_before_due_reminder_goes_out_once_on_its_own_day(world, rules):
    for day in [date(2023, 10, d) for d in (20, 23, 24, 25, 26, 27, 30, 31)]:
        run_day(day, send=False)
    codes = [code for code, user, channel in rows() if user == "lead_clerk" and channel == "email"]
    assert sorted(codes) == sorted(
        ["milestone_before_7", "milestone_before_3", "milestone_before_1", "milestone_due_day"]
    )


def test_overdue_reminder_goes_to_clerks_and_head_and_repeats_every_three_working_days(world, rules):
    for day in [date(2023, 11, 1), date(2023, 11, 2), date(2023, 11, 3), date(2023, 11, 6)]:
        run_day(day, send=False)
    overdue = Delivery.objects.filter(rule__code="milestone_overdue", channel="email")
    assert sorted((d.fire_date, d.recipient.username) for d in overdue) == [
        (date(2023, 11, 1), "lead_clerk"),
        (date(2023, 11, 1), "lead_head"),
        (date(2023, 11, 6), "lead_clerk"),
        (date(2023, 11, 6), "lead_head"),
    ]
    assert sorted(set(overdue.values_list("occurrence", flat=True))) == [0, 1]


def test_escalation_reaches_supervisors_in_scope_at_five_working_days_overdue(world, rules):
    elsewhere = f.UserFactory(username="other_supervisor")
    grant = f.RoleGrantFactory(user=elsewhere, role=RoleGrant.Role.SUPERVISOR)
    SupervisionScope.objects.create(grant=grant, document=f.DocumentFactory())
    run_day(date(2023, 11, 6), send=False)
    assert not Delivery.objects.filter(rule__code="milestone_escalation").exists()
    run_day(date(2023, 11, 7), send=False)
    escalated = {d.recipient.username for d in Delivery.objects.filter(rule__code="milestone_escalation")}
    assert escalated == {"supervisor"}


def test_scheduler_down_three_days_sends_overdue_once_and_no_stale_before_due(world, rules):
    run_day(date(2023, 10, 26), send=False)  # last tick before the outage: the 3-day reminder
    run_day(date(2023, 11, 2), send=False)  # back after Oct 27, 30, 31 and Nov 1 were missed
    run_day(date(2023, 11, 2), send=False)
    codes = [code for code, user, channel in rows() if user == "lead_clerk" and channel == "email"]
    assert sorted(codes) == ["milestone_before_3", "milestone_overdue"]


def test_nothing_is_scanned_on_a_public_holiday_but_a_make_up_working_day_counts(world, rules):
    holiday, _ = run_day(date(2023, 10, 2), send=False)  # National Day
    assert holiday.skipped_non_workday and Delivery.objects.count() == 0
    makeup, _ = run_day(date(2023, 10, 7), send=False)  # Saturday, a 调休 working day
    assert not makeup.skipped_non_workday


def test_due_date_on_a_sunday_is_reminded_on_the_friday_before(world, rules):
    Milestone.objects.filter(pk=world.milestone.pk).update(due_date=date(2023, 12, 31))
    run_day(date(2023, 12, 29), send=False)
    assert {code for code, _, _ in rows()} == {"milestone_due_day"}


def test_an_extension_rearms_reminders_for_the_new_due_date(world, rules):
    run_day(date(2023, 10, 31), send=False)
    Milestone.objects.filter(pk=world.milestone.pk).update(due_date=date(2023, 11, 30))
    run_day(date(2023, 11, 1), send=False)
    assert not Delivery.objects.filter(rule__code="milestone_overdue").exists()
    run_day(date(2023, 11, 30), send=False)
    assert Delivery.objects.filter(rule__code="milestone_due_day", due_date=date(2023, 11, 30)).count() == 2


def test_closed_and_requested_milestones_get_no_reminders(world, rules):
    Milestone.objects.filter(pk=world.milestone.pk).update(status=Milestone.Status.REQUESTED)
    f.MilestoneFactory(task=world.task, text="已销号节点", status=Milestone.Status.CLOSED)
    run_day(date(2023, 10, 31), send=False)
    assert Delivery.objects.count() == 0


def test_dry_run_plans_without_writing(world, rules):
    result = scan(now=as_of(date(2023, 10, 31)), dry_run=True)
    assert len(result.planned) == 2
    assert Delivery.objects.count() == 0


def test_area_milestone_reminds_the_areas_lead_unit(world, rules):
    area = f.AreaFactory(document=world.document)
    area.area_units.create(unit=world.lead_unit, position=0)
    Milestone.objects.create(
        document=world.document, area=area, text="一季度确保增长15%", kind="target", due_date=date(2023, 10, 31)
    )
    run_day(date(2023, 10, 31), send=False)
    assert Delivery.objects.filter(subject_id__in=Milestone.objects.filter(area=area).values("pk")).count() == 2


def test_escalation_reaches_a_supervisor_scoped_to_the_tasks_area_only(world, rules):
    area = f.AreaFactory(document=world.document, number=1)
    other_area = f.AreaFactory(document=world.document, number=2)
    world.task.area = area
    world.task.save(update_fields=["area"])
    for username, scope_area in [("area_supervisor", area), ("other_area_supervisor", other_area)]:
        grant = f.RoleGrantFactory(user=f.UserFactory(username=username), role=RoleGrant.Role.SUPERVISOR)
        SupervisionScope.objects.create(grant=grant, document=world.document, area=scope_area)
    run_day(date(2023, 11, 7), send=False)
    escalated = {d.recipient.username for d in Delivery.objects.filter(rule__code="milestone_escalation")}
    assert escalated == {"supervisor", "area_supervisor"}
