"""Filing a period's report again makes a new version; the earlier one stays visible (issue 15).

Before, a second filing for the same period rewrote the report in place: the clerk's page
showed only the new text and nothing said it had been revised. Now each filing is kept as
it was filed, the page marks the current one "第2版（修订）" with the earlier versions
under it, the API lists them, and the ledger and scoreboard still read the current one.
"""

from __future__ import annotations

import html
import threading
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.db import DatabaseError, connections, transaction
from django.test import Client
from django.utils import timezone

from policy_tasks.models import AuditEvent, ProgressReport, ReportPeriod, ReportVersion
from policy_tasks.services.audit import audit_verify
from policy_tasks.services.periods import document_generate_periods
from tests.api.conftest import client_for

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: date, hour: int = 10):
    return time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI), tick=False)


@pytest.fixture
def june(world) -> ReportPeriod:
    document_generate_periods(document=world.document)
    return ReportPeriod.objects.get(
        document=world.document, starts_on__lte=date(2023, 6, 15), ends_on__gte=date(2023, 6, 15)
    )


def page_text(client: Client, task) -> str:
    response = client.get(f"/tasks/{task.pk}/")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def report_events(report) -> list[tuple[str, int]]:
    events = AuditEvent.objects.filter(action__startswith="report.", object_id=str(report.pk)).order_by("id")
    return [(e.action, e.after["version"]) for e in events]


@pytest.mark.django_db
def test_a_clerk_files_twice_on_the_page_and_sees_both_versions(world, june):
    client = Client()
    client.force_login(world.lead_clerk)
    url = f"/tasks/{world.task.pk}/report/"
    with at(date(2023, 6, 15)):
        first = client.post(url, {"period": june.pk, "progress": "完成选址论证", "problems": "资金缺口", "percent": 30})
        assert first.status_code == 302
        page = page_text(client, world.task)
        assert "完成选址论证" in page and "第1版" not in page and "（修订）" not in page
    with at(date(2023, 6, 20)):
        second = client.post(url, {"period": june.pk, "progress": "已完成环评批复", "percent": 45}, follow=True)
        assert second.redirect_chain and second.status_code == 200
        page = html.unescape(second.content.decode())
    assert "进度已修订为第2版，以前版本仍可查看" in page
    report = ProgressReport.objects.get(task=world.task, unit=world.lead_unit, period=june)
    assert (report.version, report.percent, report.progress) == (2, 45, "已完成环评批复")
    # The current version on top, marked as a revision; the first one kept under it, as filed.
    assert "第2版（修订）" in page
    assert "<details" in page and "查看以前版本（1）" in page
    current, earlier = page.index("已完成环评批复"), page.index("完成选址论证")
    assert current < page.index("<details") < earlier
    earlier_part = page[page.index("<details") : page.index("</details>")]
    assert all(text in earlier_part for text in ("第1版", "完成 30%", "资金缺口", "2023-06-15 10:00"))
    assert "资金缺口" not in page[: page.index("<details")]  # the revision left the problems empty
    assert list(ReportVersion.objects.filter(report=report).values_list("version", "percent", "progress")) == [
        (2, 45, "已完成环评批复"),
        (1, 30, "完成选址论证"),
    ]
    assert report_events(report) == [("report.file", 1), ("report.update", 2)]
    assert audit_verify() is None


@pytest.mark.django_db
def test_a_clerk_files_twice_over_the_api_and_gets_both_versions(world, june):
    client = client_for(world.lead_clerk)
    url = f"/api/v1/tasks/{world.task.pk}/reports/"
    with at(date(2023, 6, 15)):
        first = client.post(url, {"period": june.pk, "progress": "完成选址论证", "percent": 30}, format="json")
    assert first.status_code == 201
    assert first.json()["version"] == 1 and [v["version"] for v in first.json()["versions"]] == [1]
    with at(date(2023, 6, 20)):
        second = client.post(url, {"period": june.pk, "progress": "已完成环评批复", "percent": 45}, format="json")
    assert second.status_code == 200 and second["ETag"] == '"2"'
    body = second.json()
    # The report's own fields are the current version's, as before; the versions come in addition.
    assert (body["id"], body["version"], body["percent"], body["progress"]) == (
        first.json()["id"],
        2,
        45,
        "已完成环评批复",
    )
    assert body["submitted_at"] == first.json()["submitted_at"]
    assert [(v["version"], v["percent"], v["progress"]) for v in body["versions"]] == [
        (2, 45, "已完成环评批复"),
        (1, 30, "完成选址论证"),
    ]
    assert body["versions"][1]["author"]["id"] == world.lead_clerk.pk
    assert body["versions"][1]["filed_at"].startswith("2023-06-15")
    assert body["versions"][0]["filed_at"].startswith("2023-06-20")

    # Every way the clerk reads the report shows both versions.
    detail = client.get(f"/api/v1/reports/{body['id']}/").json()
    listed = client.get(url).json()["results"]
    across = client.get("/api/v1/reports/").json()["results"]
    for seen in (detail, *[r for r in listed + across if r["id"] == body["id"]]):
        assert [v["version"] for v in seen["versions"]] == [2, 1]
        assert seen["versions"][1]["progress"] == "完成选址论证"
    assert len([r for r in listed if r["id"] == body["id"]]) == 1  # one report per period, not one per version
    assert report_events(ProgressReport.objects.get(pk=body["id"])) == [("report.file", 1), ("report.update", 2)]


@pytest.mark.django_db
def test_a_revision_through_put_keeps_the_values_each_version_stated(world, june):
    world.milestone.target_value, world.milestone.target_unit = 2000, "万元"
    world.milestone.save()
    client = client_for(world.lead_clerk)
    with at(date(2023, 6, 15)):
        filed = client.post(
            f"/api/v1/tasks/{world.task.pk}/reports/",
            {"period": june.pk, "progress": "已投资", "percent": 30, "values": {str(world.milestone.pk): "800"}},
            format="json",
        ).json()
        revised = client.put(
            f"/api/v1/reports/{filed['id']}/",
            {"progress": "已投资更多", "percent": 60, "values": {str(world.milestone.pk): "1200"}},
            format="json",
            HTTP_IF_MATCH='"1"',
        )
    assert revised.status_code == 200
    versions = revised.json()["versions"]
    assert [(v["version"], v["values"]) for v in versions] == [
        (2, [{"milestone": world.milestone.pk, "actual_value": "1200.0000"}]),
        (1, [{"milestone": world.milestone.pk, "actual_value": "800.0000"}]),
    ]
    assert revised.json()["values"] == [{"milestone": world.milestone.pk, "actual_value": "1200.0000"}]
    web = Client()
    web.force_login(world.lead_clerk)
    with at(date(2023, 6, 15)):
        page = page_text(web, world.task)
    assert page.index("完成 1200万元") < page.index("<details") < page.index("完成 800万元")


def _ledger_rows(client, document) -> list[str]:
    response = client.get(f"/api/v1/documents/{document.pk}/ledger.csv?as_of=2023-07-20")
    assert response.status_code == 200
    return [line for line in b"".join(response).decode("utf-8-sig").splitlines()[1:] if line]


@pytest.mark.django_db
def test_ledger_and_scoreboard_read_only_the_current_version(world, june):
    clerk = client_for(world.lead_clerk)
    supervisor = client_for(world.supervisor)
    with at(date(2023, 6, 15)):
        filed = clerk.post(
            f"/api/v1/tasks/{world.task.pk}/reports/",
            {"period": june.pk, "progress": "完成选址论证", "percent": 30},
            format="json",
        )
    assert filed.status_code == 201
    scoreboard = f"/api/v1/documents/{world.document.pk}/scoreboard/?on=2023-07-20"
    with at(date(2023, 7, 20)):
        scores_before = supervisor.get(scoreboard).json()
        ledger_before = _ledger_rows(supervisor, world.document)
        # A revision well after the period's deadline, with a different percent and text.
        assert june.due_on < date(2023, 7, 20)
        revised = clerk.post(
            f"/api/v1/tasks/{world.task.pk}/reports/",
            {"period": june.pk, "progress": "已完成环评批复", "percent": 45},
            format="json",
        )
        assert revised.status_code == 200 and revised.json()["version"] == 2
        scores_after = supervisor.get(scoreboard).json()
        ledger_after = _ledger_rows(supervisor, world.document)

    assert len(ledger_before) == len(ledger_after) == 1
    assert "完成30%】完成选址论证" in ledger_before[0]
    assert "完成45%】已完成环评批复" in ledger_after[0] and "完成选址论证" not in ledger_after[0]
    # The report was on time; revising it late neither makes it late nor counts it twice.
    lead = next(s for s in scores_after if s["unit"]["id"] == world.lead_unit.pk)
    assert scores_after == scores_before
    assert lead["missing_reports"] == next(
        s["missing_reports"] for s in scores_before if s["unit"]["id"] == world.lead_unit.pk
    )


@pytest.mark.django_db
def test_reports_filed_before_versions_were_kept_become_their_first_version(world, june):
    migration = __import__("policy_tasks.migrations.0008_report_versions", fromlist=["keep_existing_reports"])
    with at(date(2023, 6, 15)):
        old = ProgressReport.objects.create(
            task=world.task,
            unit=world.lead_unit,
            period=june,
            author=world.lead_clerk,
            progress="旧版填报",
            percent=25,
            submitted_at=timezone.now(),
        )
    assert not ReportVersion.objects.filter(report=old).exists()
    migration.keep_existing_reports(apps, None)
    kept = ReportVersion.objects.get(report=old)
    assert (kept.version, kept.percent, kept.progress, kept.filed_at) == (1, 25, old.progress, old.submitted_at)
    with at(date(2023, 6, 20)):
        response = client_for(world.lead_clerk).post(
            f"/api/v1/tasks/{world.task.pk}/reports/",
            {"period": june.pk, "progress": "修订", "percent": 40},
            format="json",
        )
    assert [v["version"] for v in response.json()["versions"]] == [2, 1]


@pytest.mark.django_db
def test_a_kept_version_cannot_be_changed_or_deleted_in_the_database(require_postgres, world, june):
    with at(date(2023, 6, 15)):
        response = client_for(world.lead_clerk).post(
            f"/api/v1/tasks/{world.task.pk}/reports/",
            {"period": june.pk, "progress": "完成选址论证", "percent": 30},
            format="json",
        )
    kept = ReportVersion.objects.filter(report_id=response.json()["id"])
    for change in (lambda: kept.update(progress="改写"), kept.delete):
        with pytest.raises(DatabaseError, match="kept as filed"), transaction.atomic():
            change()
    assert list(kept.values_list("progress", flat=True)) == ["完成选址论证"]


def _race(sends) -> list[int]:
    barrier = threading.Barrier(len(sends))
    statuses: list[int] = []
    lock = threading.Lock()

    def run(send):
        try:
            barrier.wait()
            status = send().status_code
            with lock:
                statuses.append(status)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(send,)) for send in sends]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(statuses)


CLIENTS = 5


@pytest.mark.django_db(transaction=True)
def test_concurrent_filings_each_get_their_own_version(require_postgres, world, june):
    url = f"/api/v1/tasks/{world.task.pk}/reports/"

    def sender(i):
        def send():
            return client_for(world.lead_clerk).post(
                url, {"period": june.pk, "progress": f"第{i}次提交", "percent": 10 + i}, format="json"
            )

        return send

    with at(date(2023, 6, 15)):
        # All first filings at once: one files the report, the others revise it; none is lost.
        assert _race([sender(i) for i in range(CLIENTS)]) == [200] * (CLIENTS - 1) + [201]
        # Then more revisions at once, without If-Match: each gets the next number, never the same one.
        assert _race([sender(i) for i in range(CLIENTS, 2 * CLIENTS)]) == [200] * CLIENTS
    report = ProgressReport.objects.get(task=world.task, unit=world.lead_unit, period=june)
    versions = list(ReportVersion.objects.filter(report=report).order_by("version"))
    assert [v.version for v in versions] == list(range(1, 2 * CLIENTS + 1))
    assert report.version == 2 * CLIENTS
    assert (report.progress, report.percent) == (versions[-1].progress, versions[-1].percent)
    assert len({v.progress for v in versions}) == 2 * CLIENTS  # every filing kept, none overwritten
    assert sorted(v for _, v in report_events(report)) == list(range(1, 2 * CLIENTS + 1))
    assert audit_verify() is None
