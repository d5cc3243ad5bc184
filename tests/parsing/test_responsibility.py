"""Every responsibility format of the genre, and unit-name normalisation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.unit_names import UnitBook, unit_form
from policy_tasks.parsing.units import read_responsibility

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture(scope="module")
def doc():
    return parse_document((SAMPLES / "responsibility_formats.txt").read_text(encoding="utf-8"))


def by_number(doc, number):
    return next(t for t in doc.tasks if t.number == number)


@pytest.mark.parametrize(
    ("number", "leads", "co", "leaders"),
    [
        # (责任单位:A、B〈C〉、各乡镇（街道）等部门): the first listed leads
        (1, ["区发改局"], ["区经信局", "各乡镇街道"], []),
        # （A牵头，B、C配合） with full-width punctuation
        (2, ["区住建局"], ["区财政局", "区自然资源局"], []),
        # (责任领导:…;牵头单位:A、B;责任单位:C、D,E): several leads, people are leaders
        (3, ["区自然资源局", "区发改局"], ["区财政局", "区林业局", "区水利局"], ["王明"]),
        # separate 牵头单位：/责任单位：/责任领导： lines
        (4, ["区行政服务中心"], ["区市场监管局", "区税务局"], ["李华"]),
        # one table-ish line: 牵头单位:A 配合单位:B、C 完成时限:…
        (5, ["区应急管理局"], ["区公安分局", "各乡镇街道"], []),
        # (责任单位:A;配合单位:B、C): 配合单位 are co units
        (6, ["区民政局"], ["区国资公司", "区建设投资有限公司"], []),
        (7, ["区卫健局"], ["区委组织部"], []),
        (9, ["区民政局"], ["各乡镇街道"], []),
    ],
)
def test_responsibility_formats(doc, number, leads, co, leaders):
    t = by_number(doc, number)
    assert (t.lead_units, t.co_units, t.leaders) == (leads, co, leaders)


def test_area_leads_including_two(doc):
    assert [(a.number, a.title, a.lead_units) for a in doc.areas] == [
        (1, "项目建设", ["区发改局"]),
        (2, "民生保障", ["区民政局", "区卫健局"]),
    ]


def test_header_without_web_metadata(doc):
    assert doc.title == "衢江区关于加快推进重点工作的实施方案"
    assert doc.doc_number == "衢江政发〔2024〕3号"
    assert doc.issued_on == date(2024, 3, 1)
    assert doc.year == 2024


def test_field_lines_belong_to_the_clause_text(doc):
    text = by_number(doc, 4).text
    assert text.startswith("优化审批服务。")
    assert text.endswith("责任领导：李华")
    assert by_number(doc, 5).text.endswith("完成时限:2024年12月底")


def test_completion_time_field_is_the_clause_deadline(doc):
    (m,) = by_number(doc, 5).milestones
    assert (m.text, m.due_date, m.kind) == ("完成时限:2024年12月底", date(2024, 12, 31), "deadline")


def test_clause_without_responsibility_inherits_nothing_and_warns(doc):
    t = by_number(doc, 8)
    assert (t.lead_units, t.co_units) == ([], [])
    (warning,) = [w for w in doc.warnings if w.task == 8]
    assert warning.line == 28
    assert "责任单位" in warning.message and "no responsible unit" in warning.message


def test_closing_lines_are_neither_clauses_nor_clause_text(doc):
    assert [t.number for t in doc.tasks] == list(range(1, 10))
    assert "上述政策" not in by_number(doc, 9).text
    assert doc.default_due == date(2024, 12, 31)


def test_units_in_document_order_with_written_forms_as_aliases(doc):
    names = [u.name for u in doc.units]
    assert names[:3] == ["区发改局", "区经信局", "各乡镇街道"]
    units = {u.name: u for u in doc.units}
    assert set(units["区经信局"].aliases) == {"商务局", "区经信局〈商务局〉", "区经信局<商务局>"}
    assert set(units["各乡镇街道"].aliases) == {"各乡镇（街道）", "各乡镇<街道>"}
    assert units["区建设投资有限公司"].kind == "company"


def test_township_parenthesis_does_not_end_the_responsibility():
    found = read_responsibility("正文。(责任单位:区发改局、各乡镇(街道)、区财政局)")
    assert found.lead_and_co() == (["区发改局"], ["各乡镇(街道)", "区财政局"])


def test_comma_inside_a_list_separates_units():
    found = read_responsibility("正文。(责任单位:区交通运输局、区财政局、区农业农村局,各乡镇<街道>)")
    assert found.lead_and_co()[1] == ["区财政局", "区农业农村局", "各乡镇<街道>"]


def test_prose_parentheses_are_not_responsibilities():
    found = read_responsibility("预支351亩指标(东巨康)并由企业负责(含参股的信保公司)。")
    assert not found.found and found.spans == []


def test_unlabelled_lead_form_in_prose_is_ignored_but_at_line_end_is_read():
    assert not read_responsibility("正文(由企业负责)后续正文。").found
    assert read_responsibility("正文。(区发改局负责)").lead_and_co() == (["区发改局"], [])


@pytest.mark.parametrize(
    ("written", "canonical", "kind"),
    [
        ("区经信局<商务局>", "区经信局", "department"),
        ("区经信局《商务局》", "区经信局", "department"),
        ("各乡镇<街道>", "各乡镇街道", "group"),
        ("各乡镇(街道)", "各乡镇街道", "group"),
        ("各乡镇（街道）", "各乡镇街道", "group"),
        ("各乡镇街道", "各乡镇街道", "group"),
        ("区发改局等部门", "区发改局", "department"),
        ("区财政局等单位", "区财政局", "department"),
        ("区民政局等", "区民政局", "department"),
        ("区加快新型城镇化建设领导小组办公室成员单位", "区加快新型城镇化建设领导小组办公室成员单位", "group"),
        ("振航公司", "振航公司", "company"),
    ],
)
def test_unit_forms(written, canonical, kind):
    form = unit_form(written)
    assert (form.canonical, form.kind) == (canonical, kind)


def test_an_alias_seen_alone_first_still_resolves_to_one_unit():
    book = UnitBook(["商务局", "区经信局<商务局>"])
    assert [u.name for u in book.units] == ["区经信局"]
    assert book.names(["商务局", "区经信局<商务局>"]) == ["区经信局"]


def test_fields_on_the_clause_line_itself_as_in_a_table_row():
    doc = parse_document(
        "2024年方案\n1. 建设公园 新建公园3个 牵头单位:县住建局 配合单位:县财政局、县林业局 完成时限:2024年10月底\n"
    )
    (t,) = doc.tasks
    assert (t.lead_units, t.co_units) == (["县住建局"], ["县财政局", "县林业局"])
    assert [m.due_date for m in t.milestones] == [date(2024, 10, 31)] * 2
    assert [w.task for w in doc.warnings] == [None]  # only: no document number
