"""Round 164's conventions: a leader who acts and then demands
(`…局长某某进行了再部署,并强调:一是…`), and a point demanding a report (`各部门要向主要领导汇报…`), no report to the
meeting. Written from the conventions, with near cases that must read otherwise."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.acting_speakers import acting_head, acting_head_end
from policy_tasks.parsing.minute_points import reports_work
from policy_tasks.parsing.outline_node import Node


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


def test_acting_speaker_head() -> None:
    norm = "会议结束后,医保局局长某某某进行了再部署,并强调:一是甲;二是乙。"
    end = acting_head_end(norm)
    assert end is not None and norm[end:].startswith("一是")
    assert acting_head("会议结束后,医保局局长某某某进行了再部署,并强调:")
    assert acting_head("县长张某主持会议,要求:")
    # No post (a group's words), no act before the verb, and a demand with no 一是 are no such head.
    assert acting_head_end("会议结束后,大家进行了讨论,并强调:一是甲;二是乙。") is None
    assert acting_head_end("会议结束后,局长某某强调:一是甲;二是乙。") is None
    assert acting_head_end("会议结束后,局长某某进行了部署,并强调要高度重视。") is None


def test_acting_speaker_points_read() -> None:
    text = (
        "5月23日,某县医疗保障局组织收听收看了全省专项治理电视电话会议。\n"
        "会议结束后,医保局局长某某某进行了再部署,并强调:一是医保局要保持高压态势不放松;二是要求各定点医疗机构开展自查自纠。"
        "三是县卫健局要向主要领导汇报会议精神,抓紧落实。\n"
    )
    tasks = _parse(text).tasks
    assert [t.label for t in tasks] == ["一是", "二是", "三是"]
    assert tasks[0].lead_units == ["医保局"]
    assert tasks[2].lead_units == ["县卫健局"]


def test_report_to_the_meeting_and_demand_to_report() -> None:
    def node(text: str) -> Node:
        n = Node(style="shi", value=1, written="一是", line=1)
        n.pieces.append((1, text))
        return n

    assert reports_work(node("县卫健局汇报了前期准备情况。"))
    assert not reports_work(node("各部门要向主要领导汇报会议精神,抓紧落实。"))
