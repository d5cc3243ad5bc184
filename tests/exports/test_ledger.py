"""The ledger (台账): the seed document's workbook read back with openpyxl, CSV, filters, history."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from html import unescape

import openpyxl
import pytest
import time_machine
from django.test import Client

from policy_tasks.exports.ledger import LEDGER_COLUMNS, document_ledger
from policy_tasks.exports.ledger_csv import write_ledger_csv
from policy_tasks.exports.ledger_xlsx import write_ledger_xlsx
from policy_tasks.models import Milestone, Task
from tests import factories as f

pytestmark = pytest.mark.django_db

HEADER_ROW = 2
FIGURE = re.compile(r'data-figure="(\w+)">([^<]*)<')


def workbook(ledger):
    out = io.BytesIO()
    write_ledger_xlsx(ledger, out)
    out.seek(0)
    return openpyxl.load_workbook(out)


def read_rows(ws) -> list[dict]:
    """Data rows as dicts, merged clause cells filled in from their top-left cell."""
    merged = {}
    for rng in ws.merged_cells.ranges:
        top = ws.cell(rng.min_row, rng.min_col).value
        for row in range(rng.min_row, rng.max_row + 1):
            merged[(row, rng.min_col)] = top
    rows = []
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        rows.append(
            {name: merged.get((r, c), ws.cell(r, c).value) for c, name in enumerate(LEDGER_COLUMNS, start=1)}
            | {"_row": r}
        )
    return rows


def clause(rows, number: int) -> list[dict]:
    return [r for r in rows if r["序号"] == str(number)]


def test_seed_ledger_has_one_row_per_milestone_and_one_per_clause_without(seed):
    ws = workbook(document_ledger(document=seed, as_of=date(2023, 11, 1)))["台账"]
    assert [c.value for c in ws[HEADER_ROW]] == LEDGER_COLUMNS
    rows = read_rows(ws)
    milestones = Milestone.objects.filter(document=seed, task__isnull=False).count()
    empty = Task.objects.filter(document=seed, milestones__isnull=True).count()
    assert len(rows) == milestones + empty
    assert len({r["序号"] for r in rows}) == Task.objects.filter(document=seed).count()


def test_seed_clause_1_units_and_dates(seed):
    rows = clause(read_rows(workbook(document_ledger(document=seed, as_of=date(2023, 11, 1)))["台账"]), 1)
    assert len(rows) == Milestone.objects.filter(task__document=seed, task__number=1).count()
    assert {r["牵头单位"] for r in rows} == {"区发改局"}
    assert {r["配合单位"] for r in rows} == {"区文旅体局、区水利局、区农业农村局、区交通运输局"}
    assert {r["领域"] for r in rows} == {"一、扩大有效投资政策"}
    pumped = next(r for r in rows if "抽蓄项目10月底前开工" in r["具体任务(里程碑原文)"])
    assert pumped["完成时限"] == datetime(2023, 10, 31)
    assert pumped["原定时限"] == datetime(2023, 10, 31)


def test_seed_clause_53_units_and_dates(seed):
    rows = clause(read_rows(workbook(document_ledger(document=seed, as_of=date(2023, 11, 1)))["台账"]), 53)
    assert {r["牵头单位"] for r in rows} == {"区卫健局"}
    assert {r["配合单位"] for r in rows} == {None}
    due = {r["具体任务(里程碑原文)"]: r["完成时限"] for r in rows}
    icu = next(text for text in due if "确保3月底完成" in text and "ICU" in text)
    clinics = next(text for text in due if "2023年6月底" in text and "10家" in text)
    assert due[icu] == datetime(2023, 3, 31)
    assert due[clinics] == datetime(2023, 6, 30)


def test_seed_overdue_flags_as_of_a_date(seed):
    rows = read_rows(workbook(document_ledger(document=seed, as_of=date(2023, 11, 1)))["台账"])
    by_text = {r["具体任务(里程碑原文)"]: r for r in rows if r["具体任务(里程碑原文)"]}
    pumped = next(r for t, r in by_text.items() if "抽蓄项目10月底前开工" in t)
    icu = next(r for t, r in by_text.items() if "ICU" in t)
    year_end = next(r for t, r in by_text.items() if t == "全年完成投资2000万元")
    assert (pumped["是否逾期"], pumped["逾期天数"]) == ("是", 1)
    assert (icu["是否逾期"], icu["逾期天数"]) == ("是", 215)
    assert (year_end["是否逾期"], year_end["逾期天数"]) == ("否", None)

    before = read_rows(workbook(document_ledger(document=seed, as_of=date(2023, 10, 31)))["台账"])
    pumped = next(r for r in before if "抽蓄项目10月底前开工" in (r["具体任务(里程碑原文)"] or ""))
    assert (pumped["是否逾期"], pumped["逾期天数"]) == ("否", None)


def test_workbook_layout_merges_clause_cells_freezes_header_and_fills_lights(seed):
    ledger = document_ledger(document=seed, as_of=date(2023, 10, 31))
    ws = workbook(ledger)["台账"]
    assert ws.freeze_panes == "A3"
    assert ws.cell(HEADER_ROW, 1).font.b
    assert ws.column_dimensions["D"].width > ws.column_dimensions["A"].width
    rows = read_rows(ws)
    first = clause(rows, 1)[0]["_row"]
    n = len(clause(rows, 1))
    merged = {str(r) for r in ws.merged_cells.ranges}
    for col in "ABCEF":  # 序号 领域 政策条款 牵头单位 配合单位
        assert f"{col}{first}:{col}{first + n - 1}" in merged
    assert f"D{first}:D{first + 1}" not in merged  # milestones stay one per row
    colour = {
        r["具体任务(里程碑原文)"]: ws.cell(r["_row"], 11).fill.fgColor.rgb for r in rows if r["具体任务(里程碑原文)"]
    }
    pumped = next(v for k, v in colour.items() if "抽蓄项目10月底前开工" in k)
    icu = next(v for k, v in colour.items() if "ICU" in k)
    assert pumped.endswith("FFEB9C")  # yellow: due within 5 working days of 10-31
    assert icu.endswith("FFC7CE")  # red: overdue


def test_csv_has_the_same_rows_with_a_bom_for_excel(seed):
    ledger = document_ledger(document=seed, as_of=date(2023, 11, 1))
    out = io.BytesIO()
    write_ledger_csv(ledger, out)
    data = out.getvalue()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == LEDGER_COLUMNS
    assert len(rows) - 1 == len(ledger.rows)
    pumped = next(r for r in rows if "抽蓄项目10月底前开工" in r[3])
    assert pumped[0] == "1" and pumped[4] == "区发改局" and pumped[6] == "2023-10-31"
    assert pumped[11:] == ["是", "1"]


def test_filters_of_the_overdue_ledger_apply(seed):
    on = date(2023, 11, 1)
    red = document_ledger(document=seed, as_of=on, lights={"red"})
    assert red.rows and all(r.overdue == "是" for r in red.rows)
    health = f.UnitFactory(name="区卫健局")
    mine = document_ledger(document=seed, as_of=on, unit=health)
    assert mine.rows and all("区卫健局" in (r.lead_units + r.co_units) for r in mine.rows)
    spring = document_ledger(document=seed, as_of=on, due_from=date(2023, 3, 1), due_to=date(2023, 3, 31))
    assert spring.rows and all(date(2023, 3, 1) <= r.due <= date(2023, 3, 31) for r in spring.rows)
    assert all(r.milestone for r in spring.rows)  # clauses without milestones drop out under a date filter


def test_a_clerk_gets_only_the_clauses_of_their_unit(world):
    other_task = f.TaskFactory(document=world.document, number=2, title="别的条款")
    f.TaskUnitFactory(task=other_task, unit=world.other_unit, role="lead")
    f.MilestoneFactory(task=other_task, text="别的单位的节点")
    clerk_rows = document_ledger(document=world.document, user=world.co_clerk, as_of=date(2023, 10, 1)).rows
    assert [r.number for r in clerk_rows] == ["1"]
    supervisor_rows = document_ledger(document=world.document, user=world.supervisor, as_of=date(2023, 10, 1)).rows
    assert [r.number for r in supervisor_rows] == ["1", "2"]


def test_ledger_as_of_a_past_date_shows_that_day(october):
    doc = october.document

    def row(as_of, key):
        text = october.m[key].text
        return next(r for r in document_ledger(document=doc, as_of=as_of).rows if r.milestone == text)

    # m8 was closed on 11-03: open and late on 11-01, closed late afterwards.
    assert (row(date(2023, 11, 1), "m8").status, row(date(2023, 11, 1), "m8").overdue) == ("办理中", "是")
    later = row(date(2023, 11, 10), "m8")
    assert (later.status, later.overdue, later.days_late, later.light) == ("已销号", "逾期办结", 19, "grey")
    # m6's second extension was granted on 11-15.
    assert row(date(2023, 11, 1), "m6").due == date(2023, 10, 20)
    assert row(date(2023, 11, 20), "m6").due == date(2023, 12, 31)
    # Progress and reported values as they were known on the date.
    assert "用地报批" in row(date(2023, 10, 31), "m3").progress
    assert "主体工程已开工" in row(date(2023, 11, 10), "m3").progress
    assert row(date(2023, 10, 31), "m3").value == "800/2000万元"
    assert row(date(2023, 11, 10), "m3").value == "1200/2000万元"
    assert row(date(2023, 10, 9), "m3").value == "—/2000万元"


def test_the_same_ledger_packed_a_minute_apart_is_the_same_file(seed):
    """A ledger downloaded twice (a redirect followed, a checksum compared) must not differ by the
    second it was zipped in."""
    ledger = document_ledger(document=seed, as_of=date(2023, 10, 31))
    files = []
    for moment in (datetime(2023, 11, 1, 9, 0, 1), datetime(2023, 11, 1, 9, 1, 0)):
        with time_machine.travel(moment, tick=False):
            out = io.BytesIO()
            write_ledger_xlsx(ledger, out)
            files.append(out.getvalue())
    assert files[0] == files[1]


def test_a_milestone_closed_with_no_time_recorded_is_closed_in_the_exports_as_on_the_dashboard(world):
    """Its status says closed; only its timestamp is missing. The ledger export and the bulletin,
    rebuilt from history, count it closed (on time) as the dashboard does, not overdue; its
    clause, closed with no time either, too."""
    area = f.AreaFactory(document=world.document, number=1, title="扩大有效投资")
    Task.objects.filter(pk=world.task.pk).update(area=area, status=Task.Status.CLOSED, closed_at=None)
    Milestone.objects.filter(pk=world.milestone.pk).update(status=Milestone.Status.CLOSED, closed_at=None)
    doc, on = world.document, date(2023, 11, 15)
    client = Client()
    client.force_login(world.supervisor)

    dash = client.get(f"/dashboard/?document={doc.pk}&as_of={on}").content.decode()
    shown = dict(FIGURE.findall(dash))
    assert (shown["closed"], shown["overdue"], shown["on_time_rate"]) == ("1", "0", "100.0%")
    charts = json.loads(unescape(re.search(r'id="dashboard-data"[^>]*>(.*?)</script>', dash, re.S).group(1)))
    assert (charts["completion"]["closed"], charts["completion"]["overdue"]) == ([1], [0])

    def csv_rows(**params) -> list[dict]:
        response = client.get(f"/api/v1/documents/{doc.pk}/ledger.csv", {"as_of": on.isoformat(), **params})
        assert response.status_code == 200
        return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))

    [row] = csv_rows()
    assert (row["状态"], row["是否逾期"]) == ("已销号", "否")
    assert len(csv_rows(light="grey")) == 1 and csv_rows(light="red") == []

    bulletin = client.get(f"/api/v1/documents/{doc.pk}/bulletin.html", {"period": "2023-10"}).getvalue().decode()
    shown = dict(FIGURE.findall(bulletin))
    assert (shown["overdue"], shown["on_time_rate"]) == ("0", "100.0%")
    assert "共分解任务1项（已办结1项）" in bulletin
