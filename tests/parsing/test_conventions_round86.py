"""Conventions met in blind round 86 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it: a deadline field (a bracket's
`完成时限:`, a `时限要求:` label line, a 完成时限 column's cell) on the day a dated commitment of the item's own
text already falls on restates that commitment's deadline: one commitment, one milestone (the text's, with its
words). Near misses: a field on another day stays; two commitments of the text on one day stay two; a field
step with words of its own stays; a `年内…` target with no field stays.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes, parse_document


def _parse(text: str, year: int = 2023):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _milestones(task) -> list[tuple[str, str]]:
    return [(m.due_date.isoformat() if m.due_date else "", m.text) for m in task.milestones]


# -- A bracket's 完成时限 on the text's day ------------------------------------------------------------------

_BRACKETS = """某市2023年智慧城市建设工作要点
一、加快建设城市大脑。统筹全市算力资源,3月底前完成城市大脑一期平台上线试运行。(责任单位:市数据局、市财政局;完成时限:3月底)
二、完善公共数据标准。今年重点推进数据目录、共享接口等领域的标准建设,出台一批地方标准。(牵头单位:市数据局、市市场监管局;完成时限:12月底)
三、推进一网通办。6月底前完成市级政务服务事项梳理,进一步提升网办率。(责任单位:市政务服务中心;完成时限:9月底)
四、扩大托育供给。3月底前新建成2家社区托育中心,3月底前新增100个以上托位。(责任单位:市卫健委;完成时限:3月底)
五、改造老旧小区。年内完成老旧小区改造20个。(责任单位:市住建局)
六、健全数据管理制度。今年重点围绕数据目录等领域,研究数据管理办法。(责任单位:市数据局;完成时限:12月底)
"""


def test_a_bracket_field_on_the_texts_day_adds_no_milestone():
    doc = _parse(_BRACKETS)
    first, second = doc.tasks[0], doc.tasks[1]
    assert _milestones(first) == [("2023-03-31", "3月底前完成城市大脑一期平台上线试运行")]
    # `今年重点…` (the year's focus) beside a field naming the year's end: one deadline, read once.
    assert [d for d, _ in _milestones(second)] == ["2023-12-31"]
    assert _milestones(second)[0][1].startswith("今年重点推进")


def test_a_bracket_field_on_another_day_stays():
    third = _parse(_BRACKETS).tasks[2]
    assert _milestones(third) == [
        ("2023-06-30", "6月底前完成市级政务服务事项梳理"),
        ("2023-09-30", "完成时限:9月底"),
    ]


def test_two_commitments_of_the_text_on_one_day_stay_two():
    fourth = _parse(_BRACKETS).tasks[3]
    assert _milestones(fourth) == [
        ("2023-03-31", "3月底前新建成2家社区托育中心"),
        ("2023-03-31", "3月底前新增100个以上托位"),
    ]


def test_a_year_target_with_no_field_stays():
    fifth = _parse(_BRACKETS).tasks[4]
    assert _milestones(fifth) == [("2023-12-31", "年内完成老旧小区改造20个")]


def test_a_field_beside_a_year_focus_read_as_no_commitment_stays():
    # `今年重点围绕…` names no commitment of its own (no milestone is read in it): the field is the only deadline.
    sixth = _parse(_BRACKETS).tasks[5]
    assert _milestones(sixth) == [("2023-12-31", "完成时限:12月底")]


# -- A `时限要求:` label line -------------------------------------------------------------------------------

_LABEL_LINES = """某县交通运输局2023年重点工作任务分解
1.加快农村公路建设。新改建农村公路50公里,力争年内完成交通建设投资3亿元。
责任单位:公路股、规划股
时限要求:2023年12月底前
2.推进客运站改造。10月底前完成县客运站主体施工。
责任单位:运输股
时限要求:10月底
3.推进物流园建设。10月底前完成物流园主体施工。
责任单位:运输股
时限要求:计划10月底前完成竣工验收
"""


def test_a_label_line_on_the_texts_day_adds_no_milestone():
    doc = _parse(_LABEL_LINES)
    first, second = doc.tasks[0], doc.tasks[1]
    # The year's target keeps its words; the undated quantity is still due on the field's day.
    assert ("2023-12-31", "力争年内完成交通建设投资3亿元") in _milestones(first)
    assert all("时限要求" not in text for _, text in _milestones(first))
    assert {d for d, _ in _milestones(first)} == {"2023-12-31"}
    assert _milestones(second) == [("2023-10-31", "10月底前完成县客运站主体施工")]


def test_a_field_with_words_of_its_own_on_the_same_day_stays():
    third = _parse(_LABEL_LINES).tasks[2]
    assert [d for d, _ in _milestones(third)] == ["2023-10-31", "2023-10-31"]
    assert "竣工验收" in _milestones(third)[1][1]


# -- A 完成时限 column ------------------------------------------------------------------------------------

_TABLE = (
    "某区2023年民生实事项目推进表\n"
    "序号 | 项目名称 | 牵头单位 | 完成时限 |\n"
    "1 | 建设区图书馆分馆,9月底前建成开放。 | 区文旅局 | 9月底 |\n"
    "2 | 改造社区卫生服务站,6月底前完成设备采购。 | 区卫健局 | 12月底 |\n"
)


def test_a_table_column_on_the_texts_day_adds_no_milestone():
    doc = parse_document(_TABLE, year=2023)
    assert _milestones(doc.tasks[0]) == [("2023-09-30", "9月底前建成开放")]


def test_a_table_column_on_another_day_stays():
    second = parse_document(_TABLE, year=2023).tasks[1]
    assert [d for d, _ in _milestones(second)] == ["2023-06-30", "2023-12-31"]
