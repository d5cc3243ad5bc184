"""Conventions met in the pending documents taken up in session 40 (docs/parsing.md), each stated in a
document of its own.

Written from the convention, not copied from the documents that showed it:

- a paragraph that ends inside a bracket it opened (`…复耕。〔县自然资` / `源局、…〕`, a PDF's or an .odt's line
  break inside an item's responsibility bracket) goes on in the line that closes it (`open_brackets`). Near cases:
  a bracket really left open (the next line an item, or no closer before its sentence ends), a heading's closed
  `(一)` ending a line, a table's rows;
- a notice item's later part charging the villages' leadership team by the branch and the committee together
  (`;各行政村支两委要…`, `cadre_posts.village_team`) helps as a later body does; a later part charging persons by
  post (`,值班领导及人员还要…`, `later_posts`) names the item's leaders, the staff beside them no one, and the bodies
  they urge (`督促各行政村落实…`) help. Near cases: staff alone (`值班人员要…`), `要求` (no charge), `督促整改` with no
  body named.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.open_brackets import joined_open_brackets


def _joined(*texts: str, splittable: bool = True) -> list[str]:
    lines = [(text, splittable) for text in texts]
    joined, origins = joined_open_brackets(lines, list(range(1, len(lines) + 1)))
    assert len(origins) == len(joined)
    return [text for text, _ in joined]


def test_a_bracket_a_line_break_cut_inside_a_unit_name_is_one_paragraph():
    text = (
        "某县耕地保护工作方案\n"
        "(一)严格耕地保护。落实耕地保护党政同责,分类开展违规占用耕地整改复耕。〔县自然资\n"
        "源局、县农业农村局按职责分工负责,各乡(街道)落实〕\n"
        "(二)优化种植结构。推广大豆玉米复合种植。〔县农业农村局负责〕\n"
    )
    tasks = parse_bytes(text.encode("utf-8"), filename="plan.txt", year=2024).tasks
    assert [(t.label, t.lead_units) for t in tasks] == [("(一)", ["县自然资源局"]), ("(二)", ["县农业农村局"])]
    assert tasks[0].co_units == ["县农业农村局", "各乡(街道)"]


def test_the_joined_line_keeps_the_first_lines_number():
    lines = [("一、总体要求", True), ("…整改复耕。〔县自然资", True), ("源局负责〕", True), ("二、保障措施", True)]
    joined, origins = joined_open_brackets(lines, [1, 2, 3, 4])
    assert [text for text, _ in joined] == ["一、总体要求", "…整改复耕。〔县自然资源局负责〕", "二、保障措施"]
    assert origins == [1, 2, 4]


def test_any_bracket_of_a_responsibility_goes_on_and_half_and_full_widths_close_each_other():
    assert _joined("加强监管。(责任单位:县市场监", "管局)") == ["加强监管。(责任单位:县市场监管局)"]
    assert _joined("加强监管。【牵头单位:县发", "改局;配合单位:县财政局】") == [
        "加强监管。【牵头单位:县发改局;配合单位:县财政局】"
    ]


def test_a_bracket_really_left_open_stays_as_written():
    # The next line opens an item of its own.
    assert len(_joined("整改复耕。〔县自然资源局负责", "(二)优化种植结构。〔县农业农村局负责〕")) == 2
    assert len(_joined("整改复耕。(县自然资源局负责", "二、保障措施(略)")) == 2
    # No closer on the next line before its sentence ends.
    assert len(_joined("推进城乡供水一体化(含", "农村饮水。由县水利局负责)")) == 2


def test_a_closed_bracket_at_a_lines_end_opens_nothing():
    assert len(_joined("(一)", "加强组织领导(县委办负责)。")) == 2
    assert len(_joined("各乡(街道)", "要落实属地责任(按职责)。")) == 2


def test_a_tables_rows_are_never_joined():
    assert len(_joined("1 〔县自然资", "源局〕", splittable=False)) == 2


def _notice(*items: str) -> list:
    text = "关于做好春节期间森林防火工作的紧急通知\n各乡镇人民政府:\n为做好春节期间森林防火工作,现通知如下:\n"
    text += "".join(f"{item}\n" for item in items) + "县森林防火指挥部\n"
    return parse_bytes(text.encode("utf-8"), filename="notice.txt", year=2024).tasks


def test_a_later_part_charging_the_villages_branch_and_committee_helps():
    tasks = _notice(
        "一、加强值守。各乡镇人民政府要安排专人值守,半专业队伍要随时待命;各行政村支两委要坚守岗位。",
        "二、加强巡查。各乡镇人民政府要组织巡查。",
    )
    assert (tasks[0].lead_units, tasks[0].co_units) == (["各乡镇人民政府"], ["各行政村支两委"])


def test_a_later_part_charging_posts_names_leaders_and_the_bodies_they_urge_help():
    tasks = _notice(
        "一、加强宣传。各乡镇人民政府要利用广播提醒群众,值班领导及人员还要督促各行政村落实防火宣传。",
        "二、加强巡查。各乡镇人民政府要组织巡查,值班人员要做好记录。",
        "三、加强管控。各乡镇人民政府要要求值班领导督促整改。",
    )
    assert (tasks[0].lead_units, tasks[0].co_units, tasks[0].leaders) == (
        ["各乡镇人民政府"],
        ["各行政村"],
        ["值班领导"],
    )
    assert (tasks[1].co_units, tasks[1].leaders) == ([], [])
    assert (tasks[2].co_units, tasks[2].leaders) == ([], [])
