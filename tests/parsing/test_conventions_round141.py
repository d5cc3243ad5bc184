"""Round 141's conventions: a several-year plan's bare years later in a sentence or opening one (`…,2021年构建…`,
`2021年,完成…`) and its building verbs (`新改建`, `构建`); an estimate after a counted commitment (`…50个,约605万平方米`),
the same works' size; an aside's bracket never closed before the unit bracket closing the line; a higher body's decision
opening a covering notice's item (`2020年自治区将…纳入…`), no deadline; and a notice to `各有关单位` alone charging the
groups its items name (`各县区及相关业主单位要…`)."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.addressee_groups import PLACES, group_subject, notice_groups


def _parse(text: str, year: int | None = 2020):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _dates(task) -> list[str]:
    return [str(m.due_date) for m in task.milestones if m.time_expression]


PLAN = (
    "某市城市品质提升三年行动计划\n"
    "一、重点内容\n"
    "1.规划设计提升工程。2020年编制完成《某市国土空间总体规划(2020-2035年)》,实现“多规合一”,2021年构建国土空间"
    "规划信息平台,建立规划实施监督体系。(市自然资源局负责)2021年,完成教育、医疗等专项规划的编制工作。"
    "(市自然资源局牵头,相关部门分别负责)各区县重要地块都要在完成城市设计后再进行开发建设。(市住建局负责)\n"
)


def test_bare_years_later_in_a_sentence_and_opening_one_date_their_tasks() -> None:
    tasks = _parse(PLAN).tasks
    assert [t.label for t in tasks] == ["1-1", "1-2", "1-3"]
    assert _dates(tasks[0]) == ["2020-12-31", "2021-12-31"]  # one commitment for `构建…,建立…`
    assert _dates(tasks[1]) == ["2021-12-31"]
    assert _dates(tasks[2]) == []


def test_bare_year_in_other_layouts() -> None:
    # An item's paragraph under a heading line, the year's quantity blanked by a copy (`XX公里`).
    text = (
        "某县公共交通建设工程实施方案\n二、重点任务和分工\n(一)农村公路\n"
        "新改建农村公路共XX公里,2020年新改建农村公路XX公里。(责任单位:地方道路管理站)\n"
        "(二)城市公交\n2021年,全面完成公交站台改造。(责任单位:运输管理站)\n"
    )
    tasks = _parse(text).tasks
    assert _dates(tasks[0]) == ["2020-12-31"]
    assert _dates(tasks[1]) == ["2021-12-31"]


def test_horizons_and_undated_building_are_not_read_so() -> None:
    text = (
        "某市行动计划\n一、重点任务\n1.到2022年,完成专项规划的编制工作。(市自然资源局负责)\n"
        "2.加快构建新发展格局,积极构建现代产业体系。(市发改委负责)\n"
        "3.2020年全市经济运行总体平稳。(市统计局负责)\n"
    )
    tasks = _parse(text).tasks
    assert [_dates(t) for t in tasks] == [[], [], []]


def test_an_estimate_after_a_counted_commitment_is_its_size() -> None:
    text = (
        "某市创建行动方案\n一、专项行动\n"
        "1.加快老旧小区整治改造。5月底前开工老旧小区改造项目 50个,约 605 万平方米,涉及居民 6.2 万户。\n"
        "2.推进学校建设。年底前新建学校5所,合计3000个学位。\n"
    )
    tasks = _parse(text, 2021).tasks
    assert [(m.due_date.isoformat(), m.text) for m in tasks[0].milestones] == [
        ("2021-05-31", "5月底前开工老旧小区改造项目 50个")
    ]
    assert [m.text for m in tasks[1].milestones] == ["年底前新建学校5所"]


def test_a_second_figure_with_a_verb_of_its_own_stays_a_commitment() -> None:
    text = (
        "某市创建行动方案\n一、专项行动\n1.加快项目建设。5月底前开工项目50个,完成投资3亿元。\n"
        "2.加快改造。约605万平方米老旧小区年底前完成改造。\n"
    )
    tasks = _parse(text, 2021).tasks
    assert _dates(tasks[0]) == ["2021-05-31", "2021-05-31"]
    assert _dates(tasks[1]) == ["2021-12-31"]


def test_an_aside_left_open_does_not_swallow_the_unit_bracket() -> None:
    # A heading line over a paragraph, and an item written inline with a role pair.
    text = (
        "某县交通实施方案\n一、重点任务\n(一)农村公路\n"
        "新改建农村公路共50公里。(三级路为甲—乙公里。四级路为丙—丁公里。(责任单位:地方道路管理站)\n"
        "(二)农村客运\n运行率达到100%。(责任单位:运输管理站)\n"
    )
    tasks = _parse(text).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [(["地方道路管理站"], []), (["运输管理站"], [])]
    text = (
        "某县交通实施方案\n一、重点任务\n1.农村公路。新改建农村公路共50公里(其中三级路20公里。"
        "(牵头单位:县交通局,配合单位:县财政局)\n2.农村客运。运行率达到100%。(责任单位:运输管理站)\n"
    )
    tasks = _parse(text).tasks
    assert (tasks[0].lead_units, tasks[0].co_units) == (["县交通局"], ["县财政局"])


def test_a_unit_bracket_left_open_and_a_closed_aside_read_as_before() -> None:
    text = "某县交通实施方案\n一、重点任务\n1.农村公路。新改建农村公路共50公里。(责任单位:县交通局、县财政局\n"
    task = _parse(text).tasks[0]
    assert (task.lead_units, task.co_units) == (["县交通局"], ["县财政局"])
    text = "某县交通实施方案\n一、重点任务\n1.农村客运。运行率(含城乡公交)达到100%。(责任单位:运输管理站、县交通局)\n"
    task = _parse(text).tasks[0]
    assert (task.lead_units, task.co_units) == (["运输管理站"], ["县交通局"])


NOTICE = (
    "某市住房和城乡建设局转发自治区住房城乡建设厅关于下达2020年老旧小区改造计划任务的通知\n"
    "各有关单位:\n"
    "现将《通知》转发给你们,请认真贯彻执行。\n"
    "一、2020年自治区将城镇老旧小区改造工作纳入为民办实事工程和年度绩效考核事项。列入国家下达任务的改造项目须于"
    "2020年9月30日前开工建设。各县区及相关业主单位要加快推进项目建设进度,确保任务如期完成。\n"
    "二、各县区及相关业主单位要严格落实项目进度月报工作,于每月27日前向我局城市更新改造科报送进展情况。\n"
    "某市住房和城乡建设局\n2020年3月30日\n"
)


def test_a_notice_to_the_units_concerned_charges_the_groups_it_names() -> None:
    tasks = _parse(NOTICE, None).tasks
    assert [t.label for t in tasks] == ["一", "二"]
    assert all((t.lead_units, t.co_units) == (["各县区"], ["相关业主单位"]) for t in tasks)
    # The higher body's decision frames the item; the passive deadline is the item's.
    assert _dates(tasks[0]) == ["2020-09-30"]


def test_the_catch_all_salutation_alone_names_every_kind() -> None:
    assert PLACES in notice_groups([(0, "各有关单位:")])
    # A salutation naming groups keeps to the kinds it names.
    assert PLACES not in notice_groups([(0, "市政府各部门,各有关单位:")])
    norm = "各县区及相关业主单位要加快推进项目建设。"
    found = group_subject(norm, 0, notice_groups([(0, "各有关单位:")]))
    assert found is not None and [norm[a:b] for a, b in found[0]] == ["各县区", "相关业主单位"]
    # A bare `各单位` still charges no one.
    assert group_subject("各单位要加快推进。", 0, notice_groups([(0, "各有关单位:")])) is None


def test_groups_in_a_plan_or_another_salutation_name_no_one() -> None:
    plan = "某市老旧小区改造实施方案\n一、工作要求\n1.各县区及相关业主单位要加快推进项目建设进度。\n"
    assert _parse(plan).tasks[0].lead_units == []
    notice = NOTICE.replace("各有关单位:", "市政府各部门:")
    assert all(t.lead_units == [] for t in _parse(notice, None).tasks)


def test_a_higher_bodys_decision_is_no_deadline_but_its_later_parts_and_own_tasks_are() -> None:
    text = (
        "某市实施方案\n一、重点任务\n(一)2020年,省将下达改造计划,各县区要于6月底前完成摸底。(市住建局负责)\n"
        "(二)2020年全省完成改造10万户。(市住建局负责)\n"
        "(三)2020年省财政厅将完成改造资金清算。(市财政局负责)\n"
        "(四)2020年国家将老旧小区改造纳入保障性安居工程。(市住建局负责)\n"
    )
    tasks = _parse(text).tasks
    assert [_dates(t) for t in tasks] == [["2020-06-30"], ["2020-12-31"], ["2020-12-31"], []]


def test_a_blank_line_inside_a_sentence_is_a_page_break() -> None:
    # A copy setting a paragraph a line, a blank line between, with portal lines above it (so blank lines are kept).
    page = (
        "首页 > 政策文件\n分享到:微信 微博\n某市创建行动方案\n一、专项行动\n"
        "1.加快老旧小区整治改造。开展棚户区改造攻坚行动,健全便民市场、便利店、停车场等生活\n\n"
        "服务设施。继续推进既有住宅增设电梯,12月底前开工建设200部。\n"
    )
    task = _parse(page, 2021).tasks[-1]
    assert task.text.endswith("12月底前开工建设200部。") and _dates(task) == ["2021-12-31"]
    # Cut after a bracket's aside and before its units' line, in a list with its own unit lines.
    page = (
        "首页 > 政策文件\n分享到:微信 微博\n某县实施方案\n一、重点任务\n"
        "1.推进农村公路建设,完成县乡道改造,加快推进村组道路硬化和安防工程\n\n"
        "建设。(责任单位:县交通局)\n2.推进客运公交化。(责任单位:运输管理站)\n"
    )
    assert _parse(page).tasks[0].lead_units == ["县交通局"]


def test_a_blank_line_after_a_sentence_a_heading_or_a_field_still_ends_the_item() -> None:
    page = (
        "首页 > 政策文件\n分享到:微信 微博\n某市创建行动方案\n一、专项行动\n"
        "1.加快老旧小区整治改造。开展棚户区改造攻坚行动,健全便民市场、便利店、停车场等生活服务设施。\n\n"
        "请各单位认真贯彻执行,12月底前报送工作总结。\n"
    )
    assert _parse(page, 2021).tasks[-1].text.endswith("生活服务设施。")
    page = page.replace("生活服务设施。\n", "生活服务设施。\n责任单位:市住建局,市城管局、市财政局、各区政府\n")
    assert _parse(page, 2021).tasks[-1].lead_units == ["市住建局"]
    assert "请各单位" not in _parse(page, 2021).tasks[-1].text
