"""Round 132's conventions: a 民生实事 register page for one unnumbered item (label blocks with the value on the next
line, a quarter schedule whose numbered steps are each a milestone, a 落实情况 report not read), an unnumbered notice
asking its salutation's groups (`请各区…`) with a duty starting `从3月起`, and a portal's comment box note."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.comment_boxes import comment_box_line
from policy_tasks.parsing.entry_steps import entry_steps
from policy_tasks.parsing.register_pages import register_page
from policy_tasks.parsing.result import ParseError

REGISTER = (
    "某区2020年民生实事:幼有善育(3项)\n\n"
    "进一步完善托育服务体系,为幼儿家庭提供服务\n\n"
    "牵头单位:\n\n某区卫生健康局\n\n协办单位:\n\n各有关单位\n\n"
    "进度安排\n\n"
    "第一季度:落实托育机构备案制度。\n\n"
    "第二季度:组建区级科学育儿指导队伍。\n\n"
    "第三季度:1.某区妇幼保健院:土石方工程完成20%。2.开展义诊活动5场。\n\n"
    "第四季度:1.某区妇幼保健院:桩基工程完成100%。2.开展义诊活动5场。\n\n"
    "落实情况\n\n"
    "第三季度:1.《某区托育实施方案》已于9月21日正式印发。2.稳步推动示范点建设,预计11月底完成装修。\n"
)
NOTICE = (
    "某市民政局关于下达2025年民心工程项目任务指标的通知\n"
    "各区民政局,市养老服务发展中心:\n"
    "纳入本市2025年民心工程的项目有:新建30家社区长者食堂、新建200个家门口养老服务站。\n"
    "请各区按照保质保量完成年度任务的要求,统筹部署,抓紧推进。请各区于2月20日前正式上报各项指标落实点位具体信息,"
    "并从3月起每月20日前上报截至当月的项目推进情况。\n"
    "某市民政局\n2025年1月24日\n"
)


def _tasks(text: str, year: int = 2020) -> list:
    return list(parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026).tasks)


def test_register_page_is_one_item_with_its_labels() -> None:
    tasks = _tasks(REGISTER)
    assert len(tasks) == 1
    assert tasks[0].title.startswith("进一步完善托育服务体系")
    assert tasks[0].lead_units == ["某区卫生健康局"] and tasks[0].co_units == ["各有关单位"]


def test_register_quarters_and_their_steps_are_milestones() -> None:
    dates = sorted(m.due_date.isoformat() for m in _tasks(REGISTER)[0].milestones if m.time_expression)
    assert dates == ["2020-03-31", "2020-06-30", "2020-09-30", "2020-09-30", "2020-12-31", "2020-12-31"]


def test_register_report_is_not_read() -> None:
    task = _tasks(REGISTER)[0]
    assert "已于9月21日" not in task.text
    assert all(m.due_date.isoformat() not in ("2020-09-21", "2020-11-30") for m in task.milestones if m.due_date)


def test_bulleted_labels_name_both_leads() -> None:
    text = REGISTER.replace(
        "牵头单位:\n\n某区卫生健康局\n\n协办单位:\n\n各有关单位\n\n",
        "  • 牵头单位:\n  • 某区卫生健康局、某区建筑工务署\n  • 协办单位:\n\n",
    )
    task = _tasks(text)[0]
    assert task.lead_units == ["某区卫生健康局", "某区建筑工务署"] and task.co_units == []
    assert "某区妇幼保健院" not in task.lead_units + task.co_units


def _lines(text: str) -> list[tuple[str, bool]]:
    return [(line, True) for line in text.split("\n")]


def test_register_rewrite() -> None:
    out = register_page(_lines(REGISTER))
    assert out[2][0].startswith("1、进一步完善")
    assert out[4][0] == "牵头单位:某区卫生健康局" and not out[6][0]
    assert not any("已于9月21日" in text for text, _ in out)


def test_pages_that_are_no_register_are_left() -> None:
    # Near cases: a page numbering its items, a page with no schedule label, one quarter line only, no lead label.
    for text in (
        REGISTER.replace("进一步完善托育服务体系", "1.进一步完善托育服务体系"),
        REGISTER.replace("进度安排\n\n", ""),
        REGISTER.replace("第二季度:组建区级科学育儿指导队伍。\n\n第三季度", "第三项").replace("第四季度", "第四项"),
        REGISTER.replace("牵头单位:", "联系电话:"),
    ):
        assert register_page(_lines(text)) == _lines(text)


def test_entry_steps() -> None:
    norm = "第一季度:1.某院:工程完成20%。2.推动设计。3.开展义诊5场。"
    two, three = norm.index("2."), norm.index("3.")
    assert entry_steps(norm, 5, len(norm)) == [(5, two - 1), (two, three - 1), (three, len(norm) - 1)]
    assert entry_steps("第一季度:(1)推动设计。(2)开展义诊。", 5, 21) == [(5, 12), (13, 20)]
    # Near cases: no `1.` opening the entry, a lone step, a decimal figure.
    assert entry_steps("第一季度:完成20%。2.推动设计。", 5, 17) is None
    assert entry_steps("第一季度:1.推动设计。", 5, 12) is None
    assert entry_steps("第一季度:1.5亿元投资完成。2.推动。", 5, 20) is None


def test_notice_asking_salutation_groups_is_one_clause() -> None:
    tasks = _tasks(NOTICE, 2025)
    assert len(tasks) == 1 and tasks[0].lead_units == ["各区"]
    assert tasks[0].title.startswith("请各区按照")
    dated = [m for m in tasks[0].milestones if not m.recurrence]
    assert [m.due_date.isoformat() for m in dated] == ["2025-02-20"]
    monthly = [m for m in tasks[0].milestones if m.recurrence]
    assert len(monthly) == 1 and monthly[0].recurrence == "monthly"


def test_notice_without_group_charge_is_refused() -> None:
    # Near case: the programme's paragraph charges no one; with nothing else the notice has no clause.
    text = NOTICE.replace("请各区按照保质保量完成年度任务的要求,统筹部署,抓紧推进。请各区于", "已于").replace(
        "并从3月起", "从3月起"
    )
    try:
        tasks = _tasks(text, 2025)
    except ParseError:
        return
    assert all(t.lead_units != ["各区"] for t in tasks)


def test_month_a_duty_starts_from_dates_nothing() -> None:
    tasks = _tasks(NOTICE, 2025)
    assert all(m.due_date.isoformat() != "2025-03-31" for m in tasks[0].milestones if m.due_date)


def test_comment_box_is_page_furniture() -> None:
    assert comment_box_line("政策性文件留言咨询")
    assert comment_box_line("(注:1.只接收对该政策性文件的相关咨询;2.留言时请注明政策性文件名称)")
    # Near cases: a document's own note, a sentence mentioning a comment channel.
    assert not comment_box_line("(注:1.本表数据截至6月底;2.单位为万元)")
    assert not comment_box_line("开通网上留言咨询渠道,及时回应群众关切。")


def test_comment_box_note_is_no_clause() -> None:
    tasks = _tasks(
        NOTICE + "政策性文件留言咨询\n(注:1.只接收对该政策性文件的相关咨询;2.留言时请注明政策性文件名称)\n", 2025
    )
    assert [t.title[:5] for t in tasks] == ["请各区按照"]


def test_register_title_holds_its_colon() -> None:
    parsed = parse_bytes(REGISTER.encode(), filename="doc.txt", year=2020, assume_year=2026)
    assert parsed.title == "某区2020年民生实事:幼有善育(3项)"


def test_monthly_duty_starts_from_its_month() -> None:
    monthly = next(m for m in _tasks(NOTICE, 2025)[0].milestones if m.recurrence)
    assert monthly.due_date.isoformat() == "2025-03-20"
    assert [d.month for d in monthly.occurrences] == list(range(3, 13))


def test_monthly_duty_with_no_start_keeps_every_month() -> None:
    # Near case: no `从X月起` in the duty's sentence, and one in another sentence, start nothing.
    text = NOTICE.replace("并从3月起每月20日前", "并每月20日前").replace("统筹部署,", "从3月起统筹部署。")
    monthly = next(m for m in _tasks(text, 2025)[0].milestones if m.recurrence)
    assert len(monthly.occurrences) == 12


def test_register_page_copied_at_a_page_width() -> None:
    # A copy broken at the page's width: a quarter broken before its next step, the report's label run on to the last
    # quarter's sentence end.
    text = (
        REGISTER.replace("土石方工程完成20%。2.", "土石方工程完成20%。\n2.")
        .replace("5场。\n\n落实情况", "5场。落实情况")
        .replace("\n\n", "\n")
    )
    task = _tasks(text)[0]
    assert len(_tasks(text)) == 1 and "已于9月21日" not in task.text
    dates = sorted(m.due_date.isoformat() for m in task.milestones if m.time_expression)
    assert dates == ["2020-03-31", "2020-06-30", "2020-09-30", "2020-09-30", "2020-12-31", "2020-12-31"]
