"""Paged lists show every row once and count what the whole list holds (issue 18).

The ledger pages (console and 任务清单), the workbench's clauses, and the aggregate reads
behind them (task lights, the scoreboard's 缺报 and 迟报) are compared with the unpaged, per-row
computation on the same seed data.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from accounts.models import User
from policy_tasks.models import Milestone, Task, UrgeNotice
from policy_tasks.selectors.lights import milestone_lights, task_lights, worst
from policy_tasks.selectors.reports import report_counts, reports_missing
from policy_tasks.web import ledger

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(seeded_once):
    return seeded_once


ROW = re.compile(r'<tr id="row-(\d+)"')
NEXT = re.compile(r'<a href="([^"]+)" rel="next"')
TOTAL = re.compile(r"共 (\d+) 项")
DATES = [date(2023, 6, 30), date(2023, 11, 15), date(2024, 1, 10)]


def _walk(client, url: str) -> tuple[list[int], int, list[str]]:
    """Follow 下一页 from `url` to the last page: the row ids in order, the stated total, the links."""
    ids, links, total = [], [], None
    while True:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        found = TOTAL.search(page)
        total = int(found.group(1)) if total is None else total
        ids += [int(pk) for pk in ROW.findall(page)]
        following = NEXT.search(page)
        if following is None:
            return ids, total, links
        link = unescape(following.group(1)).split("#")[0]
        links.append(link)
        url = urlsplit(url).path + link


@pytest.mark.parametrize("username", ["duchashi", "lingdao", "qfgj_clerk"])
@pytest.mark.parametrize("light", ["", "red", "yellow", "green", "grey"])
def test_the_list_pages_show_every_row_once_and_count_them_all(client, seeded, monkeypatch, username, light):
    monkeypatch.setattr(ledger, "PER_PAGE", 7)
    user = User.objects.get(username=username)
    client.force_login(user)
    on = date(2023, 11, 15)
    url = f"/milestones/?document={seeded.pk}&light={light}&as_of={on}"
    ids, total, links = _walk(client, url)
    expected = ledger.ledger_milestones(user=user, filters=ledger.LedgerFilters(document=seeded, light=light, as_of=on))
    assert ids == [m.pk for m in expected]
    assert total == len(expected)
    assert len(ids) == len(set(ids))
    # Every page link keeps the filters: the page is a shareable URL.
    for link in links:
        query = parse_qs(urlsplit(link).query, keep_blank_values=True)
        assert query["light"] == [light] and query["as_of"] == [str(on)] and query["document"] == [str(seeded.pk)]


def test_the_console_pages_the_overdue_ledger_of_one_unit(client, seeded, monkeypatch):
    monkeypatch.setattr(ledger, "PER_PAGE", 1)
    supervisor = User.objects.get(username="duchashi")
    client.force_login(supervisor)
    lead = Task.objects.filter(document=seeded).first().task_units.get(role="lead").unit
    url = f"/supervision/?document={seeded.pk}&unit={lead.pk}&light=red"
    ids, total, links = _walk(client, url)
    expected = ledger.ledger_milestones(
        user=supervisor,
        filters=ledger.LedgerFilters(document=seeded, unit=lead, light="red", as_of=date(2023, 11, 15)),
    )
    assert ids == [m.pk for m in expected] and total == len(expected) > 1
    assert all(f"unit={lead.pk}" in link for link in links)


def test_a_page_past_the_end_shows_the_last_page(client, seeded, monkeypatch):
    monkeypatch.setattr(ledger, "PER_PAGE", 7)
    client.force_login(User.objects.get(username="duchashi"))
    last = client.get(f"/milestones/?document={seeded.pk}&light=&page=9999").content.decode()
    assert "下一页" not in last and "上一页" in last and ROW.search(last)
    assert ROW.findall(client.get(f"/milestones/?document={seeded.pk}&light=&page=x").content.decode())


@pytest.mark.parametrize("on", DATES)
def test_task_lights_from_aggregates_equal_the_worst_of_each_milestone(seeded, on):
    tasks = list(Task.objects.filter(document=seeded))
    milestones = list(Milestone.objects.filter(task__in=tasks).exclude(status=Milestone.Status.WITHDRAWN))
    lights = milestone_lights(milestones, on=on)
    by_task: dict[int, list[str]] = {t.pk: [] for t in tasks}
    for m in milestones:
        by_task[m.task_id].append(lights[m.pk])
    expected = {
        t.pk: "grey" if t.status in ("closed", "withdrawn") else (worst(by_task[t.pk]) if by_task[t.pk] else "green")
        for t in tasks
    }
    assert task_lights(tasks, on=on) == expected
    assert len(set(expected.values())) >= 2  # the seed gives more than one light on each date


@pytest.mark.parametrize("on", DATES)
def test_report_counts_equal_the_list_of_missing_reports(seeded, on):
    # The scoreboard's 缺报 (still not filed) and 迟报 (filed after the deadline) are the list's
    # entries without and with a filing date (issue 15 split what was one count).
    expected: dict[int, list[int]] = {}
    for item in reports_missing(on=on, document=seeded, include_late=True):
        expected.setdefault(item.unit.pk, [0, 0])[1 if item.is_late else 0] += 1
    tasks = Task.objects.filter(document=seeded)
    counts = report_counts(document=seeded, on=on, tasks=tasks)
    assert {unit: [c.missing, c.late] for unit, c in counts.items() if c.missing or c.late} == expected


def test_the_console_has_one_urge_dialog_and_a_page_for_it_without_javascript(client, seeded):
    supervisor = User.objects.get(username="duchashi")
    client.force_login(supervisor)
    console = client.get(f"/supervision/?document={seeded.pk}&light=red").content.decode()
    assert console.count('<dialog id="urge-dialog"') == 1
    assert 'name="level"' in console and console.count('name="level"') == 1
    link = re.search(r'<a class="button urge-open" href="([^"]+)"', console).group(1)
    form = client.get(unescape(link))
    assert form.status_code == 200 and 'name="reply_due"' in form.content.decode()
    milestone_id = int(re.search(r"/milestones/(\d+)/urge/", link).group(1))
    back = f"/supervision/?document={seeded.pk}&light=red&page=1"
    answer = client.post(
        f"/milestones/{milestone_id}/urge/",
        {"level": "urge", "reply_due": str(date(2023, 11, 15) + timedelta(days=5)), "next": back},
    )
    assert answer.status_code == 302 and answer["Location"] == back
    assert UrgeNotice.objects.filter(milestone_id=milestone_id).count() == 1
    # The form page sends nobody elsewhere: a foreign `next` falls back to the console.
    assert "https://evil.example" not in client.get(f"{urlsplit(link).path}?next=https://evil.example").content.decode()


def test_a_clerk_cannot_open_the_urge_form(client, seeded):
    client.force_login(User.objects.get(username="qfgj_clerk"))
    milestone = Milestone.objects.filter(document=seeded, task__isnull=False, status="open").first()
    assert client.get(f"/milestones/{milestone.pk}/urge/").status_code in (403, 404)


def test_the_workbench_pages_one_light_through_all_its_clauses(client, seeded, monkeypatch):
    from policy_tasks.web import workbench

    monkeypatch.setattr(workbench, "GROUP_PAGE", 4)
    monkeypatch.setattr(workbench, "TILES_MAX", 2)
    client.force_login(User.objects.get(username="qfgj_clerk"))
    page = client.get("/workbench/").content.decode()
    groups = dict(re.findall(r'\?tasks=(\w+)&amp;as_of=[\d-]+#tasks">查看全部 (\d+) 项', page))
    assert groups, "a unit with more clauses than tiles offers the full list"
    for light, count in groups.items():
        seen, url = [], f"/workbench/?tasks={light}"
        while url:
            body = client.get(url).content.decode()
            section = body[body.index('id="tasks"') :]
            seen += re.findall(r'<li class="tile tile-[a-z]+">\s*<a href="/tasks/(\d+)/"', section)
            following = NEXT.search(section)
            url = "/workbench/" + unescape(following.group(1)).split("#")[0] if following else None
        assert len(seen) == len(set(seen)) == int(count)


def test_a_large_board_counts_each_area_and_shows_one_area_on_request(client, seeded, monkeypatch):
    monkeypatch.setattr(ledger, "BOARD_TILES_MAX", 3)
    supervisor = User.objects.get(username="duchashi")
    client.force_login(supervisor)
    page = client.get(f"/supervision/?document={seeded.pk}").content.decode()
    board = page[page.index('id="board"') : page.index('id="scoreboard"')]
    counted = sum(int(n) for n in re.findall(r"</span>\s*(\d+) 条</span>", board))
    assert counted == Task.objects.filter(document=seeded).count()
    assert 'class="tile ' not in board
    on = date(2023, 11, 15)
    expected = task_lights(list(Task.objects.filter(document=seeded)), on=on)
    reds = sum(1 for light in expected.values() if light == "red")
    assert sum(int(n) for n in re.findall(r"红灯·逾期</span>\s*(\d+) 条", board)) == reds
    # An area of no more than the limit shows its tiles when chosen in the filters.
    area = min(seeded.areas.all(), key=lambda a: a.tasks.count())
    monkeypatch.setattr(ledger, "BOARD_TILES_MAX", area.tasks.count())
    chosen = client.get(f"/supervision/?document={seeded.pk}&area={area.pk}").content.decode()
    tiles = chosen[chosen.index('id="board"') : chosen.index('id="scoreboard"')].count('class="tile ')
    assert tiles == area.tasks.count()
