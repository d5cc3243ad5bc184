"""On PostgreSQL the scan plans milestones in SQL; it must insert exactly what the Python path plans.

The Python path (candidates + recipients, used for dry runs and on SQLite) is the
reference. Each day below is first scanned as a dry run (Python) and then for real
(set-based SQL for milestones), and the inserted rows are compared column by column,
over weeks with holidays, make-up working days, downtime, an extension, and people
with every kind of preference and scope.
"""

from __future__ import annotations

import threading
from datetime import date, time, timedelta

import pytest
from django.db import connections

from accounts.models import Membership, RoleGrant
from duban.lib import workdays
from notifications.models import Delivery, NotificationPreference, ReminderRule
from notifications.services.scan import scan
from notifications.services.timing import as_of
from policy_tasks.models import Milestone, SupervisionScope
from tests import factories as f
from tests.notifications.conftest import ensure_default_rules

COLUMNS = (
    "subject_type",
    "subject_id",
    "subject_ref",
    "task_id",
    "rule_id",
    "due_date",
    "occurrence",
    "fire_date",
    "recipient_id",
    "channel",
    "next_attempt_at",
)


def planned_rows(result) -> set[tuple]:
    return {
        (
            p.candidate.subject_type,
            p.candidate.subject_id,
            p.candidate.subject_ref,
            p.candidate.task_id,
            p.candidate.rule.pk,
            p.candidate.due_date,
            p.candidate.occurrence,
            p.candidate.fire_date,
            p.recipient_id,
            p.channel,
            p.next_attempt_at,
        )
        for p in result.planned
    }


def _member(unit, username, role=Membership.Role.CLERK, **user):
    person = f.UserFactory(username=username, **user)
    f.MembershipFactory(user=person, unit=unit, role=role)
    return person


def build_busy_district(world):
    """Milestones due all over autumn 2023 (Mid-Autumn, National Day, 调休 Saturdays) and varied people."""
    doc = world.document
    area = f.AreaFactory(document=doc)
    area.area_units.create(unit=world.co_unit, position=0)
    dormant = f.UnitFactory(name="区已撤销局", is_active=False)
    _member(dormant, "dormant_clerk")
    _member(world.lead_unit, "gone_clerk", is_active=False)
    _member(world.lead_unit, "inbox_only_clerk", email="")
    digest = _member(world.co_unit, "sms_digest_clerk")
    NotificationPreference.objects.create(user=digest, sms=True, daily_digest=True)
    texter = _member(world.lead_unit, "sms_late_riser", phone="13900000001")
    NotificationPreference.objects.create(user=texter, sms=True, quiet_start=time(21, 0), quiet_end=time(9, 0))
    no_phone = _member(world.lead_unit, "no_phone_clerk", phone="")
    NotificationPreference.objects.create(user=no_phone, sms=True)
    ding = _member(world.lead_unit, "dingtalk_head", role=Membership.Role.HEAD)
    NotificationPreference.objects.create(user=ding, email=False, dingtalk=True, inbox=False)
    twice = _member(world.lead_unit, "two_unit_clerk")
    f.MembershipFactory(user=twice, unit=world.co_unit)
    scoped = f.RoleGrantFactory(user=f.UserFactory(username="doc_supervisor"), role=RoleGrant.Role.SUPERVISOR)
    SupervisionScope.objects.create(grant=scoped, document=doc)
    area_only = f.RoleGrantFactory(user=f.UserFactory(username="area_supervisor"), role=RoleGrant.Role.SUPERVISOR)
    SupervisionScope.objects.create(grant=area_only, document=doc, area=area)
    elsewhere = f.RoleGrantFactory(user=f.UserFactory(username="other_supervisor"), role=RoleGrant.Role.SUPERVISOR)
    SupervisionScope.objects.create(grant=elsewhere, document=f.DocumentFactory())
    revoked = f.RoleGrantFactory(user=f.UserFactory(username="revoked_supervisor"), role=RoleGrant.Role.SUPERVISOR)
    RoleGrant.objects.filter(pk=revoked.pk).update(revoked_at=as_of(date(2023, 1, 2)))

    tasks = [world.task]
    for n, (lead, co) in enumerate([(world.co_unit, world.lead_unit), (world.lead_unit, dormant)], start=2):
        task = f.TaskFactory(document=doc, number=n)
        f.TaskUnitFactory(task=task, unit=lead, role="lead", position=0)
        f.TaskUnitFactory(task=task, unit=co, role="co", position=1)
        tasks.append(task)
    day = date(2023, 9, 15)
    n = 0
    while day <= date(2023, 11, 20):
        task = tasks[n % len(tasks)]
        status = [Milestone.Status.OPEN] * 5 + [Milestone.Status.REQUESTED, Milestone.Status.CLOSED]
        f.MilestoneFactory(task=task, text=f"节点{n}", due_date=day, status=status[n % len(status)])
        if n % 4 == 0:
            Milestone.objects.create(document=doc, area=area, text=f"领域目标{n}", kind="target", due_date=day)
        day += timedelta(days=1 + n % 2)
        n += 1
    f.MilestoneFactory(task=world.task, text="无时限", due_date=None)


def extra_rules():
    ReminderRule.objects.create(
        code="custom_before_5_heads",
        name="到期前5个工作日(负责人)",
        subject_type="milestone",
        offset_workdays=-5,
        units=ReminderRule.Units.LEAD_AND_CO,
        notify_clerks=False,
        notify_heads=True,
    )
    ReminderRule.objects.create(
        code="custom_overdue_3_supervisors_only",
        name="逾期3个工作日(仅督查员)",
        subject_type="milestone",
        offset_workdays=3,
        units=ReminderRule.Units.NONE,
        notify_clerks=True,  # no units: nobody through a unit, whatever the roles say
        notify_supervisors=True,
    )
    ReminderRule.objects.create(
        code="custom_overdue_2_everyone",
        name="逾期2个工作日(全员及督查员)",
        subject_type="milestone",
        offset_workdays=2,
        repeat_every_workdays=4,
        units=ReminderRule.Units.LEAD_AND_CO,
        notify_clerks=True,
        notify_heads=True,
        notify_supervisors=True,
    )


def scan_both_ways(day: date) -> tuple[set, set]:
    moment = as_of(day).replace(hour=7, minute=45)  # inside SMS quiet hours (until 08:00) and before the digest
    expected = scan(now=moment, dry_run=True)
    last = Delivery.objects.order_by("-id").values_list("id", flat=True).first() or 0
    result = scan(now=moment)
    inserted = set(Delivery.objects.filter(id__gt=last).values_list(*COLUMNS))
    assert result.inserted == len(inserted)
    assert result.subjects == expected.subjects, day
    return planned_rows(expected), inserted


def test_set_based_scan_inserts_exactly_the_rows_the_python_path_plans(require_postgres, world, rules, settings):
    settings.DINGTALK_WEBHOOK_URL = "http://127.0.0.1:9/robot/send?access_token=test"
    extra_rules()
    build_busy_district(world)
    down = {date(2023, 10, 9), date(2023, 10, 10), date(2023, 10, 11), date(2023, 10, 26), date(2023, 10, 27)}
    day, total = date(2023, 9, 18), 0
    while day <= date(2023, 11, 30):
        if day == date(2023, 10, 30):
            # An extension: reminders re-arm for the new due date.
            Milestone.objects.filter(task=world.task, due_date=date(2023, 10, 31)).update(due_date=date(2023, 11, 24))
        if workdays.is_workday(day) and day not in down:
            expected, inserted = scan_both_ways(day)
            assert inserted == expected, (day, sorted(expected - inserted)[:5], sorted(inserted - expected)[:5])
            total += len(inserted)
        day += timedelta(days=1)
    channels = set(Delivery.objects.values_list("channel", flat=True))
    assert channels == {"email", "sms", "dingtalk", "inbox"}
    assert total > 1000 and Delivery.objects.count() == total


def test_set_based_scan_fills_a_new_ledger_like_the_python_path_after_long_downtime(require_postgres, world, rules):
    extra_rules()
    build_busy_district(world)
    expected, inserted = scan_both_ways(date(2023, 11, 30))
    assert inserted == expected and inserted
    again = scan(now=as_of(date(2023, 11, 30)))
    assert again.inserted == 0


@pytest.mark.django_db(transaction=True)
def test_two_scans_at_once_insert_each_delivery_once(require_postgres, world):
    ensure_default_rules()
    build_busy_district(world)
    moment = as_of(date(2023, 11, 7))
    start = threading.Barrier(2)
    counts, errors = [], []

    def tick():
        try:
            start.wait(timeout=10)
            counts.append(scan(now=moment).inserted)
        except Exception as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=tick) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    rows = Delivery.objects.count()
    assert rows > 0 and sum(counts) == rows
