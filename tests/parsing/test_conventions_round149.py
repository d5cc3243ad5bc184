"""Round 149's conventions: a sub-heading written as a sentence of principle over paragraphs each closed by its own
bracket (`(一)推动…,必须…。` / `…。(A、B等负责)`), the quarters a report covers (`将第一、第二、第三季度…完成情况…报送`),
a role's heads as the object of `落实…负总责`, groups' heads named first answerable (`各地、各部门主要领导是…第一责任人,
要…`), a leaders' division post with a duty every few months (`市政府分管领导每两月…`), and a notice numbering nothing
over the breakdown it hands down, cut before any unit."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.addressee_groups import bare_groups
from policy_tasks.parsing.principle_headings import grouping_heading, principle_heading
from tests.parsing.milestone_text import milestones_in


def _parse(text: str, year: int | None = None):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


PRINCIPLE = (
    "某省人民政府办公厅关于落实《政府工作报告》重点工作部门分工的意见\n"
    "省政府各部门:\n"
    "现就重点工作提出部门分工意见如下:\n"
    "一、保持经济平稳运行\n"
    "(一)稳定经济增长,必须发挥消费、投资、出口的拉动作用。\n"
    "\n"
    "扩大居民消费,完善流通体系。(省商务厅、省发展改革委等负责)\n"
    "\n"
    "优化投资结构,引导资金投向民生领域。(省发展改革委、省财政厅等负责)\n"
    "\n"
    "(二)推进区域协调发展。\n"
    "\n"
    "建设沿海经济带。(省自然资源厅负责)\n"
    "\n"
    "支持革命老区振兴。(省发展改革委负责)\n"
)


def test_sentence_headings_group_bracketed_paragraphs() -> None:
    tasks = _parse(PRINCIPLE).tasks
    assert [t.text.split("。")[0] for t in tasks] == [
        "扩大居民消费,完善流通体系",
        "优化投资结构,引导资金投向民生领域",
        "建设沿海经济带",
        "支持革命老区振兴",
    ]
    assert [(t.lead_units, t.co_units) for t in tasks][:2] == [
        (["省商务厅"], ["省发展改革委"]),
        (["省发展改革委"], ["省财政厅"]),
    ]


def test_sentence_heading_wordings_and_near_cases() -> None:
    assert principle_heading("推动经济稳定健康发展,必须充分发挥消费、投资、出口均衡拉动作用。")
    assert principle_heading("必须进一步拓展区域发展空间。")
    assert grouping_heading("约束性指标")
    # Two sentences, a `;`, or units of its own: an item's text, no heading.
    assert not principle_heading("加强组织领导。各单位要明确责任。")
    assert not principle_heading("扩大消费;优化投资。")
    assert not principle_heading("扩大居民消费。(省商务厅负责)")
    assert not principle_heading(
        "扩大居民消费,完善现代流通体系,营造安全放心的消费环境,构建多点支撑的消费增长格局,促进增收。"
    )


def test_reported_quarters_date_nothing() -> None:
    text = (
        "各责任事项牵头单位要于2026年4月15日、7月15日、10月15日及2027年1月15日前,将第一、第二、第三季度及全年"
        "责任事项完成情况报送市政府督查室。"
    )
    found, _ = milestones_in(text, 2026)
    assert [m.due_date.isoformat() for m in found if m.due_date] == [
        "2026-04-15",
        "2026-07-15",
        "2026-10-15",
        "2027-01-15",
    ]
    found, _ = milestones_in("各单位于6月20日前将上半年工作进展情况报区政府办。", 2026)
    assert [m.due_date.isoformat() for m in found if m.due_date] == ["2026-06-20"]


def test_quarters_with_work_due_stay_dates() -> None:
    found, _ = milestones_in("第三季度完成项目主体建设。", 2026)
    assert [m.due_date.isoformat() for m in found if m.due_date] == ["2026-09-30"]
    found, _ = milestones_in("各单位于第三季度前报送完成情况。", 2026)
    assert [m.due_date.isoformat() for m in found if m.due_date] == ["2026-09-30"]


NOTICE = (
    "某市人民政府办公厅关于印发2026年市政府工作报告目标任务责任分解方案的通知\n"
    "各区人民政府,市人民政府各部门:\n"
    "现将方案印发给你们,请一并贯彻执行。\n"
    "一、加强组织领导。各责任单位要高度重视,{carried},明确专门业务部门抓落实。\n"
    "二、按时报告。各责任单位要于2026年6月30日前报送完成情况。\n"
)


def test_role_heads_carried_into_effect_are_leaders() -> None:
    for carried in ("认真落实单位主要负责人负总责的要求", "切实落实主要负责同志对责任事项负总责的要求"):
        tasks = _parse(NOTICE.format(carried=carried)).tasks
        assert tasks[0].lead_units == ["各责任单位"]
        assert tasks[0].leaders == [carried.split("落实")[1].split("对")[0].split("负总责")[0]]


def test_role_heads_near_cases() -> None:
    # A mechanism the role sets up names no head; and `分管领导具体抓` alone is no leader either.
    for carried in ("建立主要负责人负总责的工作机制", "坚持分管领导具体抓"):
        assert _parse(NOTICE.format(carried=carried)).tasks[0].leaders == []


YANCHENG_LIKE = (
    "某市人民政府办公室关于分解落实2026年市政府工作报告主要目标任务的通知\n"
    "各县(市、区)人民政府,市开发区管委会,市各委、办、局,市各直属单位:\n"
    "现将目标任务分解表印发给你们,请认真抓好贯彻落实。\n"
    "一、落实工作责任。{leaders}市政府办公室每季度对目标任务完成情况进行一次督查汇总。"
    "各地、各部门主要领导{first},要高度重视并扎实抓好工作任务落实。\n"
)


def test_groups_heads_named_first_answerable_name_the_groups() -> None:
    for first in ("是抓落实的第一责任人", "为第一责任人", "作为第一责任人"):
        task = _parse(YANCHENG_LIKE.format(leaders="", first=first)).tasks[0]
        assert (task.lead_units, task.co_units, task.leaders) == (["各地"], ["各部门"], [])
    assert bare_groups("各地、各部门") and bare_groups("各地各部门")
    assert not bare_groups("各乡镇人民政府") and not bare_groups("各责任单位")


def test_leaders_division_post_with_a_duty_every_few_months() -> None:
    for duty, every in (("每两月对分管条线的目标任务组织一次过堂检查。", 6), ("每三个月召开一次调度会。", 4)):
        task = _parse(YANCHENG_LIKE.format(leaders=f"市政府分管领导{duty}", first="是第一责任人")).tasks[0]
        assert task.leaders == ["市政府分管领导"]
        monthly = [m for m in task.milestones if m.recurrence == "monthly"]
        assert len(monthly) == 1 and len(monthly[0].occurrences) == every
    # A bare `分管领导` names no level's leaders; a rate and a relative span are no duty.
    task = _parse(YANCHENG_LIKE.format(leaders="分管领导每两月检查一次。", first="是第一责任人")).tasks[0]
    assert task.leaders == []
    for text in ("补贴标准为每两个月500元。", "两个月内完成整改。"):
        found, _ = milestones_in(text, 2026)
        assert not [m for m in found if m.recurrence == "monthly"]


CUT_NOTICE = (
    "各市、州、县人民政府,省政府各部门:\n"
    "2026年是关键之年。全省各地各部门{charge}认真贯彻决策部署,确保各项目标任务圆满完成。\n"
    "经省人民政府同意,现将《政府工作报告》确定的工作任务进行责任分解。各牵头单位要切实履行牵头责任,各责任单位要"
    "根据职责分工,认真抓好贯彻落实,于3月10日前将落实措施报省政府。省政府将对贯彻落实情况进行督查,对落实不力的严肃问责。\n"
    "《政府工作报告》重点工作责任分解\n"
    "一、2026年经济社会发展的主要任务\n"
    "(一)坚定不移保持经济平稳健康发展\n"
    "精准扩大有效投资。\n"
)


def test_unnumbered_notice_over_a_cut_breakdown() -> None:
    for charge in ("务必", "要"):
        tasks = _parse(CUT_NOTICE.format(charge=charge), year=2026).tasks
        assert [(t.lead_units, t.co_units) for t in tasks] == [
            (["全省各地"], ["各部门"]),
            (["各牵头单位"], ["各责任单位"]),
        ]
        assert [m.due_date.isoformat() for m in tasks[1].milestones if m.due_date] == ["2026-03-10"]


def test_breakdown_items_naming_units_are_read_as_numbered() -> None:
    # Near case: the list's items carry their units: they are the clauses, as before.
    text = CUT_NOTICE.format(charge="务必").replace("精准扩大有效投资。", "1.精准扩大有效投资。(省发展改革委牵头)")
    tasks = _parse(text, year=2026).tasks
    assert [t.lead_units for t in tasks] == [["省发展改革委"]]
