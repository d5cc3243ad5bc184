"""Conventions met in blind round 26 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it (吉林市's 2021 政务公开
工作要点及重点任务分工). At the round's first look the parser read an item whose bracket closes with
`按照职能分别落实` (each by its own functions) as naming no unit: only `按职责分工负责` and its kin were
known as the words that end a unit list.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.units import read_responsibility, roles_in_words


def _rows(text: str, year: int = 2024) -> list[tuple[str, list[str], list[str]]]:
    doc = parse_bytes(text.encode(), filename="doc.txt", year=year)
    return [(t.label, t.lead_units, t.co_units) for t in doc.tasks]


_BY_FUNCTIONS = """某市2024年政务公开工作要点及重点任务分工
一、强化基础性信息公开
(一)做好主动公开目录的动态调整，及时更新办事指南。〔各县(市)区人民政府，开发区管委会，市政府各部门按照职能分别落实〕
(二)规范依申请公开办理流程。(市政府办公室、市司法局按职能分工负责)
(三)加强政府网站信息内容建设。(市政务服务和数字化建设管理局、各县(市)区人民政府分别落实)
"""


def test_a_list_closed_by_按照职能分别落实_is_a_plain_list_whose_first_unit_leads():
    # 职能 (functions) for 职责 (duties), 分别 (each) before the verb: how the units share the work, no unit.
    assert _rows(_BY_FUNCTIONS) == [
        ("(一)", ["各县(市)区人民政府"], ["开发区管委会", "市政府各部门"]),
        ("(二)", ["市政府办公室"], ["市司法局"]),
        ("(三)", ["市政务服务和数字化建设管理局"], ["各县(市)区人民政府"]),
    ]


def test_the_remit_words_name_no_unit_and_keep_the_old_forms():
    for words in ("按照职能分别落实", "按职能分工负责", "按照各自职责落实", "按职责分工负责", "分别落实"):
        found = read_responsibility(f"(市财政局、市审计局{words})")
        units = [u for names in found.roles.values() for u in names]
        assert units == ["市财政局", "市审计局"], words


def test_a_unit_cell_closed_by_the_remit_words_names_its_roles_in_words():
    # A table's 责任单位 cell `A、B按照职能分别落实` reads as `A、B按职责分工负责` does.
    assert roles_in_words("市财政局、市审计局按照职能分别落实") == roles_in_words("市财政局、市审计局按职责分工负责")
    assert roles_in_words("市财政局、市审计局") is None
