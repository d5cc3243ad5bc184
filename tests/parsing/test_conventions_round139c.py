"""Round 139's last conventions (fixer f139c): a numbered `职责分工` item's paragraphs, each opening with the department
it charges, are a clause each; a group a body sets up, `组长由<post>担任`, charges that body with the post as leader; a
stage heading run in after its lead-in's colon dates its items; a news report's `会上,…安排部署:` head run on after its
opening sentences still heads its points; a sharing site's hiding mark stands on a line of its own. Each is stated in
the plain layout and in a copy that lost its line breaks."""

from datetime import date

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.result import ParseError

PLAN = (
    "某镇社区戒毒工作方案\n\n二、工作措施\n\n全镇工作分三个阶段进行:\n\n(一)准备阶段(2月5日—2月28日)\n\n1、组织机构\n\n"
    "镇政府成立社区戒毒工作领导小组,组长由镇长担任,领导小组负责组织全镇社区戒毒工作。\n\n2、职责分工\n\n{body}\n"
)
DIVISION = (
    "镇政府是社区戒毒工作的责任主体。社区戒毒工作领导小组负责制定工作计划。监护小组由社区干部等组成。\n\n"
    "社区戒毒人员的戒毒医疗由县卫生局指定的医疗机构负责。\n\n"
    "镇民政办将符合条件的家庭纳入低保范围。\n\n"
    "镇司法所负责对刑满释放人员落实帮教工作。"
)


def _parse(text: str, year: int | None = 2014):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _one_line(text: str, joiner: str) -> str:
    return joiner.join(line.strip() for line in text.splitlines() if line.strip())


LAYOUTS = [pytest.param(lambda t: t, id="plain"), pytest.param(lambda t: _one_line(t, ""), id="one-line")]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_division_items_paragraphs_are_a_clause_each(layout) -> None:
    tasks = _parse(layout(PLAN.format(body=DIVISION))).tasks
    got = [(t.label, t.lead_units, t.co_units) for t in tasks[1:]]
    assert got == [
        ("2-1", ["镇政府"], ["社区戒毒工作领导小组"]),
        ("2-2", ["县卫生局指定的医疗机构"], []),
        ("2-3", ["镇民政办"], []),
        ("2-4", ["镇司法所"], []),
    ]
    assert all(m.due_date == date(2014, 2, 28) for t in tasks for m in t.milestones)
    assert all(t.milestones for t in tasks)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_group_set_up_by_a_body_charges_the_body_with_the_post_leading(layout) -> None:
    first = _parse(layout(PLAN.format(body=DIVISION))).tasks[0]
    assert (first.lead_units, first.co_units, first.leaders) == (["镇政府"], ["社区戒毒工作领导小组"], ["镇长"])


def test_a_group_set_up_with_a_person_at_its_head_names_no_leader() -> None:
    text = PLAN.format(body=DIVISION).replace("组长由镇长担任", "组长由张三担任")
    assert _parse(text).tasks[0].leaders == []


@pytest.mark.parametrize(
    "title",
    ["2、工作要求", "2、主要措施"],
)
def test_paragraphs_under_another_title_stay_one_item(title: str) -> None:
    tasks = _parse(PLAN.format(body=DIVISION).replace("2、职责分工", title)).tasks
    assert not any("-" in t.label for t in tasks)


def test_two_departments_make_no_division() -> None:
    body = "镇政府是社区戒毒工作的责任主体。\n\n镇司法所负责对刑满释放人员落实帮教工作。\n\n要加强宣传教育。"
    assert [t.label for t in _parse(PLAN.format(body=body)).tasks] == ["1", "2"]


def test_persons_open_no_paragraph_of_a_division() -> None:
    body = DIVISION.replace("镇民政办将", "社区戒毒人员要将")
    labels = [t.label for t in _parse(PLAN.format(body=body)).tasks]
    assert labels == ["1", "2-1", "2-2", "2-3"]  # the persons' sentence stays in the paragraph above


REPORT = (
    "某镇召开禁毒工作会\n\n发布时间:2016-06-29\n\n"
    "6月24日上午,某镇召开了禁毒工作会议。参加会议的有各村委会支书共24人。\n\n"
    "会上,镇党委副书记张某传达了县会议精神,并对下一步工作进行了安排部署:一是各村委会要加强护村队的管理。"
    "二是镇卫生院要做好戒毒人员的体检。\n"
)


@pytest.mark.parametrize("joiner", ["", " "])
def test_a_report_head_run_on_after_its_opening_still_heads_its_points(joiner: str) -> None:
    tasks = _parse(_one_line(REPORT, joiner), year=2016).tasks
    assert [(t.label, t.lead_units) for t in tasks] == [("一是", ["各村委会"]), ("二是", ["镇卫生院"])]


def test_a_report_head_inside_a_sentence_heads_nothing() -> None:
    text = _one_line(REPORT, "").replace("共24人。会上,", "共24人,会上,")
    with pytest.raises(ParseError):
        _parse(text, year=2016)


MARKED = (
    "某镇禁种铲毒专项行动工作方案\n\n一、指导思想\n\n以有关会议精神为指导。\n\n三、工作措施\n\n"
    "(1)加强宣传。各村要开展宣传教育。\n\n---此处隐藏931字,下载后查看---\n\n"
    "(3)摸底排查,严厉打击。各村要开展拉网式检查铲除行动。\n"
)


@pytest.mark.parametrize("joiner", ["\n\n", "", " "])
def test_a_hiding_mark_ends_the_line_before_it(joiner: str) -> None:
    # A copy that ran the mark and the item after it into the line above.
    tasks = _parse(
        MARKED.replace(
            "\n\n---此处隐藏931字,下载后查看---\n\n", joiner.join(["", "---此处隐藏931字,下载后查看---", ""])
        )
    ).tasks
    assert [(t.label, t.lead_units) for t in tasks] == [("(1)", ["各村"]), ("(3)", ["各村"])]
