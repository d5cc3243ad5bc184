"""Conventions met in blind round 103 (docs/parsing.md), each stated in a document of its own.

Written from the conventions, not copied from the documents that showed them: a county's assessment table of its
townships (`…乡镇目标管理(绩效)考核细则`), rows numbered straight through under group rows `一、`, `二、`, with a
`负责考核部门` column naming the office that examines each target, a row's own deadline, and a scoring rule whose
`年内` is the year the points are counted over.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.held_parties import assessed_party
from tests.sources.builders import docx_with_table


def _deadlines(task) -> list[str]:
    return sorted({m.due_date.isoformat() for m in task.milestones if m.due_date and m.kind == "deadline"})


_ROWS = [
    ["序号", "考核项目", "分值", "考核指标", "负责考核部门"],
    ["", "总分", "100", "", ""],
    ["一、", "夯实基层基础", "40", "", ""],
    ["1", "健全网格体系", "10", "按标准划分网格,配齐网格员,得10分。", "区委政法委"],
    ["2", "完善考核办法", "5", "2021年9月底前修订完善街道平安建设考核办法。", "区委政法委"],
    ["3", "开展平安宣传", "8", "1.开展平安宣传进社区活动,得4分。 2.组织法治讲座,得4分。", "区委宣传部\n区司法局"],
    ["二、", "强化矛盾化解", "60", "", ""],
    ["4", "推进矛盾纠纷排查", "30", "建立排查台帐,年内无越级上访事件,得30分,出现一起扣5分。", "区信访局"],
    ["5", "加强重点人员管控", "30", "落实管控措施,得30分。", "区公安分局"],
]


def _table(title: str) -> bytes:
    return docx_with_table([title], _ROWS)


def _parse(title: str):
    return parse_bytes(_table(title), filename="kaohe.docx", year=2021)


def test_the_party_the_title_holds_leads_every_row_and_the_examiners_help():
    doc = _parse("某区2021年度平安建设工作街道目标管理(绩效)考核细则")
    assert [(t.label[-1], t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["街道"], ["区委政法委"]),
        ("2", ["街道"], ["区委政法委"]),
        # A cell naming its examiners a line each: all of them, in order.
        ("3", ["街道"], ["区委宣传部", "区司法局"]),
        ("4", ["街道"], ["区信访局"]),
        ("5", ["街道"], ["区公安分局"]),
    ]
    # Each row is its own clause (no group row swallows them), the total row none.
    assert doc.tasks[0].text.startswith("健全网格体系")
    assert not any("总分" in t.text for t in doc.tasks)


def test_a_rows_deadline_stays_on_its_row_and_a_scoring_years_dates_nothing():
    tasks = _parse("某区2021年度平安建设工作街道目标管理(绩效)考核细则").tasks
    assert [_deadlines(t) for t in tasks] == [[], ["2021-09-30"], [], [], []]


def test_the_same_table_with_no_party_in_its_title_reads_its_examiners_as_those_held():
    # Round 67's reading: an examiner column standing alone in a target table names the units held.
    doc = _parse("某区2021年度平安建设工作考核细则")
    assert [(t.lead_units, t.co_units) for t in doc.tasks][:3] == [
        (["区委政法委"], []),
        (["区委政法委"], []),
        (["区委宣传部"], ["区司法局"]),
    ]


def test_titles_that_name_the_party_held_and_those_that_do_not():
    assert assessed_party("石城县2018年度河长制工作乡镇目标管理(绩效）考核细则") == "乡镇"
    assert assessed_party("某县2020年度县直单位绩效考核评分标准") == "县直单位"
    assert assessed_party("某镇2022年度各村(社区)综合考核办法") == "各村(社区)"
    # A topic, a place, a farm's work: no party held.
    assert assessed_party("某区2021年度平安建设工作考核细则") is None
    assert assessed_party("某县农村工作目标考核办法") is None
    assert assessed_party("关于印发乡镇考核细则的通知") is None


def test_within_the_year_outside_a_scoring_rule_is_still_a_deadline():
    text = "\n".join(
        [
            "某镇2021年河道整治工作方案",
            "一、年内完成镇区河道清淤,由镇水利站负责。",
            "二、年内无不达标河道,得4分。由镇水利站负责。",
        ]
    )
    tasks = parse_bytes(text.encode(), filename="p.txt", year=2021).tasks
    assert [_deadlines(t) for t in tasks] == [["2021-12-31"], []]
