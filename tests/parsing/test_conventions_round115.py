"""Conventions met in blind round 115 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (广州's 2012 民生幸福 and 民主法治
实施意见). At the round's first look the parser dated a span's yearly averages at the span's end, dated `2014年前`,
read no figure a horizon year opened before a `;`, skipped the year's own step `2012年,将…提高到…以下` and read no
yearly duty in `政府每年安排…`.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_document


def _milestones(item: str, year: int = 2012) -> list[tuple[date | None, str | None, str]]:
    doc = parse_document(f"某市关于推进民生工程的实施意见\n一、重点任务\n1.{item}（牵头单位：市民政局）\n", year=year)
    return [(m.due_date, m.recurrence, m.text) for m in doc.tasks[0].milestones]


def test_a_horizon_year_dates_each_figure_of_its_sentence_across_semicolons():
    got = _milestones(
        "推进养老服务。到2015年，全市养老床位数达到5.6万张，每千名老人拥有床位40张；应急救援队伍达到15支。"
    )
    assert got == [
        (date(2015, 12, 31), None, "全市养老床位数达到5.6万张"),
        (date(2015, 12, 31), None, "每千名老人拥有床位40张"),
        (date(2015, 12, 31), None, "应急救援队伍达到15支"),
    ]


def test_a_horizon_does_not_reach_past_the_full_stop_nor_past_a_time_of_its_own():
    # After the 。 a figure is the plan's default year's; a `;` part naming its own year keeps that year.
    got = _milestones("建设社区。到2015年，建成社区服务站20个；2013年底前，建成示范点5个。新增岗位100个。")
    assert [(d, t) for d, _, t in got] == [
        (date(2015, 12, 31), "建成社区服务站20个"),
        (date(2013, 12, 31), "建成示范点5个"),
        (date(2012, 12, 31), "新增岗位100个"),
    ]


def test_a_horizon_cap_and_cut_are_figures():
    got = _milestones("节约能源。到2020年，用水总量控制在11.88亿立方米以内，单位产值能耗比2015年下降15%。", year=2018)
    assert [(d, t) for d, _, t in got] == [
        (date(2020, 12, 31), "用水总量控制在11.88亿立方米以内"),
        (date(2020, 12, 31), "单位产值能耗比2015年下降15%"),
    ]


def test_a_spans_yearly_figures_have_no_deadline_but_its_total_does():
    got = _milestones(
        "发展慈善。2012~2015年，共募集社会捐赠5亿元以上。2012～2015年，年均销售福利彩票30亿元以上，"
        "市本级年筹集公益金3亿元以上。2012－2015年，城镇登记失业率控制在3.5%以内。"
    )
    assert [(d, t) for d, _, t in got] == [(date(2015, 12, 31), "共募集社会捐赠5亿元以上")]


def test_a_yearly_average_without_a_span_stays_the_years_target():
    # Near case: no span of years, so the figure is the plan year's, as any undated quantity.
    assert [d for d, _, _ in _milestones("扩大就业。年均新增就业2万人以上。")] == [date(2012, 12, 31)]


def test_a_year_before_is_left_to_the_reviewer():
    doc = parse_document(
        "某市关于推进民生工程的实施意见\n一、重点任务\n1.建设信息系统。2014年前建成全市社保信息系统。（牵头单位：市人社局）\n",
        year=2012,
    )
    assert [(m.due_date, m.time_expression) for m in doc.tasks[0].milestones] == [(None, "2014年前")]
    assert any("2014年前" in w.message for w in doc.warnings)


def test_a_count_after_a_year_is_no_year_before():
    # `2010年前三季度` counts the year's first quarters: no `X年前`.
    got = _milestones("稳定增长。力争2013年前三季度新增企业20家。", year=2013)
    assert all(d is not None for d, _, _ in got)


def test_a_month_before_is_its_end():
    assert _milestones("创建社区。2013年3月前，完成全市26个社区试点工作。") == [
        (date(2013, 3, 31), None, "完成全市26个社区试点工作")
    ]


def test_a_years_own_step_raising_a_line_is_due_at_its_end():
    got = _milestones("扩大住房保障。2012年，将廉租住房保障收入线标准由9600元以下提高到15600元以下。")
    assert [d for d, _, _ in got] == [date(2012, 12, 31)]


def test_a_benefit_cap_stays_no_milestone():
    # Near case: `以下` closing a benefit's amount, no line raised.
    assert _milestones("落实补助。对困难家庭给予补助，年收入在9600元以下的全额补助。") == []


def test_every_year_after_its_subject_before_its_verb_is_a_yearly_duty():
    for item in (
        "改善居住。市、区政府每年安排一定数量公共租赁住房。",
        "加强监督。坚持市委每年确定一至两项重要工作交由市政协开展专题视察。",
        "健全机制。“一府两院”在每年年底提出下一年度重大事项建议议题。",
        "完善协商。各级党委每年根据年度工作重点，研究确定政治协商的年度计划。",
        "优待老人。每年为65周岁以上老年人提供1次免费体检。",
    ):
        assert [r for _, r, _ in _milestones(item)] == ["yearly"], item


def test_every_year_before_anything_else_is_no_duty():
    # Near cases: a date each year names (`每年的6月5日`), a growth rate (`每年增长10%`: a figure, as before).
    assert _milestones("宣传环保。每年的6月5日是世界环境日。") == []
    assert all(r != "yearly" or "增长" in t for _, r, t in _milestones("稳定投入。财政投入每年增长10%。"))


def test_a_horizons_figures_need_no_verb_and_their_bounds_are_targets():
    got = _milestones(
        "深化教育改革。到2015年，小学适龄儿童入学率100%，初中生年辍学率1%以下；每千人病床数达到5张；"
        "基层医疗机构诊疗人次占比不低于50%；户籍居民平均期望寿命超过80岁。"
    )
    assert [t for _, _, t in got] == [
        "小学适龄儿童入学率100%",
        "初中生年辍学率1%以下",
        "每千人病床数达到5张",
        "基层医疗机构诊疗人次占比不低于50%",
        "户籍居民平均期望寿命超过80岁",
    ]
    assert {d for d, _, _ in got} == {date(2015, 12, 31)}


def test_without_a_horizon_a_bare_figure_and_a_cap_stay_none():
    # Near cases: no horizon year, so a figure with no verb and a benefit's cap are read as before; an age
    # bound (`60岁以上`) is no figure.
    assert _milestones("提高保障水平。小学适龄儿童入学率100%，补助标准不超过500元。") == []
    assert _milestones("优待老人。为全市60岁以上老年人开展免费体检。") == []
