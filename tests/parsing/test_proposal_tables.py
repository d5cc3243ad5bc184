"""A 交办 table of deputies' proposals, and a salutation that names the offices a notice goes to.

Written from the conventions, not copied from a document. Round 36's lists closed each proposal
with a bracket; the same offices also send the list as a table (`序号 / 建议题目 / 主办单位 / 协办单位 /
办理时限`): its 题目 column holds the clause as a 任务 column does. Such a notice opens with its
salutation (`各承办单位:`), which names who it is sent to and is no `承办单位:` field: read as one, it
took the next sentence for a unit list and the title for a clause.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import ParseError, parse_bytes


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


_TABLE = (
    "关于某县2024年人大代表建议交办的通知\n"
    "各承办单位:\n"
    "现将县十八届人大三次会议代表建议交办如下,请认真办理。\n"
    "序号 建议题目 主办单位 协办单位 办理时限\n"
    "1 关于加快农村道路建设的建议 县交通运输局 县财政局 2024年6月30日前\n"
    "2 关于改善城区停车难的建议 县住建局 县公安局、县城管局 2024年6月30日前\n"
    "3 关于加强校园周边安全的建议 县教育局 县公安局 2024年8月31日前\n"
)


def test_a_proposal_tables_title_column_holds_its_clauses():
    doc = _parse(_TABLE)
    assert [(t.title, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("关于加快农村道路建设的建议", ["县交通运输局"], ["县财政局"]),
        ("关于改善城区停车难的建议", ["县住建局"], ["县公安局", "县城管局"]),
        ("关于加强校园周边安全的建议", ["县教育局"], ["县公安局"]),
    ]
    assert [[m.due_date.isoformat() for m in t.milestones] for t in doc.tasks] == [
        ["2024-06-30"],
        ["2024-06-30"],
        ["2024-08-31"],
    ]


def test_a_salutation_is_no_field():
    doc = _parse(
        "关于印发某区2024年重点工作任务的通知\n"
        "各责任单位:\n"
        "现将2024年重点工作任务印发给你们,请认真抓好落实。\n"
        "1.完成老旧小区改造20个。(牵头单位:区住建局;配合单位:各街道办事处)\n"
        "2.新建口袋公园5个。(牵头单位:区城管局)\n"
    )
    assert [(t.number, t.lead_units, t.co_units) for t in doc.tasks] == [
        (1, ["区住建局"], ["各街道办事处"]),
        (2, ["区城管局"], []),
    ]
    # Nothing of the salutation's sentence became a unit.
    assert all("现将" not in u.name for u in doc.units)


def test_a_notice_with_only_its_salutation_holds_no_clause():
    # Before, `各承办单位:` was read as a field over the next line: a clause led by the sentence
    # `现将…交办如下`. A notice whose list did not come with it is refused, with the usual message.
    with pytest.raises(ParseError, match="no numbered clauses found"):
        _parse(
            "关于某县2024年人大代表建议交办的通知\n各承办单位:\n现将县十八届人大三次会议代表建议交办如下,请认真办理。\n"
        )


def test_a_field_whose_units_open_with_each_is_still_a_field():
    doc = _parse("某县2024年工作要点\n1.推进高标准农田建设。\n配合单位:各乡镇人民政府\n牵头单位:县农业农村局\n")
    (task,) = doc.tasks
    assert (task.lead_units, task.co_units) == (["县农业农村局"], ["各乡镇人民政府"])
