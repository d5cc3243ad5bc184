"""Conventions met in blind round 77 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (环保专项行动 plans' 时间安排 sections):
a campaign plan's schedule whose stages each open with their name and span (`(二)集中整治阶段(5月下旬-8月)。`) over
sentences naming who does the stage's work. Each stage is a clause dated at its span's end (README, round 77). At
the round's first look every stage clause had no unit: its subjects (`各行署、市、县政府对…`, a campaign's 领导小组)
were read as no one, and a span within one month (`(9月)`) dated nothing.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int | None = 2016):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


_PLAN = "\n".join(
    [
        "某市2016年打击非法采砂专项行动实施方案",
        "四、时间安排",
        "(一)宣传发动阶段(4月)。各区、县政府对辖区内采砂点进行全面摸底,制定整治方案。",
        "(二)集中打击阶段(5月上旬-7月)。各区(县)打击非法采砂专项行动领导小组组织有关部门开展联合执法,"
        "依法取缔一批非法采砂点。各区(县)要于6月20日前将整治情况报市专项行动领导小组办公室。",
        "(三)督导检查阶段(8月1日至8月31日)。市打击非法采砂专项行动领导小组将组成督导组分赴各区、县进行督导。",
        "(四)总结验收阶段(9月1日至9月30日)。各区、县政府要认真总结,于9月30日前将总结报告报市专项行动领导小组办公室。"
        "市专项行动领导小组办公室将对各区、县工作进行考核。",
    ]
)


def test_a_stages_sentences_name_who_does_its_work():
    """A campaign stage's first sentence's subject leads, a group of levels' governments or the campaign's own
    body (领导小组) alike, whatever its verb (对, 组织, 将, 要); a later sentence's subject helps; an office that only
    receives the reports is no unit."""
    doc = _parse(_PLAN)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("(一)", ["各区、县政府"], []),
        ("(二)", ["各区(县)打击非法采砂专项行动领导小组"], ["各区(县)"]),
        ("(三)", ["市打击非法采砂专项行动领导小组"], []),
        ("(四)", ["各区、县政府"], ["市专项行动领导小组办公室"]),
    ]


def test_a_stage_is_due_at_its_spans_end_and_a_report_on_that_day_is_written_once():
    """A stage's span in brackets dates the stage at its end, a span within one month (`(4月)`, `(8月1日至8月31日)`)
    as a range does; a report due the same day as the span's end is the one milestone of that day."""
    doc = _parse(_PLAN)
    dates = [sorted(m.due_date.isoformat() for m in t.milestones if m.due_date) for t in doc.tasks]
    assert dates == [
        ["2016-04-30"],
        ["2016-06-20", "2016-07-31"],
        ["2016-08-31"],
        ["2016-09-30"],
    ]
    assert "于9月30日前" in doc.tasks[3].milestones[0].text


def test_a_vague_subject_under_a_stage_charges_no_one():
    """`各地` and `有关部门` name no one, under a stage as elsewhere."""
    text = "\n".join(
        [
            "三、工作步骤",
            "(一)排查阶段(6月)。各地对辖区内的隐患进行排查。",
            "(二)整改阶段(7月)。有关部门要督促企业整改到位。",
        ]
    )
    doc = _parse(text)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [([], []), ([], [])]


def test_dates_listed_after_fenbie_are_a_deadline_each():
    """`分别于A和B报送`, `分别在A、B前将…报…`: each date the list gives is a deadline of its own; a list of a
    month's days (`分别在每月10日、20日前`) stays one report."""
    text = "\n".join(
        [
            "(一)各镇要加强巡查,并分别于3月底和9月底报送巡查报告。",
            "(二)各镇要分别在2016年5月10日、11月10日前将排查情况和整改情况报县办公室。",
        ]
    )
    doc = _parse(text)
    dates = [sorted(m.due_date.isoformat() for m in t.milestones if m.due_date) for t in doc.tasks]
    assert dates == [["2016-03-31", "2016-09-30"], ["2016-05-10", "2016-11-10"]]
    assert len({m.text for m in doc.tasks[0].milestones}) == 2  # the importer keys a clause's milestones by text
