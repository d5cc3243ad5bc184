"""Dates a clause states that commit no work (session 24): the period a benefit applies, a plan
named by its year or five-year period, and the period a progress report counts.

Written from the conventions (tests/parsing/corpus/README.md), not copied from the documents that
showed them.
"""

from __future__ import annotations

from datetime import date

from tests.parsing.milestone_text import milestones_in


def _stated(text: str, year: int = 2023):
    """The milestones whose date the text states (not the document's default)."""
    found, _ = milestones_in(text, year)
    return [(m.due_date, m.time_expression) for m in found if m.time_expression is not None]


# 1. The period a benefit applies ends the benefit, not a task.


def test_a_benefit_period_dates_nothing():
    assert _stated("实施阶段性降低失业保险费率政策,实施期限至2023年12月31日。", 2023) == []
    assert _stated("原阶段性下调工伤保险费率政策实施至2023年4月30日。") == []
    assert _stated("将阶段性缓缴政策实施期限延长至2024年6月30日(即所属期为2023年度)。") == []
    assert _stated("对个体工商户年应纳税所得额不超过100万元的部分减半征收,政策延续执行至2027年底。") == []


def test_a_deadline_beside_a_benefit_period_still_dates_its_work():
    text = "实施期限至2023年12月31日。各区于6月底前完成企业名单核定。"
    assert _stated(text) == [(date(2023, 6, 30), "6月底前")]


# 2. A plan named by its year or its five-year period: the name dates nothing.


def test_a_five_year_plan_named_by_its_period_dates_nothing():
    assert _stated("有序推动都市圈扩容提质,编制都市圈“十四五”规划,支持对标对接。") == []
    assert _stated("扎实实施“十四五”规划,突出创新驱动。") == []
    assert _stated("聚焦国家“十四五”规划102项重大工程,梳理筛选项目。") == []
    assert _stated("全面完成“十四五”病险水库除险加固任务。") == []


def test_a_five_year_periods_end_or_span_still_dates_the_work():
    assert _stated("实现“十四五”规划圆满收官。", 2025) == [(date(2025, 12, 31), "“十四五”")]
    assert _stated("“十四五”期间完成改造老旧小区120个。") == [(date(2025, 12, 31), "“十四五”期间")]


def test_a_year_naming_a_plan_drafted_and_carried_out_dates_nothing():
    assert _stated("制定并落实局党委理论学习中心组2024年度学习计划。", 2024) == []
    assert _stated("出台《制造业数字化转型三年行动计划(2022-2024)》和2022年“智改数转”工作推进方案。", 2022) == []


# 3. A progress report's period (months from January, `截至` a day): what was done, not a commitment.


def test_a_tally_of_the_months_gone_dates_nothing_and_reports_its_sentence():
    text = "实现增加值增长7%。1-6月,全区完成产值1175亿元,同比增长1.2%。"
    found, _ = milestones_in(text, 2022)
    assert [m.text for m in found] == ["实现增加值增长7%"]
    assert _stated("1-9月份全市参与课后服务的学生32402人,拨付资金700万元。", 2022) == []


def test_a_schedule_labelled_by_months_from_january_still_dates_its_step():
    found, _ = milestones_in("1-3月:完成摸底调查;4-6月:完成改造方案。", 2022)
    assert [(m.due_date, m.time_expression) for m in found][:1] == [(date(2022, 3, 31), "1-3月")]
    assert _stated("6月底前完成年度任务的50%。", 2022) == [(date(2022, 6, 30), "6月底前")]


def test_the_day_a_report_counts_at_dates_nothing():
    text = "减少农村扶贫对象6.76万人。此项工作已完成。截至2019年12月底,全市完成减少农村扶贫对象7.497万人,其中:甲区完成6962人、乙区完成3619人。"
    found, _ = milestones_in(text, 2019)
    assert [(m.text, m.time_expression) for m in found] == [("减少农村扶贫对象6.76万人", None)]


def test_as_of_a_day_with_a_word_of_intent_is_a_target():
    assert _stated("截至2025年底,力争建成5G基站1万个。", 2024) == [(date(2025, 12, 31), "2025年底")]
