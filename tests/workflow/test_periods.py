from __future__ import annotations

from datetime import date

from policy_tasks.models import AuditEvent, PolicyDocument, ReportPeriod
from policy_tasks.services.periods import document_generate_periods
from tests import factories as f


def spans(document):
    return [(p.starts_on, p.ends_on, p.due_on) for p in ReportPeriod.objects.filter(document=document)]


def test_monthly_periods_run_from_the_issue_month_to_the_deadline(world):
    assert document_generate_periods(document=world.document) == 11
    periods = spans(world.document)
    # Issued 2023-02-25: February is the first month; 5 working days after 2-28 is 3-7.
    assert periods[0] == (date(2023, 2, 1), date(2023, 2, 28), date(2023, 3, 7))
    # March ends on a Friday; 4-5 is 清明 (a holiday), so the 5th working day is 4-10.
    assert periods[1] == (date(2023, 3, 1), date(2023, 3, 31), date(2023, 4, 10))
    assert periods[-1][:2] == (date(2023, 12, 1), date(2023, 12, 31))


def test_report_deadline_counts_make_up_working_days(world):
    document_generate_periods(document=world.document)
    september = ReportPeriod.objects.get(document=world.document, starts_on=date(2023, 9, 1))
    # After 9-30: 10-1..10-6 are holidays, 10-7 (Sat) and 10-8 (Sun) are make-up working
    # days, so the five working days are 10-7, 10-8, 10-9, 10-10, 10-11.
    assert september.due_on == date(2023, 10, 11)


def test_generating_again_keeps_existing_periods_and_records_one_event(world):
    document_generate_periods(document=world.document)
    before = {p.pk: p.due_on for p in ReportPeriod.objects.all()}
    assert document_generate_periods(document=world.document) == 0
    assert {p.pk: p.due_on for p in ReportPeriod.objects.all()} == before
    [event] = AuditEvent.objects.filter(action="document.generate_periods")
    assert event.actor is None and event.actor_role == "system"
    assert event.document == world.document
    assert event.after["created"] == 11


def test_a_deleted_period_is_filled_in_without_touching_the_others(world):
    document_generate_periods(document=world.document)
    ReportPeriod.objects.filter(starts_on=date(2023, 5, 1)).delete()
    assert document_generate_periods(document=world.document) == 1
    assert ReportPeriod.objects.filter(document=world.document).count() == 11


def test_ten_day_periods_split_each_month_into_three(db):
    document = f.DocumentFactory(
        issued_on=date(2023, 2, 25), default_due=date(2023, 3, 31), report_cycle=PolicyDocument.ReportCycle.TEN_DAY
    )
    assert document_generate_periods(document=document) == 6
    assert [(p[0].day, p[1].day) for p in spans(document)] == [(1, 10), (11, 20), (21, 28), (1, 10), (11, 20), (21, 31)]


def test_weekly_periods_are_monday_to_sunday_clipped_to_the_document(db):
    document = f.DocumentFactory(
        issued_on=date(2023, 2, 25),
        default_due=date(2023, 2, 28),
        report_cycle=PolicyDocument.ReportCycle.WEEKLY,
        report_grace_workdays=1,
    )
    document_generate_periods(document=document)
    assert spans(document) == [
        (date(2023, 2, 1), date(2023, 2, 5), date(2023, 2, 6)),  # starts on a Wednesday
        (date(2023, 2, 6), date(2023, 2, 12), date(2023, 2, 13)),
        (date(2023, 2, 13), date(2023, 2, 19), date(2023, 2, 20)),
        (date(2023, 2, 20), date(2023, 2, 26), date(2023, 2, 27)),
        (date(2023, 2, 27), date(2023, 2, 28), date(2023, 3, 1)),
    ]


def test_a_document_without_dates_reports_all_year(db):
    document = f.DocumentFactory(issued_on=None, default_due=None, year=2024)
    assert document_generate_periods(document=document) == 12
    assert spans(document)[0][:2] == (date(2024, 1, 1), date(2024, 1, 31))
