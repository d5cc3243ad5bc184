"""Leftovers of blind round 28 (docs/parsing.md), each a convention stated in a document of its own.

Written from the convention, not copied from the document that showed it (楚雄's 整改措施清单): a
整改 row's 责任人 and 整改时限 stated above its numbered measures govern them as its 责任单位 does,
and a 整改时限 of `立行立改` is an ongoing obligation with no date.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.deadlines import read_time_phrase
from policy_tasks.parsing.time_phrase import ONGOING

_ROW = (
    "某县生态环境问题整改清单\n"
    "城区部分污水未经处理直排河道。整改目标:城区污水全收集全处理。\n"
    "责任单位:县住建局、县环保局,各乡镇人民政府\n"
    "责任人:县住建局、县环保局主要负责人,各乡镇人民政府主要负责人,张明\n"
    "整改时限:{due}整改措施:补齐设施短板。\n"
    "1.排查城区排污口并建立台账。\n"
    "2.推进雨污分流改造。\n"
)


def test_a_rows_leaders_above_its_measures_lead_each_measure():
    doc = parse_bytes(_ROW.format(due="2018年12月底前").encode(), filename="doc.txt", year=2018)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["县住建局"], ["县环保局", "各乡镇人民政府"]),
        (["县住建局"], ["县环保局", "各乡镇人民政府"]),
    ]
    expected = ["县住建局、县环保局主要负责人", "各乡镇人民政府主要负责人", "张明"]
    assert [t.leaders for t in doc.tasks] == [expected, expected]


def test_a_rows_deadline_above_its_measures_dates_each_measure():
    doc = parse_bytes(_ROW.format(due="2018年12月底前").encode(), filename="doc.txt", year=2018)
    assert [[(m.kind, str(m.due_date)) for m in t.milestones] for t in doc.tasks] == [
        [("deadline", "2018-12-31")],
        [("deadline", "2018-12-31")],
    ]


def test_at_once_and_for_good_is_ongoing_without_a_date():
    for due in ("立行立改,长期坚持", "立行立改"):
        doc = parse_bytes(_ROW.format(due=due).encode(), filename="doc.txt", year=2018)
        assert [[m.kind for m in t.milestones] for t in doc.tasks] == [[ONGOING], [ONGOING]], due
        assert not [w for w in doc.warnings if "无法识别" in w.message]
    phrase = read_time_phrase("立行立改", 2018)
    assert phrase is not None and phrase.level == ONGOING and phrase.due is None


def test_a_measure_with_its_own_deadline_keeps_it():
    text = _ROW.format(due="长期坚持").replace("2.推进雨污分流改造。", "2.推进雨污分流改造。完成时限:2018年6月底")
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2018)
    assert [m.kind for m in doc.tasks[0].milestones] == [ONGOING]
    assert [str(m.due_date) for m in doc.tasks[1].milestones if m.kind == "deadline"] == ["2018-06-30"]
