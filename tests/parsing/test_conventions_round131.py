"""Round 131's convention: `全年` before a ratio or level measured over the year (`全年洁净煤使用比例完成…目标任务`)
names the period it is taken over, no deadline; `全年` before the work and its count stays the year-end target."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.year_shares import year_share_spans

PLAN = "某区大气污染防治2018年实施计划\n一、主要任务\n(一)治理燃煤烟气。\n1.控制煤炭消费总量和煤炭质量。"
UNITS = "\n责任单位:区发改局、区市场监管局,各街道。\n"


def _milestones(body: str) -> list[tuple[str, str]]:
    doc = parse_bytes((PLAN + body + UNITS).encode(), filename="doc.txt", year=2018)
    return [(m.text, str(m.due_date)) for t in doc.tasks for m in t.milestones]


def test_a_share_over_the_year_dates_nothing() -> None:
    for body in (
        "禁止耗煤新项目准入,全年洁净煤使用比例完成省、市下达的目标任务。",
        "全年空气质量优良天数比例完成市下达的目标。",
        "全年PM2.5平均浓度完成市下达的考核目标。",
        "2018年全年煤炭消费比重完成省下达的目标任务。",
    ):
        assert _milestones(body) == [], body


def test_a_share_with_a_figure_stays_a_target() -> None:
    # Near case: the figure the ratio must reach is the plan's target, due on the default as any undated figure.
    assert _milestones("全年洁净煤使用比例达到80%。") == [("全年洁净煤使用比例达到80%", "2018-12-31")]


def test_the_years_work_and_its_count_stays_due_at_year_end() -> None:
    # Near cases: `全年` before the work (a verb before any ratio) is the yearly quantity target, dated as before.
    assert _milestones("全年完成投资2000万元。") == [("全年完成投资2000万元", "2018-12-31")]
    assert _milestones("全年率先完成清洁排放区建设。") == [("全年率先完成清洁排放区建设", "2018-12-31")]
    assert _milestones("全年完成PM2.5浓度考核目标。") == [("全年完成PM2.5浓度考核目标", "2018-12-31")]
    assert _milestones("年底前洁净煤使用比例完成省、市下达的目标任务。") == [
        ("年底前洁净煤使用比例完成省、市下达的目标任务", "2018-12-31")
    ]


def test_spans_cover_the_year_only() -> None:
    norm = "全年洁净煤使用比例完成目标,全年完成造林1万亩,森林覆盖率达到60%"
    assert year_share_spans(norm) == [(0, 2)]
    assert year_share_spans("全年新增就业5000人") == []
