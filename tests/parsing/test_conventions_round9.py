"""Conventions met in blind round 9 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_document


def _dates(task):
    return sorted(m.due_date for m in task.milestones if m.due_date)


def test_a_citys_districts_and_county_level_cities_are_one_addressee():
    # `各区、县级市` (also `各有关区、县级市`): the levels of one group, as `各县、市、区` is.
    doc = parse_document(
        "2012年加快发展家政服务业实施方案\n"
        "1.建设家政服务培训基地。(牵头单位:市商务局,配合单位:市教育局,各区、县级市)\n"
        "2.开展家政服务进社区。(牵头单位:市民政局,配合单位:各有关区、县级市)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["市商务局"], ["市教育局", "各区、县级市"]),
        (["市民政局"], ["各有关区、县级市"]),
    ]


def test_an_item_whose_name_starts_with_figures_continues_the_list():
    # `5.211工程建设项目`: a programme named for its figures, not a decimal `5.211`.
    doc = parse_document(
        "2012年人才工作要点\n"
        "4.青年英才项目。每年资助50名青年人才。(牵头单位:市人社局)\n"
        "5.211工程建设项目。支持高校学科建设。(牵头单位:市教育局)\n"
        "6.专家服务项目。组织专家下基层。(牵头单位:市科协)\n"
    )
    assert [(t.label, t.lead_units) for t in doc.tasks] == [
        ("4", ["市人社局"]),
        ("5", ["市教育局"]),
        ("6", ["市科协"]),
    ]


def test_a_date_spaced_out_by_a_pdfs_layout_is_one_date():
    # `到 2021 年 6 月底`: the spaces a PDF put around the figures of a date.
    doc = parse_document("2021年农村工作要点\n1.改造农村公路。2021 年 6 月底前完成危桥改造。(责任单位:市交通局)\n")
    assert _dates(doc.tasks[0]) == [date(2021, 6, 30)]


def test_a_date_that_opens_the_sentence_dates_the_commitment_after_the_comma():
    # `到2021年底,确保…`: the year's end dates the commitment; a bare horizon year does not.
    doc = parse_document(
        "2021年乡村工作要点\n"
        "1.巩固脱贫成果。到2021年底,确保脱贫人口稳定增收。(责任单位:市乡村振兴局)\n"
        "2.发展特色产业。到2025年,全市特色产业产值明显提高。(责任单位:市农业农村局)\n"
    )
    assert [_dates(t) for t in doc.tasks] == [[date(2021, 12, 31)], []]


def test_a_span_in_brackets_inside_the_title_gives_the_plans_first_year():
    # `…三年(2022—2024年)行动方案`: the plan's span, read in its first year, as after the kind.
    doc = parse_document(
        "某市城市更新三年(2022—2024年)行动方案\n1.改造老旧小区。6月底前完成摸底。(牵头单位:市住建局)\n"
    )
    assert doc.year == 2022
    assert _dates(doc.tasks[0]) == [date(2022, 6, 30)]


def test_a_years_own_task_list_reads_its_months_in_that_year():
    # `2023年任务:一是3月底前…;二是9月底前…。`: in a several-year plan each year lists its tasks.
    doc = parse_document(
        "某市数字乡村三年(2022—2024年)行动方案\n"
        "1.建设益农信息社。2022年任务:完成选址。2023年任务:一是3月底前完成建设;二是9月底前投入运营。"
        "(牵头单位:市农业农村局)\n"
    )
    assert date(2023, 3, 31) in _dates(doc.tasks[0])
    assert date(2023, 9, 30) in _dates(doc.tasks[0])
    assert date(2022, 3, 31) not in _dates(doc.tasks[0])


def test_a_higher_plans_task_beside_the_offices_own_measure_heads_the_measure():
    # A 分工方案 that carries out a higher plan: `省《要点》部署任务 | 市落实措施`. The city's measure
    # is the clause; the province's task (and its date) is its heading.
    doc = parse_document(
        "某市贯彻落实省《2023年营商环境工作要点》分工方案\n"
        "序号 | 省《工作要点》部署任务 | 市落实措施 | 牵头单位 | 责任单位 | 完成时限 |\n"
        "1 | 1.年底前全面推行电子证照。 | (1)6月底前市级高频证照全部电子化。 | 市数据局 | 各区县政府 | 2023年6月底 |\n"
    )
    [task] = doc.tasks
    assert (task.label, task.title) == ("(1)", "6月底前市级高频证照全部电子化")
    assert (task.lead_units, task.co_units) == (["市数据局"], ["各区县政府"])
    # The measure's own `6月底前` and its 完成时限; not the province's `年底前`.
    assert set(_dates(task)) == {date(2023, 6, 30)}


def test_two_units_run_together_in_a_cell_are_two_units():
    # `市发展改革委市财政局`: a table cell that lost the line break between its two units.
    doc = parse_document(
        "2023年重点任务清单\n"
        "序号 | 任务 | 牵头单位 | 完成时限 |\n"
        "1 | 推进重大项目建设。 | 市发展改革委市财政局 | 2023年12月底 |\n"
    )
    assert doc.tasks[0].lead_units == ["市发展改革委", "市财政局"]


def test_a_paragraph_that_runs_the_notice_heading_and_first_item_together_holds_the_item():
    # A page that ran the address, `一、` and `1.` into one paragraph: the list starts after the
    # colon that announces it, and its first item right after the heading's short title.
    doc = parse_document(
        "2016年某市人民政府关于促进创业的意见\n"
        "各县(市、区)人民政府,市政府各部门: 为做好创业工作,现提出以下意见: 一、优化创业环境 "
        "1.简化创业登记手续。推行一窗受理。(市市场监管局牵头,市政务服务中心配合)\n"
    )
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [("1", ["市市场监管局"], ["市政务服务中心"])]


def test_units_that_take_part_are_co_units():
    # `(A、B牵头,C、D参加)`: 参加 (take part) names co units, as 参与 does.
    doc = parse_document("2016年就业工作要点\n1.开展就业援助月活动。(市人社局、市总工会牵头,市民政局、市残联参加)\n")
    assert (doc.tasks[0].lead_units, doc.tasks[0].co_units) == (["市人社局", "市总工会"], ["市民政局", "市残联"])
