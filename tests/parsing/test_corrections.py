"""Corrections from the review page applied to a parsed document: what changes, what is refused."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from policy_tasks.parsing import ParseError, parse_document
from policy_tasks.parsing.corrections import (
    apply_corrections,
    clause_correction,
    clause_key,
    describe_corrections,
    join_unit_names,
    split_unit_names,
)

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "kecheng-2023-16.txt"


@pytest.fixture(scope="module")
def seed():
    return parse_document(SEED.read_text(encoding="utf-8"))


def task(doc, number):
    return next(t for t in doc.tasks if t.number == number)


def test_no_corrections_give_the_document_back(seed):
    assert apply_corrections(seed, None) is seed
    assert apply_corrections(seed, {}) is seed
    assert apply_corrections(seed, {"clauses": {}}) is seed


def test_swapping_lead_and_co_units_leaves_the_parse_untouched(seed):
    before = json.dumps(seed.to_dict(), ensure_ascii=False)
    fixed = apply_corrections(
        seed, {"clauses": {"1": {"lead_units": ["区水利局"], "co_units": ["区发改局", "区文旅体局"]}}}
    )
    one = task(fixed, 1)
    assert one.lead_units == ["区水利局"]
    assert one.co_units == ["区发改局", "区文旅体局"]
    # Where the parser read the units stays visible beside the correction.
    assert one.unit_origin.startswith("人工修改") and task(seed, 1).unit_origin in one.unit_origin
    assert json.dumps(seed.to_dict(), ensure_ascii=False) == before
    assert task(fixed, 2).lead_units == task(seed, 2).lead_units


def test_a_new_unit_name_becomes_a_unit_of_the_document(seed):
    fixed = apply_corrections(seed, {"clauses": {"1": {"co_units": ["区发展改革委员会"]}}})
    assert task(fixed, 1).co_units == ["区发展改革委员会"]
    ref = next(u for u in fixed.units if u.name == "区发展改革委员会")
    assert ref.kind == "department"
    assert len(seed.units) + 1 - len(fixed.units) >= 0  # no unit added twice


def test_a_unit_named_by_its_alias_is_the_documents_unit(seed):
    economy = next(u for u in seed.units if u.aliases)
    alias = economy.aliases[0]
    fixed = apply_corrections(seed, {"clauses": {"1": {"co_units": [alias]}}})
    assert task(fixed, 1).co_units == [economy.name]
    assert [u.name for u in fixed.units].count(economy.name) == 1


def test_a_unit_removed_from_its_only_clause_is_no_longer_imported(seed):
    only_in_one = [u.name for u in seed.units if sum(u.name in (*t.lead_units, *t.co_units) for t in seed.tasks) == 1]
    name = only_in_one[0]
    owner = next(t for t in seed.tasks if name in (*t.lead_units, *t.co_units))
    lead = [n for n in owner.lead_units if n != name] or ["区发改局"]
    co = [n for n in owner.co_units if n != name and n not in lead]
    fixed = apply_corrections(seed, {"clauses": {clause_key(owner): {"lead_units": lead, "co_units": co}}})
    assert name not in {u.name for u in fixed.units}


def test_a_unit_in_both_roles_leads(seed):
    fixed = apply_corrections(
        seed, {"clauses": {"2": {"lead_units": ["区财政局"], "co_units": ["区财政局", "区发改局"]}}}
    )
    assert task(fixed, 2).lead_units == ["区财政局"]
    assert task(fixed, 2).co_units == ["区发改局"]


def test_milestones_are_dropped_redated_and_added(seed):
    one = task(seed, 1)
    drop, move = one.milestones[2].text, one.milestones[4].text
    fixed = apply_corrections(
        seed,
        {
            "clauses": {
                "1": {
                    "drop_milestones": [drop],
                    "milestone_dates": {move: "2023-09-30"},
                    "add_milestones": [{"text": "11月底前完成项目验收", "due_date": "2023-11-30"}],
                }
            }
        },
    )
    ms = task(fixed, 1).milestones
    assert drop not in [m.text for m in ms]
    assert next(m for m in ms if m.text == move).due_date == date(2023, 9, 30)
    added = ms[-1]
    assert (added.text, added.due_date, added.kind) == ("11月底前完成项目验收", date(2023, 11, 30), "deadline")
    assert len(ms) == len(one.milestones)
    assert next(m for m in one.milestones if m.text == move).due_date == date(2023, 8, 31)


def test_a_clause_is_found_by_its_label():
    labelled = parse_document(SEED.read_text(encoding="utf-8"))
    labelled.tasks[0].label = "一.1"
    fixed = apply_corrections(labelled, {"clauses": {"一.1": {"lead_units": ["区水利局"]}}})
    assert fixed.tasks[0].lead_units == ["区水利局"]
    with pytest.raises(ParseError, match="找不到条款"):
        apply_corrections(labelled, {"clauses": {"1": {"lead_units": ["区水利局"]}}})


@pytest.mark.parametrize(
    ("corrections", "message"),
    [
        ({"clauses": {"99": {"lead_units": ["区发改局"]}}}, "找不到条款“99”"),
        ({"clauses": {"1": {"lead_units": []}}}, "第1条的牵头单位不能为空"),
        ({"clauses": {"1": {"lead_units": ["  "]}}}, "第1条的牵头单位不能为空"),
        ({"clauses": {"1": {"milestone_dates": {"确保抽蓄项目10月底前开工": "2023-02-30"}}}}, "不是有效日期"),
        ({"clauses": {"1": {"milestone_dates": {"确保抽蓄项目10月底前开工": "明年"}}}}, "不是有效日期"),
        ({"clauses": {"1": {"milestone_dates": {"不存在的里程碑": "2023-05-01"}}}}, "第1条没有里程碑“不存在的里程碑”"),
        ({"clauses": {"1": {"drop_milestones": ["不存在的里程碑"]}}}, "没有里程碑"),
        ({"clauses": {"1": {"add_milestones": [{"text": "验收", "due_date": ""}]}}}, "须填写完成时限"),
        ({"clauses": {"1": {"add_milestones": [{"text": "", "due_date": "2023-05-01"}]}}}, "须填写内容"),
        (
            {"clauses": {"1": {"add_milestones": [{"text": "确保抽蓄项目10月底前开工", "due_date": "2023-05-01"}]}}},
            "与已有里程碑表述相同",
        ),
        ({"clauses": {"1": {"leads": ["区发改局"]}}}, "第1条的修改格式不正确"),
        ({"tasks": {}}, "无法识别的修改项"),
        ({"unit_mapping": {"区发展改革局": 3}}, "单位对应关系格式不正确"),
        ([1, 2], "修改内容格式不正确"),
    ],
)
def test_a_correction_that_does_not_fit_is_refused_in_chinese(seed, corrections, message):
    with pytest.raises(ParseError, match=message):
        apply_corrections(seed, corrections)


def test_a_recurring_milestone_keeps_its_rhythm(seed):
    doc = parse_document(SEED.read_text(encoding="utf-8"))
    m = task(doc, 1).milestones[0]
    m.recurrence, m.occurrences = "monthly", [date(2023, n, 10) for n in range(1, 13)]
    with pytest.raises(ParseError, match="周期性要求"):
        apply_corrections(doc, {"clauses": {"1": {"milestone_dates": {m.text: "2023-06-30"}}}})
    fixed = apply_corrections(doc, {"clauses": {"1": {"drop_milestones": [m.text]}}})
    assert m.text not in [x.text for x in task(fixed, 1).milestones]


def test_the_mapping_is_recorded_not_applied(seed):
    fixed = apply_corrections(seed, {"unit_mapping": {"区发改局": "区发展和改革局"}})
    assert fixed is seed


def test_the_corrections_are_json_and_describe_themselves(seed):
    corrections = {
        "clauses": {"1": {"lead_units": ["区水利局"], "drop_milestones": ["x"], "add_milestones": []}},
        "unit_mapping": {"区发展改革局": "区发改局"},
    }
    assert json.loads(json.dumps(corrections)) == corrections
    lines = describe_corrections(corrections, seed)
    assert lines == ["第1条:牵头单位改为区水利局,删除里程碑 1 个", "单位对应:区发展改革局 → 区发改局"]


def test_the_form_gives_the_smallest_correction(seed):
    one = task(seed, 1)
    co = [n for n in one.co_units if n not in one.lead_units]
    dates = {m.text: m.due_date.isoformat() for m in one.milestones}
    assert clause_correction(one, lead_units=one.lead_units, co_units=co, dates=dates) == {}
    dates[one.milestones[1].text] = "2023-07-01"
    dates[one.milestones[2].text] = ""  # an empty input keeps the parsed date
    change = clause_correction(
        one,
        lead_units=co[:1],
        co_units=one.lead_units,
        dates=dates,
        dropped=[one.milestones[0].text],
        added=[{"text": " 年底前完成验收 ", "due_date": "2023-12-20"}],
    )
    assert change == {
        "lead_units": co[:1],
        "co_units": one.lead_units,
        "drop_milestones": [one.milestones[0].text],
        "milestone_dates": {one.milestones[1].text: "2023-07-01"},
        "add_milestones": [{"text": "年底前完成验收", "due_date": "2023-12-20"}],
    }
    fixed = apply_corrections(seed, {"clauses": {"1": change}})
    assert task(fixed, 1).lead_units == co[:1]


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("区发改局、区财政局", ["区发改局", "区财政局"]),
        ("区发改局,区财政局", ["区发改局", "区财政局"]),
        ("区发改局，区财政局；区水利局", ["区发改局", "区财政局", "区水利局"]),
        ("各县、市、区人民政府、区发改局", ["各县、市、区人民政府", "区发改局"]),
        ("各县、市、区人民政府，区发改局", ["各县、市、区人民政府", "区发改局"]),
        ("  ", []),
        ("区发改局、、区财政局", ["区发改局", "区财政局"]),
    ],
)
def test_unit_inputs_split_into_names(written, names):
    assert split_unit_names(written, known=["各县、市、区人民政府"]) == names


def test_a_prefilled_input_reads_back_as_the_same_names():
    for names in (["区发改局", "区财政局"], ["各县、市、区人民政府", "区发改局"], []):
        assert split_unit_names(join_unit_names(names), known=names) == names


def test_a_labelled_clause_is_named_as_the_pages_name_it(seed):
    labelled = parse_document(SEED.read_text(encoding="utf-8"))
    labelled.tasks[0].label = "一.1"
    with pytest.raises(ParseError, match=re.escape("第一.1条的牵头单位不能为空")):
        apply_corrections(labelled, {"clauses": {"一.1": {"lead_units": []}}})
