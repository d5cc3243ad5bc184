"""Round 128's conventions: a covering notice's later role subjects beside its salutation's groups, a role with its
other name in a bracket, a year glued to its month, paired heads by post, and a register's 开工 column."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.column_meanings import DUE, meaning, settle_start_column
from policy_tasks.parsing.role_groups import role_group
from policy_tasks.parsing.role_heads import paired_heads

TITLE = "某市人民政府关于印发2025年任务分解和责任分工方案的通知\n"
NOTICE = (
    TITLE + "各县(市)区人民政府,市政府各部门,市直各单位:\n《2025年任务分解和责任分工方案》已经审议通过,现印发给你们。\n"
)


def _tasks(text: str) -> list:
    return list(parse_bytes(text.encode(), filename="doc.txt", year=2025, assume_year=2026).tasks)


def test_later_roles_after_salutation_groups_help() -> None:
    tasks = _tasks(
        NOTICE
        + "一、各县(市)区、各部门、各单位主要负责同志要靠前指挥、亲力亲为。牵头单位要对分工任务负总责,发挥好统筹协调作用,"
        + "各相关单位要积极配合。要对照分工,细化工作措施。\n"
        + "二、各部门要做好衔接,各责任单位要每月研究工作落实情况。\n"
    )
    assert tasks[0].lead_units == ["各县(市)区"]
    assert tasks[0].co_units == ["各部门", "各单位", "牵头单位", "各相关单位"]
    assert tasks[1].lead_units == ["各部门"] and tasks[1].co_units == ["各责任单位"]


def test_roles_without_salutation_groups_keep_their_reading() -> None:
    # Near case: no group opens the item, the role that answers leads (round 62 / 99 as before).
    tasks = _tasks(NOTICE + "一、各相关单位要加强配合。牵头单位要加大协调力度。\n")
    assert tasks[0].lead_units == ["牵头单位"]


def test_role_with_bracketed_other_name() -> None:
    assert role_group("各责任事项牵头单位(责任单位)")
    assert role_group("其它责任单位")
    assert not role_group("各单位(部门)")


def test_year_glued_to_month_and_day() -> None:
    tasks = _tasks(NOTICE + "一、各责任单位要制定方案,并于20251月20日前报区政府督查室。\n")
    assert [m.due_date.isoformat() for m in tasks[0].milestones] == ["2025-01-20"]


def test_glued_figure_is_no_date() -> None:
    # Near case: a five-digit figure before a month is no year (`120251月` has a digit before the year).
    tasks = _tasks(NOTICE + "一、各责任单位要完成投资120251月20日前报送。\n")
    assert all(m.due_date is None or m.due_date.isoformat() != "2025-01-20" for m in tasks[0].milestones)


def test_paired_heads_are_leaders() -> None:
    roles = ["各责任单位"]
    assert paired_heads("坚持主要负责人亲自抓、分管领导具体抓,办公室综合协调", roles) == ["主要负责人", "分管领导"]
    assert paired_heads("建立健全主要领导亲自抓、分管领导直接抓的责任机制", roles) == ["主要领导", "分管领导"]
    # Near cases: one post alone (round 106), a post as an object, the heads of salutation groups (rounds 96/97).
    assert paired_heads("各乡镇要高度重视,主要领导要亲自抓", roles) == []
    assert paired_heads("报主要负责人审定后报送", roles) == []
    assert paired_heads("各地各部门各单位要实干,主要负责同志亲自抓、分管负责同志具体抓", ["各地"]) == []


def test_start_column_beside_end_column_dates_nothing() -> None:
    header = ["序号", "项目名称", "责任单位", "开工时间", "竣工时间"]
    kinds = [meaning(h) for h in header]
    settled = settle_start_column(kinds, header)
    assert settled[3] is None and settled[4] == DUE


def test_start_column_alone_keeps_its_dates() -> None:
    # Near case: a list of projects to start, with no end column: starting by then is the commitment.
    header = ["序号", "项目名称", "责任单位", "计划开工时间"]
    kinds = [meaning(h) for h in header]
    assert settle_start_column(kinds, header)[3] == DUE


def _dates(text: str) -> list[str]:
    return sorted(m.due_date.isoformat() for m in _tasks(NOTICE + "一、" + text + "\n")[0].milestones if m.due_date)


def test_three_days_or_more_before_one_qian_are_each_a_milestone() -> None:
    text = "各责任单位要将各季度及全年完成情况于4月8日、7月8日、10月8日及12月8日前报送区政府督查室。"
    assert _dates(text) == ["2025-04-08", "2025-07-08", "2025-10-08", "2025-12-08"]


def test_two_days_or_a_span_keep_their_reading() -> None:
    # Near cases: two days joined by 和 (a span's ends or a choice), and a span with 至.
    assert _dates("各责任单位要于6月8日和7月8日前报送区政府督查室。") == ["2025-06-08"]
    assert "2025-07-08" not in _dates("各责任单位要在7月8日至10月8日、11月8日前开展检查。")


def test_the_whole_years_plan_drafted_dates_nothing() -> None:
    assert _dates("各责任单位要认真制定全年办理工作方案,并于1月20日前报送区政府督查室。") == ["2025-01-20"]
    # Near case: the year's work itself (`全年完成…`) is due at the year's end.
    assert _dates("各责任单位要确保全年完成投资计划的90%。") == ["2025-12-31"]


def test_salutation_run_on_from_the_font_widget() -> None:
    from policy_tasks.parsing.addressee_groups import notice_groups

    line = "发布日期: 2025-06-19 来源:某州人民政府办公厅 浏览次数: 字体【自治州直属各县市人民政府,自治州人民政府各部门:"
    assert {"places", "departments"} <= notice_groups([(1, line)])
    # Near case: a bracket in a line that does not end with the salutation's colon names no group.
    assert notice_groups([(1, "字体【大 中 小】 来源:某州人民政府办公厅")]) == frozenset()
