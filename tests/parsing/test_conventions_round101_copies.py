"""Round 101's documents as other copies give them (docs/parsing.md, round 101), each convention in a made-up document.

- a report's retold brackets (`retold_brackets`) run together, by a page's width or a copy with no breaks: each
  retelling's sentence is a task again, the lead before the first none (near cases: one retelling, a retelling
  with the reporter's comment after it, a bracket digest's own brackets);
- a one-line copy of a notice printing its plan after its 落款 and date with no `附件` mark (`one_line`): the office,
  the date and the plan's title are cut from the notice's last item, the plan's `一、` starts its numbering again;
- a one-line copy of a digest quoting a run of a list's items from its middle (`(二十四)…(二十五)…`, `one_line`).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.retold_brackets import retold_paragraphs


def _parse(text: str, year: int | None = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(task) -> tuple[list[str], list[str]]:
    return list(task.lead_units), list(task.co_units)


def _dates(task) -> list[str]:
    return [m.due_date.isoformat() for m in task.milestones if m.due_date and m.time_expression]


_LEAD = "【某某产业网】近日,某省政府印发重点工作分工的方案(以下简称《方案》)。《方案》明确省直有关部门的分工责任。"
_ONE = "在部署“推进工业园区污水集中处理”时,《方案》明确,由省生态环境厅、省住房城乡建设厅等按职责分工负责,9月底前完成。"
_TWO = "围绕“扩大绿色建材推广应用”,《方案》要求省住房城乡建设厅、省工业和信息化厅等按职责分工负责,年内持续推进。"
_THREE = "《方案》规定,省发展改革委、省能源局等按职责分工负责,11月底前完成“新增光伏装机200万千瓦”的任务。"
_READ = [
    (["省生态环境厅"], ["省住房城乡建设厅"]),
    (["省住房城乡建设厅"], ["省工业和信息化厅"]),
    (["省发展改革委"], ["省能源局"]),
]


def test_retold_brackets_run_together_are_each_a_task():
    for text in (
        "\n".join([_LEAD, _ONE + _TWO, _THREE]),  # a paragraph that ended at the margin, joined to the next
        _LEAD + _ONE + _TWO + _THREE,  # no line breaks at all
        " ".join([_LEAD, _ONE, _TWO, _THREE]),
    ):
        parsed = _parse(text)
        assert [_units(t) for t in parsed.tasks] == _READ
        assert [_dates(t) for t in parsed.tasks] == [["2024-09-30"], ["2024-12-31"], ["2024-11-30"]]
        assert parsed.tasks[0].text.startswith("在部署")


def test_a_line_retelling_one_bracket_or_a_comment_after_it_is_left_as_written():
    comment = "业内人士认为,这将带动相关产业发展。"
    lines = [(_LEAD, True), (_ONE + comment, True), ("", True), (_TWO, True)]
    assert retold_paragraphs(lines, [1, 2, 3, 4]) == (lines, [1, 2, 3, 4])
    # run together, the comment stays with the retelling before it; each part keeps its block's number
    joined = [(_ONE + comment + _TWO, False)]
    assert retold_paragraphs(joined, [7]) == ([(_ONE + comment, False), (_TWO, False)], [7, 7])


def test_a_bracket_digest_run_together_is_not_cut_by_its_brackets():
    digest = "实施基础研究十年规划。(省科技厅、省财政厅等按职责分工负责,年内持续推进)支持各地加大科技投入。(省科技厅按职责分工负责)"
    assert retold_paragraphs([(digest, True)], [1]) == ([(digest, True)], [1])


_NOTICE = (
    "某市人民政府办公厅关于印发2024年某市重点工作责任分解方案的通知 各区人民政府,市人民政府各部门:"
    "现将《2024年某市重点工作责任分解方案》印发给你们,并就有关事项通知如下。"
    "一、各牵头单位要切实履行牵头责任,统筹推进各项工作落实。"
    "二、请各牵头单位和责任单位于2024年3月15日前将工作落实措施报送市政府督查室。"
    "某市人民政府办公厅 2024年2月20日 2024年某市重点工作责任分解方案 "
    "一、稳增长 1.推进重大项目建设,全年完成投资100亿元。(牵头单位:市发展改革委;责任单位:市财政局) "
    "2.扩大有效消费,举办促销活动20场。(责任单位:市商务局) "
    "二、惠民生 3.新增城镇就业2万人。(牵头单位:市人力资源社会保障局;责任单位:市财政局)"
)


def test_a_one_line_notice_printing_its_plan_after_its_signature():
    for text in (_NOTICE, _NOTICE.replace(" ", "")):
        parsed = _parse(text)
        assert [t.label for t in parsed.tasks] == ["一", "二", "1", "2", "3"]
        assert _units(parsed.tasks[1]) == (["各牵头单位"], ["责任单位"])
        assert _dates(parsed.tasks[1]) == ["2024-03-15"]  # not the date of writing
        assert _units(parsed.tasks[2]) == (["市发展改革委"], ["市财政局"])
        assert all("办公厅" not in unit for t in parsed.tasks for unit in t.lead_units + t.co_units)


_DIGEST = (
    "某协会转载:国务院重点工作分工中涉及本行业的两项任务。发表时间:2024-4-1 来源:某协会"
    "提升产业链水平(十二)推进制造业数字化转型。实施智能制造工程。(工业和信息化部、国家发展改革委等按职责分工负责)"
    "(十三)加快发展现代服务业。推动生产性服务业融合发展。(国家发展改革委、商务部牵头,有关部门按职责分工负责)"
)


def test_a_one_line_digest_quoting_items_from_a_list_middle():
    for text in (_DIGEST, _DIGEST.replace("(十二)", " (十二)").replace("(十三)", " (十三)")):
        parsed = _parse(text)
        assert [t.label for t in parsed.tasks] == ["(十二)", "(十三)"]
        assert [_units(t) for t in parsed.tasks] == [
            (["工业和信息化部"], ["国家发展改革委"]),
            (["国家发展改革委", "商务部"], []),
        ]
