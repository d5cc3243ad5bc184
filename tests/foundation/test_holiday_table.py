"""The office's holiday table (节假日与调休) overrides chinesecalendar and the weekday rule,
is edited in the admin with every change audited, and can be loaded from a notice file."""

from __future__ import annotations

import json
from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import CommandError, call_command

from duban.lib import workdays
from policy_tasks.models import AuditEvent, CalendarDay
from policy_tasks.services.audit import SYSTEM, audit_verify
from policy_tasks.services.calendar import VERSION_KEY, calendar_days_load

pytestmark = pytest.mark.django_db

NEW_YEAR_2027 = date(2027, 1, 1)  # a Friday, past the package's last year
SATURDAY_2027 = date(2027, 2, 20)
MONDAY_2026 = date(2026, 3, 2)  # a working day in the package's 2026 notice


def _add(client, day: date, kind: str, name: str = ""):
    return client.post(
        "/admin/policy_tasks/calendarday/add/", {"date": day.isoformat(), "kind": kind, "name": name}, follow=True
    )


def test_a_holiday_entered_in_the_admin_makes_a_weekday_a_day_off_and_is_audited(admin_client):
    assert workdays.is_workday(NEW_YEAR_2027)
    response = _add(admin_client, NEW_YEAR_2027, "holiday", "元旦")
    assert response.status_code == 200 and "节假日与调休" in response.content.decode()
    assert not workdays.is_workday(NEW_YEAR_2027)
    assert not workdays.is_workday(NEW_YEAR_2027)
    # Thursday 2026-12-31 to Monday 2027-01-04: only the Monday works.
    assert workdays.workdays_between(date(2026, 12, 31), date(2027, 1, 4)) == 1
    assert workdays.workdays_between(date(2026, 12, 31), date(2027, 1, 4)) == 1
    assert workdays.add_workdays(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert workdays.add_workdays(date(2026, 12, 31), 1) == date(2027, 1, 4)
    event = AuditEvent.objects.get(action="calendar_day.create")
    assert event.after == {"date": "2027-01-01", "kind": "holiday", "name": "元旦"}
    assert event.actor.username == "admin"


def test_a_table_entry_overrides_the_package_and_deleting_it_restores_the_package(admin_client):
    assert workdays.is_workday(MONDAY_2026)
    _add(admin_client, MONDAY_2026, "holiday", "临时放假")
    assert not workdays.is_workday(MONDAY_2026) and not workdays.is_workday(MONDAY_2026)
    entry = CalendarDay.objects.get(date=MONDAY_2026)
    admin_client.post(f"/admin/policy_tasks/calendarday/{entry.pk}/delete/", {"post": "yes"})
    assert not CalendarDay.objects.exists()
    assert workdays.is_workday(MONDAY_2026) and workdays.is_workday(MONDAY_2026)
    assert AuditEvent.objects.get(action="calendar_day.delete").before["name"] == "临时放假"
    assert audit_verify() is None


def test_a_make_up_saturday_is_a_working_day(admin_client):
    assert not workdays.is_workday(SATURDAY_2027)
    _add(admin_client, SATURDAY_2027, "workday", "春节调休")
    assert workdays.is_workday(SATURDAY_2027) and workdays.is_workday(SATURDAY_2027)
    assert workdays.next_workday(SATURDAY_2027) == SATURDAY_2027
    # Friday 19th to Monday 22nd: Saturday and Monday.
    assert workdays.workdays_between(date(2027, 2, 19), date(2027, 2, 22)) == 2


def test_editing_an_entry_is_audited_with_its_old_and_new_values(admin_client):
    _add(admin_client, SATURDAY_2027, "workday", "春节调休")
    entry = CalendarDay.objects.get()
    admin_client.post(
        f"/admin/policy_tasks/calendarday/{entry.pk}/change/",
        {"date": "2027-02-20", "kind": "holiday", "name": "春节"},
    )
    assert not workdays.is_workday(SATURDAY_2027)
    event = AuditEvent.objects.get(action="calendar_day.update")
    assert event.before == {"date": "2027-02-20", "kind": "workday", "name": "春节调休"}
    assert event.after == {"date": "2027-02-20", "kind": "holiday", "name": "春节"}


def test_a_date_far_outside_the_supported_years_is_refused_in_chinese(admin_client):
    response = _add(admin_client, date(9027, 1, 1), "holiday", "笔误")
    assert "只能录入 2000 至 2100 年的日期" in response.content.decode()
    assert not CalendarDay.objects.exists()


def test_another_process_edit_is_seen_once_its_version_stamp_changes():
    # As another process would: rows committed there, a fresh stamp in the shared cache.
    CalendarDay.objects.create(date=NEW_YEAR_2027, kind="holiday", name="元旦")
    assert workdays.is_workday(NEW_YEAR_2027)  # within SYNC_SECONDS nothing is re-read
    workdays.expire()  # as if SYNC_SECONDS had passed
    assert workdays.is_workday(NEW_YEAR_2027)  # the stamp did not change: no reload
    cache.set(VERSION_KEY, "edited-elsewhere", timeout=None)
    assert workdays.is_workday(NEW_YEAR_2027)  # not before SYNC_SECONDS...
    workdays.expire()
    assert not workdays.is_workday(NEW_YEAR_2027) and not workdays.is_workday(NEW_YEAR_2027)


def test_coverage_counts_a_year_with_a_holiday_in_the_table_not_a_lone_make_up_day():
    assert workdays.calendar_covers(date(2026, 12, 31))
    assert not workdays.calendar_covers(NEW_YEAR_2027)
    calendar_days_load(actor=SYSTEM, rows=[(SATURDAY_2027, "workday", "春节调休")])
    assert not workdays.calendar_covers(date(2027, 6, 1))
    calendar_days_load(actor=SYSTEM, rows=[(NEW_YEAR_2027, "holiday", "元旦")])
    assert workdays.calendar_covers(date(2027, 6, 1))
    assert workdays.first_uncovered(date(2026, 12, 2), date(2027, 1, 31)) is None
    assert workdays.first_uncovered(date(2027, 12, 2), date(2028, 1, 31)) == date(2028, 1, 1)


def test_load_holidays_reads_a_csv_notice_and_overwrites_a_day(tmp_path):
    notice = tmp_path / "2027.csv"
    notice.write_text("date,kind,name\n2027-01-01,节假日,元旦\n2027-02-20,调休,春节调休\n", encoding="utf-8")
    call_command("load_holidays", str(notice))
    assert not workdays.is_workday(NEW_YEAR_2027) and workdays.is_workday(SATURDAY_2027)
    again = tmp_path / "2027.json"
    again.write_text(json.dumps([{"date": "2027-02-20", "kind": "holiday", "name": "春节"}]), encoding="utf-8")
    call_command("load_holidays", str(again))
    assert not workdays.is_workday(SATURDAY_2027)
    assert AuditEvent.objects.filter(action__startswith="calendar_day.").count() == 3


def test_load_holidays_refuses_a_bad_row_in_chinese_and_saves_nothing(tmp_path):
    notice = tmp_path / "2027.csv"
    notice.write_text("date,kind,name\n2027-01-01,节假日,元旦\n2027-13-01,节假日,错\n", encoding="utf-8")
    with pytest.raises(CommandError, match="第2行: 日期应为 YYYY-MM-DD"):
        call_command("load_holidays", str(notice))
    notice.write_text("date,kind,name\n2027-01-01,休息,元旦\n", encoding="utf-8")
    with pytest.raises(CommandError, match="第1行: 类型应为 节假日 或 调休"):
        call_command("load_holidays", str(notice))
    assert not CalendarDay.objects.exists()


def test_the_supervision_console_warns_until_next_years_holidays_are_entered(client, world):
    client.force_login(world.supervisor)
    with time_machine.travel("2026-12-02T09:00:00+08:00", tick=False):
        page = client.get("/supervision/").content.decode()
        assert "节假日日历尚未包含 2027年1月1日 起的放假安排" in page
        calendar_days_load(actor=SYSTEM, rows=[(NEW_YEAR_2027, "holiday", "元旦")])
        page = client.get("/supervision/").content.decode()
        assert "节假日日历尚未包含" not in page
    with time_machine.travel("2026-06-01T09:00:00+08:00", tick=False):
        assert "节假日日历尚未包含" not in client.get("/supervision/").content.decode()
