"""Where a reading of a document never seen is unsure, the clause says so (issue 12: "where it is unsure it says
so on the review page"): a unit name that ends as no body, place or group does, and a clause holding one
responsibility field twice (items run together), a field below the clauses that no clause holds (items not
read). Each made-up document is misread the way blind rounds found
documents misread at first look; the corpus, read right, raises none (tests/parsing/test_corpus.py)."""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.clause_doubts import doubtful, merged_message


def _clause_warnings(text: str) -> dict[str, list[str]]:
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2024)
    labels = {t.number: t.label for t in doc.tasks}
    out: dict[str, list[str]] = {}
    for w in doc.warnings:
        if w.task is not None:
            out.setdefault(labels[w.task], []).append(w.message)
    return out


@pytest.mark.parametrize(
    "name",
    [
        "区发展改革局",
        "县发改局(粮食局)",
        "各县(市、区)人民政府",
        "相关镇街区",
        "岳麓区",
        "赣州经开区",
        "区城投",
        "吕仙亭街道办事处",
        "县第一中学",
        "各营业网点",
        "市委宣传部(市文明办)",
    ],
)
def test_bodies_places_and_groups_are_names(name):
    assert not doubtful(name)


@pytest.mark.parametrize(
    "name", ["请市文明办协调解决", "市城管局督促属地整改", "属地配合抓好落实", "张局长", "规范夜市摊点"]
)
def test_a_request_a_charge_a_title_or_a_task_is_no_name(name):
    assert doubtful(name)


def test_a_unit_field_holding_a_sentence_marks_its_clause():
    warned = _clause_warnings(
        "一、重点任务\n1.清理城区违规广告牌。(责任单位:市城管局督促属地整改)\n2.整治背街小巷。(责任单位:各街道)\n"
    )
    assert list(warned) == ["1"]
    assert "“市城管局督促属地整改”不像单位名称" in warned["1"][0]


def test_items_run_together_mark_the_clause_that_holds_them():
    warned = _clause_warnings(
        "一、重点任务\n"
        "1.清理城区违规广告牌;整治背街小巷,责任单位:市城管局;规范夜市摊点,责任单位:市市场监管局。\n"
        "2.整治背街小巷。(责任单位:各街道)\n"
    )
    assert any("含多处责任单位(2处)" in m for m in warned["1"])
    assert "2" not in warned


def test_a_field_below_the_clauses_that_no_clause_holds_is_named_with_its_line():
    doc = parse_bytes(
        "一、重点任务\n1.清理违规广告牌。(责任单位:市城管局)\n2.整治背街小巷。(责任单位:各街道)\n附件:任务清单\n"
        "整治夜市摊点 责任单位:市市场监管局 完成时限:6月底\n".encode(),
        filename="doc.txt",
        year=2024,
    )
    unread = [(w.task, w.line, w.message) for w in doc.warnings if "outside every clause" in w.message]
    assert unread == [(None, 5, "第5行“责任单位:市市场监管局”未读入任何条款,请核对 (a field outside every clause)")]


def test_a_field_a_clause_holds_or_above_the_clauses_is_no_unread_one():
    doc = parse_bytes(
        "各责任单位:\n牵头单位:市城管局统筹。\n一、重点任务\n1.清理违规广告牌。(责任单位:市城管局)\n"
        "三、保障措施\n(一)加强领导。成立工作专班,责任单位:市委办。\n".encode(),
        filename="doc.txt",
        year=2024,
    )
    assert not [w for w in doc.warnings if "outside every clause" in w.message]


def test_one_field_each_of_lead_and_co_is_no_run_together():
    assert merged_message("1", "推进…。牵头责任单位:市发改委。协同责任单位:市经信局、市商务局") is None
    assert merged_message("1", "推进…。(牵头单位:市发改委;配合单位:市财政局)") is None
    assert merged_message("1", "问题一。整改责任单位:A局 整改时限:6月底 问题二。整改责任单位:B局") is not None
