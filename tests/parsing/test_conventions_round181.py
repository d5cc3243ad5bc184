"""Round 181's campaign plans on abandoned farmland and a grain plan's brackets (session 40, fstage): a stage opening its
line with its span and no numeral before it, a span whose dash was typed as `一`, a month a duty starts from, the places
that 落实 after units sharing the work by remit, and the next year naming a quota. Written from the conventions in
wordings the round's documents do not use, with near cases that must read otherwise."""

import pytest

from policy_tasks.parsing import ParseError, parse_bytes
from policy_tasks.parsing.deadlines import find_time_phrases


def _parse(text: str, year: int = 2021):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _dates(task) -> list[str]:
    return sorted(m.due_date.isoformat() for m in task.milestones if m.due_date)


def test_stages_opening_with_their_span_are_items() -> None:
    text = (
        "为做好秸秆禁烧工作,制定本方案。\n"
        "禁烧工作分两个阶段进行:\n"
        "第一阶段(2021年5月-2021年6月)。各镇要组织排查,建立台账,5月底前完成摸底。\n"
        "第二阶段(2021年7月-2021年9月)。各镇要开展巡查,县里将从2021年8月开始进行督查。\n"
    )
    tasks = _parse(text).tasks
    assert [(t.label, t.lead_units) for t in tasks] == [("第一阶段", ["各镇"]), ("第二阶段", ["各镇"])]
    assert _dates(tasks[0]) == ["2021-05-31", "2021-06-30"]
    assert _dates(tasks[1]) == ["2021-09-30"]  # the month the county's checks start dates nothing


def test_a_stage_named_in_a_sentence_or_without_span_is_no_item() -> None:
    text = "禁烧工作分两个阶段进行。\n第一阶段(准备工作)。各镇要组织排查。\n完成第二阶段(2021年7月-9月)任务。\n"
    with pytest.raises(ParseError):
        _parse(text)


def test_span_dash_typed_as_numeral_one() -> None:
    (phrase,) = find_time_phrases("第二阶段(2021年6月一2021年9月)。", 2021)
    assert phrase.due.isoformat() == "2021-09-30"
    dues = [p.due.isoformat() for p in find_time_phrases("6月底一季度总结,5月一次性完成", 2021) if p.due]
    assert dues == ["2021-06-30", "2021-03-31", "2021-05-31"]  # `一季度`, `一次` keep the numeral


def test_places_carrying_out_after_a_remit_list_help() -> None:
    text = (
        "(一)严守耕地红线。落实耕地保护责任。〔县自然资源局、县农业农村局按职责分工负责,各镇(街道)落实〕\n"
        "(二)稳定粮食面积。落实种粮补贴。〔县农业农村局、县财政局按职责分工负责,各乡镇具体落实〕\n"
        "(三)推进高标准农田建设。完成年度任务。〔县农业农村局,各乡镇落实〕\n"
    )
    tasks = _parse(text).tasks
    assert [(t.lead_units, t.co_units) for t in tasks[:2]] == [
        (["县自然资源局"], ["县农业农村局", "各镇(街道)"]),
        (["县农业农村局"], ["县财政局", "各乡镇"]),
    ]
    # No remit named and no 牵头: the part is left as it was read.
    assert "各乡镇" not in tasks[2].lead_units + tasks[2].co_units


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("以新增耕地量作为下年度建设用地规模上限。", False),
        ("考核结果与下一年度资金分配挂钩。", False),
        ("结余部分纳入次年预算。", False),
        ("下年度完成改造。", True),
        ("明年底前完成整治。", True),
        ("纳入明年工作要点。", True),
    ],
)
def test_next_year_naming_a_quota_dates_nothing(text: str, dated: bool) -> None:
    assert bool([p for p in find_time_phrases(text, 2021) if p.due]) is dated


@pytest.mark.parametrize(
    ("text", "dated"),
    [("市里将从2021年4月开始进行督查。", False), ("自5月开始开展巡查。", False), ("3月上旬开始施工。", True)],
)
def test_a_month_a_duty_starts_from(text: str, dated: bool) -> None:
    assert bool([p for p in find_time_phrases(text, 2021) if p.due]) is dated


def test_a_quarter_opening_the_sentence_dates_its_work() -> None:
    text = "(一)开展排查。各村要摸清抛荒情况。2021年第三季度,要全部完成复耕。\n(二)加强宣传。各村要张贴公告。\n"
    tasks = _parse(text).tasks
    assert _dates(tasks[0]) == ["2021-09-30"]


def test_stages_with_spans_run_on_after_a_counting_lead_in() -> None:
    text = (
        "为做好秸秆禁烧工作,制定本方案。禁烧工作分两个阶段进行:第一阶段(2021年5月-2021年6月)。各镇要组织排查。"
        "第二阶段(2021年7月-2021年9月)。各镇要开展巡查。\n"
    )
    tasks = _parse(text).tasks
    assert [(t.label, t.lead_units, _dates(t)) for t in tasks] == [
        ("第一阶段", ["各镇"], ["2021-06-30"]),
        ("第二阶段", ["各镇"], ["2021-09-30"]),
    ]
