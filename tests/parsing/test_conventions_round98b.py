"""Conventions met in blind round 98 (docs/parsing.md, round 98's collector), each stated in a document of its own.

(`test_conventions_round98.py` holds the leftovers of rounds 95–97, fixed before this round was collected.)
Written from the convention, not copied from the documents that showed it:
- a list of projects by the unit in charge (`由A负责的…;由B负责的…`) in paragraphs each opening with the group it
  counts (`教育类3项实事中,`): the group phrase is no part of the first project, and a project ends at its
  separator, so a photo caption and the next group's phrase after it are none of its text (near cases: a lead-in
  that counts nothing stays the lead-in; a meeting's orders still run up to the next one);
- a report that states its counted list all done before the items (`这5项实事全部办理完成`): the items' figures
  are work done, no targets (near cases: an intent or a time before the verb, another year, a new list announced
  after it);
- a page's publication line after the article (`索引号:… 时间:… 来源:…`) with the page's heading block above it is
  the page's record: no unit, no deadline, and its date is the page's date of publication (near cases: a clause's
  own `资金来源:` / `完成时间:`, a date field alone);
- the score pairs a gold clause by its reference only among the parsed clauses no gold clause's words found.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.charged_projects import charged_project_parts
from policy_tasks.parsing.done_lists import reports_list_done
from policy_tasks.parsing.publication_lines import publication_line
from policy_tasks.parsing.scoring import score_document


def _parse(text: str, year: int | None = None):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _targets(task) -> list[str]:
    return [m.text for m in task.milestones]


# -- A group phrase before a list by the unit in charge -----------------------------------------------------

_GROUPED = """清源县2025年民生实事推进情况
清源县聚焦群众关切,确定2025年民生实事8项,其中教育类3项、交通类2项。
教育类3项实事中,由清源县教育局负责的学校食堂改造项目计划投资300万元,改造食堂5处;由清源县卫生健康局负责的学生体检项目为1.2万名学生免费体检;由清源县人力资源和社会保障局负责的职业技能培训项目培训800人次。
图为改造中的学校食堂。
交通类2项实事中,由清源县交通运输局负责的农村公路提升项目改造道路12公里;由河口镇、石桥乡负责的危桥改造项目改造危桥3座;
"""


def test_group_phrase_is_no_part_of_the_first_project():
    doc = _parse(_GROUPED, year=2025)
    assert [t.lead_units for t in doc.tasks] == [
        ["清源县教育局"],
        ["清源县卫生健康局"],
        ["清源县人力资源和社会保障局"],
        ["清源县交通运输局"],
        ["河口镇"],
    ]
    assert doc.tasks[4].co_units == ["石桥乡"]
    assert doc.tasks[0].text.startswith("由清源县教育局负责的学校食堂改造项目")
    assert doc.tasks[3].text.startswith("由清源县交通运输局负责的")


def test_a_project_ends_at_its_separator():
    doc = _parse(_GROUPED, year=2025)
    third = doc.tasks[2]
    assert third.text.endswith("培训800人次。")
    assert "食堂" not in third.text and "交通类" not in third.text
    assert all("交通类" not in m.text for m in third.milestones)


def test_group_phrases_that_count():
    norm = "民生保障类4项实事中,由甲县民政局负责的养老服务项目投资50万元;由甲县卫生健康局负责的义诊项目服务3000人次"
    parts = charged_project_parts(norm)
    assert [norm[s : s + 8] for s, _ in parts] == ["由甲县民政局负责", "由甲县卫生健康局"]
    other = "其中,由甲县民政局负责的养老服务项目投资50万元;由甲县卫生健康局负责的义诊项目服务3000人次"
    assert other[charged_project_parts(other)[0][0]] == "由"


def test_a_lead_in_that_counts_nothing_stays_the_lead_in():
    # `全年投资3.2亿元,` is the report's figure, no group: the first part is not a project (as before).
    norm = "全年投资3.2亿元,由甲县民政局负责的养老服务项目投资50万元;由甲县卫生健康局负责的义诊项目服务3000人次"
    assert charged_project_parts(norm) == []


def test_meeting_orders_still_run_up_to_the_next():
    doc = _parse(
        "4月10日,某县召开调度会。会议要求,由县住房和城乡建设局牵头,县财政局配合,在9月底前完成老旧小区改造方案编制。"
        "方案报县政府审定后实施。\n"
        "由县交通运输局负责,在10月底前完成农村公路养护。\n",
        year=2025,
    )
    assert [t.lead_units for t in doc.tasks] == [["县住房和城乡建设局"], ["县交通运输局"]]
    assert "审定后实施" in doc.tasks[0].text


# -- A report that states its list done -------------------------------------------------------------------

_DONE = """2025年,清源县共确定为民办实事5项,这5项实事全部办理完成。
教育交通类2项实事中,由清源县教育局负责的学校食堂改造项目投资300万元,改造食堂5处;由清源县交通运输局负责的农村公路提升项目累计改造道路12公里;
"""


def test_done_list_figures_are_no_targets():
    doc = _parse(_DONE)
    assert doc.year == 2025
    assert [t.lead_units for t in doc.tasks] == [["清源县教育局"], ["清源县交通运输局"]]
    assert all(not t.milestones for t in doc.tasks)


def test_a_plan_still_has_its_targets():
    plan = _DONE.replace("这5项实事全部办理完成", "确保5项实事年底前全部完成")
    doc = _parse(plan)
    assert any(t.milestones for t in doc.tasks)


def test_statements_that_report_no_done_list():
    def done(text: str, year: int = 2025) -> bool:
        return reports_list_done([(1, text)], year)

    assert done("2025年,全县共确定民生实事10项,这10项民心实事全部办理完成。")
    assert done("上述15件实事均已完成。")
    assert not done("确保10项实事年底前全部完成。")
    assert not done("力争10项实事全部完成。")
    assert not done("2024年10项民生实事全部完成。")  # last year's list, before this year's
    assert not done("去年10项民生实事全部完成。2025年确定以下10项民生实事:")
    assert not done("全县民生实事进展顺利。")


# -- A page's publication line after the article ------------------------------------------------------------

_PAGE = """|
4月1日,清源县人民政府召开常务会议,会议确定今年重点办好3件实事,分别是: (1)新建城区幼儿园2所。 (2)改造农村公路30公里。 (3)建成乡镇污水处理站3个。 |
政府信息公开
清源县2021年将重点办好3件实事
索引号:11620000-2021-00012 时间:2021-04-02 来源:清源县融媒体中心
|

甘公网安备62000000000001号
"""


def test_publication_line_is_the_pages():
    doc = _parse(_PAGE)
    assert [t.label for t in doc.tasks] == ["(1)", "(2)", "(3)"]
    assert all(not t.lead_units and not t.co_units for t in doc.tasks)
    last = doc.tasks[-1]
    assert "来源" not in last.text and "政府信息公开" not in last.text
    assert all(m.due_date is None or m.due_date.isoformat() != "2021-04-02" for m in last.milestones)


def test_publication_date_gives_the_year():
    doc = _parse(_PAGE)
    assert doc.year == 2021 and doc.year_assumed
    assert any("网页发布日期2021-04-02" in w.message for w in doc.warnings)


def test_a_publication_line_above_the_article_is_no_tail():
    # The article follows it (items the page-tail reader does not count as numbered, naming no plan word).
    doc = _parse(
        "清源县2021年民生实事名单出炉\n时间: 2021-04-02 09:20 来源: 清源县融媒体中心 访问量:\n今年确定以下实事:\n"
        "1)新建城区幼儿园2所(主办单位:县教育局)。\n2)改造农村公路30公里(主办单位:县交通运输局)。\n"
    )
    assert [t.lead_units for t in doc.tasks] == [["县教育局"], ["县交通运输局"]]


def test_publication_lines_and_near_cases():
    assert publication_line("索引号:11620000-2021-00012 时间:2021-04-02 来源:清源县融媒体中心")
    assert publication_line("发布时间:2024-03-28 09:33信息来源: 清源县教育局 阅读次数:")
    assert not publication_line("资金来源:县财政 完成时间:2021-06-30")  # a clause's own fields
    assert not publication_line("时间:2021-04-02")  # a date alone names no page
    assert not publication_line("来源:清源县融媒体中心")


# -- The score pairs by the opening words before the number --------------------------------------------------


def test_a_lost_clause_does_not_shift_the_pairing():
    doc = _parse(
        "1.新建幼儿园2所。(责任单位:县教育局)\n2.改造农村公路30公里。(责任单位:县交通运输局)\n"
        "3.建成污水处理站3个。(责任单位:县生态环境局)\n",
        year=2025,
    )
    unit = {"co": [], "leaders": [], "milestones": [], "recurring": []}
    gold = {
        "id": "made-up",
        "clauses": [
            {"ref": "1", "start": "建成农贸市场2个", "lead": ["县商务局"], **unit},  # the parse lost it
            {"ref": "2", "start": "新建幼儿园2所", "lead": ["县教育局"], **unit},
            {"ref": "3", "start": "改造农村公路30公里", "lead": ["县交通运输局"], **unit},
            {"ref": "4", "start": "建成污水处理站3个", "lead": ["县生态环境局"], **unit},
        ],
    }
    score = score_document(doc, gold)  # type: ignore[arg-type]
    assert score.clauses_right == 3
    assert score.wrong == ["1: 未识别为条款"]
