"""Round 133's conventions: a responsibility list naming its body once, in a heading (`X意识形态工作主体工作职责`,
`X主体责任清单`), its head's section by post, a row naming the level's own body, and the half-yearly duty."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.scoring import _PERIODS

TITLE = "意识形态工作责任清单\n根据上级党委的部署和要求,结合工作实际,制定如下责任清单。\n"
BODY = (
    "一、文化馆党支部意识形态工作主体工作职责\n"
    "1.牢牢掌握意识形态工作的领导权、管理权、话语权。\n"
    "2.把意识形态工作纳入党建工作责任制,每年至少两次专题研究意识形态工作。\n"
)


def _tasks(text: str) -> list:
    return list(parse_bytes(text.encode(), filename="doc.txt", year=2022, assume_year=2026).tasks)


def test_body_heading_with_topic_and_kind_leads_each_duty() -> None:
    tasks = _tasks(TITLE + BODY)
    assert [t.lead_units for t in tasks] == [["文化馆党支部"], ["文化馆党支部"]]
    assert [t.leaders for t in tasks] == [[], []]


def test_post_section_names_a_leader_and_the_body_leads() -> None:
    tasks = _tasks(
        TITLE + BODY + "二、支部书记意识形态工作职责\n1.支部书记是意识形态工作第一责任人,带头抓好意识形态工作。\n"
        "2.领导班子成员要落实一岗双责。\n"
    )
    assert [t.lead_units for t in tasks[2:]] == [["文化馆党支部"], ["文化馆党支部"]]
    assert [t.leaders for t in tasks[2:]] == [["支部书记"], ["支部书记"]]


def test_post_section_without_its_body_reads_no_unit() -> None:
    # Near cases: no sibling names a body (a topic heading: nothing read), or one whose head the post is not (a
    # 镇党委's list beside a 支部书记: the post alone, the duties kept with no unit, for the review page to mark).
    after = "二、支部书记意识形态工作职责\n1.带头抓好意识形态工作。\n2.带头研究意识形态工作。\n"
    items = "1.及时传达学习上级精神。\n2.抓好宣传教育。\n"
    tasks = _tasks(TITLE + "一、意识形态工作主要任务\n" + items + after)
    assert [(t.lead_units, t.leaders) for t in tasks[2:]] == [([], []), ([], [])]
    tasks = _tasks(TITLE + "一、镇党委意识形态工作主体责任清单\n" + items + after)
    assert [t.lead_units for t in tasks] == [["镇党委"], ["镇党委"], [], []]
    assert [t.leaders for t in tasks[2:]] == [["支部书记"], ["支部书记"]]


def test_members_section_beside_the_body_list() -> None:
    tasks = _tasks(TITLE + BODY + "二、领导班子成员意识形态工作职责\n1.落实一岗双责。\n2.抓好分管领域意识形态工作。\n")
    assert [(t.lead_units, t.leaders) for t in tasks[2:]] == [(["文化馆党支部"], ["领导班子成员"])] * 2


def test_sub_heading_list_of_a_body_named_by_its_kind() -> None:
    tasks = _tasks(
        "意识形态风险排查清单\n一、主要内容\n(一)党委(党支部)主体责任清单\n"
        "党委(党支部)对本地本单位意识形态工作负主体责任,对意识形态工作负总责。\n"
        "1.及时传达学习党中央和上级党委关于意识形态工作的决策部署。\n"
        "2.每年至少两次专题研究意识形态工作,每半年对本地本单位意识形态领域情况进行一次通报,"
        "每半年向上级党组织专题汇报一次意识形态工作。\n"
        "3.加强对下级党组织意识形态工作的领导。纳入党委督查范围,镇党委每年对全镇各支部意识形态工作至少进行一次专题督查。\n"
    )
    assert len(tasks) == 3  # the charge line under the heading is no clause
    assert [t.lead_units for t in tasks[:2]] == [["党委"], ["党委"]]  # `党委(党支部)`, compared without its bracket
    assert tasks[2].lead_units == ["镇党委"]  # the row names the level's own body
    periods = [m.recurrence for m in tasks[1].milestones if m.recurrence]
    assert periods == ["yearly", "half_yearly", "half_yearly"]


def test_goal_and_topic_headings_name_no_body() -> None:
    # Near cases: a heading that sets a duty (`压实…`) or names only a topic names no body.
    for heading in ("一、压实党委意识形态工作主体责任\n", "一、意识形态工作主体责任清单\n"):
        tasks = _tasks(TITLE + heading + "1.及时传达学习上级精神。\n2.抓好宣传教育。\n")
        assert [t.lead_units for t in tasks] == [[], []]


def test_row_of_a_named_body_keeps_the_list_body() -> None:
    # Near case: the list's body is named with its office; a row's `镇党委…` is no instance of it.
    tasks = _tasks(TITLE + BODY + "3.纳入督查范围,镇党委每年对全镇各支部意识形态工作至少进行一次专题督查。\n")
    assert tasks[2].lead_units == ["文化馆党支部"]


def test_gold_half_year_is_the_parsers_half_yearly() -> None:
    assert _PERIODS["half_year"] == "half_yearly"


def test_heading_run_into_its_charge_line() -> None:
    # A copy that joined the sub-heading to the line charging its body, which names the body again.
    tasks = _tasks(
        "意识形态风险排查清单\n一、主要内容\n(一)党委(党支部)主体责任清单党委(党支部)对本地本单位意识形态工作负主体责任。\n"
        "1.及时传达学习上级精神。\n2.抓好宣传教育。\n"
    )
    assert [t.lead_units for t in tasks] == [["党委"], ["党委"]]


def test_post_heading_run_into_its_one_item() -> None:
    # A copy with no line breaks: the post's section glued to its only item (no `2.` to split it by) is the clause.
    tasks = _tasks(TITLE + BODY + "二、支部书记意识形态工作职责1.支部书记是意识形态工作第一责任人。\n")
    assert (tasks[-1].lead_units, tasks[-1].leaders) == (["文化馆党支部"], ["支部书记"])
    assert "支部书记是意识形态工作第一责任人" in tasks[-1].text


def test_bare_duties_heading_stays_duty_headings_reading() -> None:
    # Near case: `工作领导小组职责` (no topic, no kind) is `duty_headings`' heading, a group named by its kind: no body.
    tasks = _tasks(TITLE + "一、工作领导小组职责\n1.及时传达学习上级精神。\n2.抓好宣传教育。\n")
    assert [t.lead_units for t in tasks] == [[], []]
