"""Each figure is the same number on every page that shows it, at three 统计日期 (issue 15).

The figures (selectors.figures, docs/web.md "Figures"), as of a 统计日期 D: deadlines before D
have passed, what happened by the end of D counts.

- 时限节点 milestones: clause milestones with a due date, neither they nor their clause withdrawn.
- 已销号 closed: of those, closed (销号) by the end of D.
- 逾期 overdue: due before D and not closed by the end of D.
- 临期 due_soon: not closed, due on or after D, within the document's warning working days.
- 滞后 behind: not closed, due after the warning window, the lead's percent behind 序时进度.
- 按期完成率 on_time_rate: of those due before D, the share closed on or before their due date.
- 缺报 missing_reports: reports a lead unit owed (period due before D) and had not submitted by
  the end of D: still missing.
- 迟报 late_reports: owed reports submitted after their deadline, by the end of D.

The seed is loaded as `make run` has it, then given a year of activity through the services at
the times it happened: a third of the clauses report on time, a third late, a third never; of the
milestones due before November, a third are closed before their deadline, a third long after
it (up to a hundred days), a third stay open; one in seven of those due at the year's end is
done early. Each figure is computed once per date from selectors.figures and read
back from the console, the dashboard (its figures, its charts and the lists its links open), the
workbench of a unit, the ledger (list totals and the CSV export's rows), the API, and the bulletin.

A bulletin is for a month and judges on the first day after it (截至月末24时): 2023-07-01 and
2023-11-01 are June's and October's. Nothing happens on those days in the activity, so "by the
end of D" and "by the end of the month" are the same instants there.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from accounts.models import Membership, RoleGrant, User
from duban.lib import clock
from policy_tasks.models import Milestone, PolicyDocument, ReportPeriod, TaskUnit
from policy_tasks.selectors.counted import counted_milestones, open_at
from policy_tasks.selectors.figures import Figures, figures
from policy_tasks.selectors.lights import DueRow, milestone_light_reasons
from policy_tasks.selectors.reports import report_counts, report_totals, reports_missing
from policy_tasks.services.evidence import evidence_upload
from policy_tasks.services.milestones import milestone_request_completion, milestone_verify
from policy_tasks.services.reports import task_report_progress
from tests.module_rows import build_for_module, module_rows
from tests.web.builders import pdf
from tests.web.conftest import PASSWORD, TODAY, seeded_document

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
DATES = (date(2023, 7, 1), date(2023, 7, 20), date(2023, 11, 1))
BULLETIN_OF = {date(2023, 7, 1): "2023-06", date(2023, 11, 1): "2023-10"}
QUIET = set(DATES) | {d - timedelta(days=1) for d in DATES}  # no activity on these days
FIGURE = re.compile(r'data-figure="(\w+)">([^<]*)<')
TOTAL = re.compile(r"共 (\d+) 项")


def _at(day: date, hour: int = 10) -> datetime:
    while day in QUIET:
        day += timedelta(days=1)
    return datetime.combine(day, time(hour), tzinfo=SHANGHAI)


def _member(unit_id: int, role: str) -> User:
    return Membership.objects.filter(unit_id=unit_id, role=role).select_related("user").first().user


def _activity(document: PolicyDocument) -> None:
    """Reports and closings as the units and the supervisor made them, each at its own time."""
    supervisor = RoleGrant.objects.get(role=RoleGrant.Role.SUPERVISOR).user
    leads = list(
        TaskUnit.objects.filter(task__document=document, role=TaskUnit.Role.LEAD)
        .select_related("task")
        .order_by("task__number", "position")
    )
    periods = list(ReportPeriod.objects.filter(document=document, due_on__lt=date(2023, 11, 1)).order_by("due_on"))
    for i, link in enumerate(leads[:18]):
        if i % 3 == 2:
            continue  # never reports
        clerk = _member(link.unit_id, Membership.Role.CLERK)
        for n, period in enumerate(periods):
            day = period.due_on - timedelta(days=1) if i % 3 == 0 else period.due_on + timedelta(days=4)
            with time_machine.travel(_at(day), tick=False):
                task_report_progress(
                    user=clerk,
                    task=link.task,
                    period=period,
                    progress=f"第{n + 1}期进展",
                    percent=min(10 * (n + 1), 90),
                )
    lead_of = {link.task_id: link.unit_id for link in leads}
    milestones = Milestone.objects.filter(document=document, task__isnull=False, due_date__isnull=False)
    closings: list[tuple[Milestone, date]] = []
    # Due before November: closed before the deadline, long after it, or never, in turn.
    for i, m in enumerate(milestones.filter(due_date__lt=date(2023, 11, 1)).order_by("due_date", "pk")):
        if i % 3 == 0:
            closings.append((m, m.due_date - timedelta(days=3)))
        elif i % 3 == 1:
            closings.append((m, min(m.due_date + timedelta(days=100), date(2023, 11, 10))))
    # Due at the year's end: one in seven done early, in May, July or September.
    later = milestones.filter(due_date__gte=date(2023, 11, 1), due_date__lt=date(2024, 1, 1)).order_by("pk")
    for i, m in enumerate(later[::7]):
        closings.append((m, (date(2023, 5, 15), date(2023, 7, 10), date(2023, 9, 20))[i % 3]))
    for m, day in closings:
        head = _member(lead_of[m.task_id], Membership.Role.HEAD)
        with time_machine.travel(_at(day, 9), tick=False):
            evidence = evidence_upload(user=head, task=m.task, uploaded_file=pdf(f"证明{m.pk}.pdf"))
            asked = milestone_request_completion(user=head, milestone=m, evidence_ids=[evidence.pk])
        with time_machine.travel(_at(day, 16), tick=False):
            milestone_verify(user=supervisor, milestone=m, completion_request=asked.pk)


@pytest.fixture(scope="module")
def _shared_active(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """The seed and its year of activity are the same for every test: built once, not eleven
    times (~2.5 s each)."""
    folder = tmp_path_factory.mktemp("figures-world")

    def build() -> PolicyDocument:
        with time_machine.travel(TODAY, tick=False):
            document = seeded_document()
            _activity(document)
            return document

    for document in build_for_module(request, django_db_blocker, folder, build):
        yield document, folder


@pytest.fixture
def active(request, _shared_active, today, settings) -> PolicyDocument:
    document, folder = _shared_active
    return module_rows(request, document, folder, settings)


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def _figures_on(html: str) -> dict[str, str]:
    return dict(FIGURE.findall(html))


def _rate(f: Figures) -> str:
    return "—" if f.on_time_rate is None else f"{f.on_time_rate}%"


def _shown(f: Figures) -> dict[str, str]:
    return {
        "milestones": str(f.milestones),
        "closed": str(f.closed),
        "overdue": str(f.overdue),
        "due_soon": str(f.due_soon),
        "behind": str(f.behind),
        "on_time_rate": _rate(f),
        "missing_reports": str(f.missing_reports),
        "late_reports": str(f.late_reports),
    }


def _list_total(client: Client, url: str) -> int:
    response = client.get(unescape(url))
    assert response.status_code == 200, url
    return int(TOTAL.search(response.content.decode()).group(1))


def test_every_page_shows_the_same_figures_at_three_dates(active: PolicyDocument) -> None:
    doc = active
    supervisor = RoleGrant.objects.get(role=RoleGrant.Role.SUPERVISOR).user
    sup = _client(supervisor.username)
    busiest = (
        TaskUnit.objects.filter(task__document=doc, role=TaskUnit.Role.LEAD, task__number__lte=6)
        .values_list("unit_id", flat=True)
        .first()
    )
    clerk = _member(busiest, Membership.Role.CLERK)
    seen: set[tuple[int, int, int]] = set()
    looked_back = scored = rates_seen = 0
    for on in DATES:
        f = figures(document=doc, on=on, user=supervisor)
        seen.add((f.overdue, f.closed, f.missing_reports))
        expected = _shown(f)
        assert f.overdue and f.closed and f.late_reports and f.missing_reports, f  # the activity shows in each
        # Some of what was overdue then has been closed since: the pages must look back.
        looked_back += Milestone.objects.filter(document=doc, due_date__lt=on, closed_at__gte=clock.end_of(on)).count()

        # The console: the figures strip, the heading and the overdue ledger's total.
        console = sup.get(f"/supervision/?document={doc.pk}&as_of={on}").content.decode()
        assert _figures_on(console) == expected, on
        assert f"截至 {on.year}年{on.month}月{on.day}日" in console
        assert int(TOTAL.search(console.split('id="ledger"', 1)[1]).group(1)) == f.overdue

        # The dashboard: the same strip; the charts add up to it; each figure's link lists its number.
        dash = sup.get(f"/dashboard/?document={doc.pk}&as_of={on}").content.decode()
        assert _figures_on(dash) | {"upcoming": "0"} == expected | {"upcoming": "0"}, on
        assert f"截至 {on.year}年{on.month}月{on.day}日" in dash
        by_key = {key: url for url, key in re.findall(r'href="([^"]+)"><b data-figure="(\w+)"', dash)}
        assert _list_total(sup, by_key["milestones"]) == f.milestones
        assert _list_total(sup, by_key["closed"]) == f.closed
        assert _list_total(sup, by_key["overdue"]) == f.overdue
        assert _list_total(sup, by_key["due_soon"]) == f.due_soon + f.behind
        for url in by_key.values():
            assert f"as_of={on}" in url and f"document={doc.pk}" in url
        charts = json.loads(unescape(re.search(r'id="dashboard-data"[^>]*>(.*?)</script>', dash, re.S).group(1)))
        assert sum(charts["completion"]["overdue"]) == f.overdue
        assert sum(charts["completion"]["closed"]) == f.closed
        assert f'name="as_of" value="{on}"' in dash  # the form keeps the date: the URL is the page

        # The workbench of a unit: its own figures.
        mine = figures(on=on, user=clerk, unit_ids=[busiest])
        bench = _figures_on(_client(clerk.username).get(f"/workbench/?as_of={on}").content.decode())
        assert bench == {
            "overdue": str(mine.overdue),
            "missing_reports": str(mine.missing_reports),
            "late_reports": str(mine.late_reports),
            "on_time_rate": _rate(mine),
        }, on

        # The ledger export: one row per overdue milestone, per closed one.
        for light, count in (("red", f.overdue), ("grey", f.closed)):
            data = b"".join(
                sup.get(f"/api/v1/documents/{doc.pk}/ledger.csv?as_of={on}&light={light}").streaming_content
            )
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
            assert len(rows) - 1 == count, (on, light)

        # The API: the figures, the overdue ledger page by page, the scoreboard per unit.
        api = sup.get(f"/api/v1/documents/{doc.pk}/figures/?on={on}").json()
        assert {k: str(api[k]) for k in expected if k != "on_time_rate"} == {
            k: v for k, v in expected.items() if k != "on_time_rate"
        }
        assert (api["on_time_rate"] and Decimal(api["on_time_rate"])) == (f.on_time_rate or None)
        url, ledger_ids = f"/api/v1/ledger/overdue/?document={doc.pk}&on={on}", []
        while url:
            page = sup.get(url).json()
            ledger_ids += [row["id"] for row in page["results"]]
            url = page["next"]
        assert len(ledger_ids) == f.overdue
        # The milestones list filtered on overdue_on=D: the same milestones, those closed since included
        # (looked_back counts those).
        url, listed = f"/api/v1/milestones/?document={doc.pk}&overdue_on={on}", []
        while url:
            page = sup.get(url).json()
            listed += [row["id"] for row in page["results"]]
            url = page["next"]
        # Area-wide targets (no clause) are milestones too, which the ledger leaves out: no unit can
        # ask to close them.
        of_clauses = Milestone.objects.filter(pk__in=listed, task__isnull=False).values_list("pk", flat=True)
        assert len(set(listed)) == len(listed) and sorted(of_clauses) == sorted(ledger_ids), on
        for row in sup.get(f"/api/v1/documents/{doc.pk}/scoreboard/?on={on}").json():
            unit = row["unit"]["id"]
            assert (
                row["overdue_count"] + row["overdue_as_co"]
                == figures(document=doc, on=on, user=supervisor, unit_ids=[unit]).overdue
            )
            led = figures(document=doc, on=on, user=supervisor, unit_ids=[unit], lead_only=True)
            assert (row["milestones_due"], row["closed_on_time"]) == (led.due, led.closed_on_time), row
            # 缺报/迟报 are the lead's: the unit's figures count them as its scoreboard row does.
            assert (row["missing_reports"], row["late_reports"]) == (led.missing_reports, led.late_reports), row
            # The 0-1 rate is the figures' percent / 100: one rate, whichever field a page reads.
            rate = None if row["on_time_rate"] is None else Decimal(row["on_time_rate"]) * 100
            assert rate == led.on_time_rate, row
            scored += 1
            rates_seen += led.on_time_rate is not None
        # The console's scoreboard shows each unit's rate as the figures do, in percent to 0.1.
        board = console.split('id="scoreboard"', 1)[-1]
        for unit_rate in re.findall(r'data-label="按期完成率">([^<]*)<', board):
            assert unit_rate == "—" or re.fullmatch(r"\d+(\.\d)?%", unit_rate), unit_rate

        # The bulletin of the month that ends the day before.
        if on in BULLETIN_OF:
            html = sup.get(f"/api/v1/documents/{doc.pk}/bulletin.html?period={BULLETIN_OF[on]}").getvalue().decode()
            shown = _figures_on(html)
            rate = "—" if f.on_time_rate is None else f"{f.on_time_rate}%"
            assert shown == {
                "milestones": str(f.milestones),
                "overdue": str(f.overdue),
                "on_time_rate": rate,
                "missing_reports": str(f.missing_reports),
                "late_reports": str(f.late_reports),
            }, on
    assert len(seen) == len(DATES)  # the date drives the figures
    assert looked_back >= 2
    assert scored and rates_seen  # the scoreboard had units, and rates to compare


@pytest.mark.parametrize("on", DATES)
def test_the_report_counts_in_sql_equal_the_list_of_missing_reports(active: PolicyDocument, on: date) -> None:
    listed = reports_missing(on=on, document=active, include_late=True)
    f = figures(document=active, on=on)
    assert (f.missing_reports, f.late_reports) == (
        sum(1 for r in listed if not r.is_late),
        sum(1 for r in listed if r.is_late),
    )


def _per_unit(listed: list) -> dict[int, tuple[int, int]]:
    counted: dict[int, list[int]] = {}
    for r in listed:
        counted.setdefault(r.unit.pk, [0, 0])[1 if r.is_late else 0] += 1
    return {unit: (missing, late) for unit, (missing, late) in counted.items()}


@pytest.mark.parametrize("on", DATES)
def test_the_one_count_equals_the_list_per_unit_in_every_scope(active: PolicyDocument, on: date) -> None:
    """report_counts (the only count of 缺报/迟报) and reports_missing (the rows) in each scope a
    page asks for: the document, a reader, a unit, and by the end of an earlier day (the bulletin)."""
    supervisor = RoleGrant.objects.get(role=RoleGrant.Role.SUPERVISOR).user
    busiest = (
        TaskUnit.objects.filter(task__document=active, role=TaskUnit.Role.LEAD)
        .values_list("unit_id", flat=True)
        .first()
    )
    clerk = _member(busiest, Membership.Role.CLERK)
    scopes = [
        {"document": active},
        {"document": active, "user": supervisor},
        {"user": clerk, "unit_ids": [busiest]},
        {"document": active, "through": on - timedelta(days=30)},  # judged on `on`, filings a month earlier
    ]
    for scope in scopes:
        counts = report_counts(on=on, **scope)
        listed = reports_missing(on=on, include_late=True, **scope)
        assert {u: (c.missing, c.late) for u, c in counts.items() if c.missing or c.late} == _per_unit(listed), scope
        total = report_totals(counts)
        assert (total.missing, total.late) == (
            sum(1 for r in listed if not r.is_late),
            sum(1 for r in listed if r.is_late),
        ), scope
        f = figures(
            on=on,
            through=scope.get("through"),
            document=scope.get("document"),
            user=scope.get("user"),
            unit_ids=scope.get("unit_ids"),
        )
        assert (f.missing_reports, f.late_reports) == (total.missing, total.late), scope
    # Filings after `through` do not count: a month earlier, more was still missing.
    earlier = report_totals(report_counts(on=on, through=on - timedelta(days=30), document=active))
    assert earlier.missing > report_totals(report_counts(on=on, document=active)).missing


@pytest.mark.parametrize("on", DATES)
def test_the_yellow_counts_in_sql_equal_each_milestones_light_reason(active: PolicyDocument, on: date) -> None:
    """临期 and 滞后 grouped in SQL are the lights' own judgement of each open milestone."""
    open_then = counted_milestones(document=active).filter(open_at(on), due_date__gte=on)
    # Open at the end of D (one closed since was open then).
    rows = [
        DueRow(pk, task_id, doc_id, Milestone.Status.OPEN, due)
        for pk, task_id, doc_id, due in open_then.values_list("pk", "task_id", "document_id", "due_date")
    ]
    codes = Counter(r.code for r in milestone_light_reasons(rows, on=on).values())
    f = figures(document=active, on=on)
    assert (f.due_soon, f.behind) == (codes["due_soon"], codes["behind"])
    assert f.due_soon + f.behind > 0


def test_the_dashboards_chart_counts_list_as_many_behind_their_links(active: PolicyDocument) -> None:
    """Each area's 未办结/已销号/逾期 bar and the 90天内到期 card open a list of exactly that many
    (the complaint: the dashboard said 82 and its link listed 84)."""
    from policy_tasks.web.charts import dashboard_data

    sup = _client("duchashi")
    supervisor = User.objects.get(username="duchashi")
    # As the other test: today is long after the three dates, which are looked back on.
    for on in DATES:
        data = dashboard_data(user=supervisor, document=active, on=on)
        completion = data["completion"]
        for state in ("open", "closed", "overdue"):
            for count, url in zip(completion[state], completion["links"][state], strict=True):
                assert _list_total(sup, url) == count, (on, state, url)
        upcoming, url = data["upcoming"]
        assert upcoming > 0
        assert _list_total(sup, url) == upcoming, (on, "upcoming", url)
        page = sup.get(f"/dashboard/?document={active.pk}&as_of={on}").content.decode()
        assert f'data-figure="upcoming">{upcoming}<' in page
