"""The responsibility forms earlier probes left unread (docs/parsing.md), each tried as a convention of the genre.

Invented county-office items (2026-12-05): a role word standing alone after its units (`(A,牵头;B,配合)`), a
bracket of labels set off by spaces (`(牵头单位 A 配合单位 B)`), a leader's label in the bracket after a unit
(`牵头单位:A(责任人:张三)`), prose charging a unit with its helpers in a bracket (`A负责(B配合)。`), a unit that
guides (`(A指导,B负责)`), a unit and its person with a space between (`(县交通局 张三)`), an office overseeing
the item (`县政府督查室督办`), a field naming leaders and units together (`责任领导及单位:`), units doing a
supporting part (`由A负责组织实施,B做好资金保障`), and helpers in a bracket inside a labelled bracket. Prose
that looks like these forms but names no one stays as it was.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes, parse_document

_TITLE = "某县2026年城乡建设工作实施方案\n"

Read = tuple[list[str], list[str], list[str]]


def _tasks(body: str) -> list[Read]:
    parsed = parse_document(_TITLE + body, assume_year=2026)
    return [(t.lead_units, t.co_units, t.leaders) for t in parsed.tasks]


def _first(assignment: str) -> Read:
    tasks = _tasks(
        f"一、加快城乡道路建设。完成县道改造30公里。{assignment}\n二、提升公共服务水平。新建社区服务中心2个。(县民政局牵头)\n"
    )
    assert len(tasks) == 2
    assert tasks[1] == (["县民政局"], [], [])
    return tasks[0]


# (form, the item's responsibility as written, lead units, co units, leaders). The form numbers follow the
# list of leftovers in the brief (docs/parsing.md).
VARIANTS: list[tuple[int, str, Read]] = [
    # 1. A role word, or a role noun, as a part of its own after the units it assigns.
    (1, "(县交通局,牵头;县财政局,配合)", (["县交通局"], ["县财政局"], [])),
    (1, "(县交通局、县住建局,牵头;县财政局,积极配合)", (["县交通局", "县住建局"], ["县财政局"], [])),
    (1, "(县交通局,牵头单位;县财政局、县自然资源局,配合单位)", (["县交通局"], ["县财政局", "县自然资源局"], [])),
    (1, "(县交通局,负责;县财政局,配合)", (["县交通局"], ["县财政局"], [])),
    (1, "\n责任单位:县交通局,牵头;县财政局,配合", (["县交通局"], ["县财政局"], [])),
    # 2. Labels set off by spaces inside one bracket.
    (2, "(牵头单位 县交通局 配合单位 县财政局)", (["县交通局"], ["县财政局"], [])),
    (2, "（牵头单位　县交通局；配合单位　县财政局、县自然资源局）", (["县交通局"], ["县财政局", "县自然资源局"], [])),
    (2, "(责任单位 县交通局、县财政局)", (["县交通局"], ["县财政局"], [])),
    (2, "(牵头单位:县交通局 配合单位:县财政局)", (["县交通局"], ["县财政局"], [])),
    # 3. A leader's label in the bracket after a unit: the unit keeps its role, the person leads nothing but the item.
    (3, "\n牵头单位:县交通局(责任人:张三)", (["县交通局"], [], ["张三"])),
    (
        3,
        "(牵头单位:县交通局(责任人:张三);配合单位:县财政局(负责人:李四))",
        (["县交通局"], ["县财政局"], ["张三", "李四"]),
    ),
    (3, "\n牵头单位:县交通局(责任领导:王五副县长)\n配合单位:县财政局", (["县交通局"], ["县财政局"], ["王五副县长"])),
    # 4. Prose charging a unit, its helpers in a bracket right after the role word.
    (4, "县交通局负责(县财政局配合)。", (["县交通局"], ["县财政局"], [])),
    (4, "由县交通局牵头(县财政局、县住建局参与)。", (["县交通局"], ["县财政局", "县住建局"], [])),
    (4, "县交通局负责(县财政局配合),确保年底前完成。", (["县交通局"], ["县财政局"], [])),
    # 5. A unit that guides helps; the one in charge answers (and leads).
    (5, "(县住建局指导,县交通局负责)", (["县交通局"], ["县住建局"], [])),
    (5, "(县住建局指导,各乡镇负责,县财政局配合)", (["各乡镇"], ["县住建局", "县财政局"], [])),
    (5, "(县交通局负责,县住建局业务指导)", (["县交通局"], ["县住建局"], [])),
    (5, "(县交通局牵头,张三副县长指导)", (["县交通局"], [], ["张三副县长"])),  # a leader who guides leads nothing
    # 6. A unit and its person separated by a space.
    (6, "(县交通局 张三)", (["县交通局"], [], ["张三"])),
    (6, "(县交通局 张三、县财政局 李四)", (["县交通局"], ["县财政局"], ["张三", "李四"])),
    (6, "(县交通局 局长张三)", (["县交通局"], [], ["局长张三"])),
    # 7. The office overseeing the item is none of its units.
    (7, "(县交通局牵头,县财政局配合,县政府督查室督办)", (["县交通局"], ["县财政局"], [])),
    (7, "(县交通局牵头,县财政局配合;县委督查室、县政府督查室跟踪督查)", (["县交通局"], ["县财政局"], [])),
    (7, "\n责任单位:县交通局牵头,县财政局配合,县政府督查室督办", (["县交通局"], ["县财政局"], [])),
    (7, "(县交通局、县财政局,县政府督查室督办)", (["县交通局"], ["县财政局"], [])),
    (7, "(牵头单位:县交通局;配合单位:县财政局;督办单位:县政府督查室)", (["县交通局"], ["县财政局"], [])),
    (7, "(县政府督查室督办)", ([], [], [])),  # overseen, but assigned to no unit yet
    (7, "\n牵头单位:县交通局\n配合单位:县财政局\n督办单位:县政府督查室", (["县交通局"], ["县财政局"], [])),
    (7, "\n牵头单位:县交通局;配合单位:县财政局;督查科室:县政府督查室", (["县交通局"], ["县财政局"], [])),
    # 8. One field naming leaders and units: persons lead nothing but are the item's leaders.
    (8, "\n责任领导及单位:张三,县交通局", (["县交通局"], [], ["张三"])),
    (8, "\n责任领导及单位:张三副县长,县交通局、县财政局", (["县交通局"], ["县财政局"], ["张三副县长"])),
    (8, "(责任领导及责任单位:张三;县交通局)", (["县交通局"], [], ["张三"])),
    (8, "\n牵头领导和牵头单位:李四副县长、县交通局", (["县交通局"], [], ["李四副县长"])),
    (8, "\n责任单位及责任领导:县交通局、王五", (["县交通局"], [], ["王五"])),
    # 9. Units named by the supporting part they do after a unit charged with the item help.
    (9, "由县交通局负责组织实施,县财政局做好资金保障。", (["县交通局"], ["县财政局"], [])),
    (
        9,
        "由县交通局负责组织实施,县财政局做好资金保障,县自然资源局做好用地保障。",
        (["县交通局"], ["县财政局", "县自然资源局"], []),
    ),
    (9, "县交通局牵头,县财政局提供资金支持。", (["县交通局"], ["县财政局"], [])),
    (9, "(县交通局负责,各乡镇做好群众工作)", (["县交通局"], ["各乡镇"], [])),
    (9, "\n责任单位:县交通局,县财政局做好资金保障", (["县交通局"], ["县财政局"], [])),
    # 10. Helpers in a bracket after a unit of a labelled bracket keep helping.
    (10, "(责任单位:县交通局(县财政局配合))", (["县交通局"], ["县财政局"], [])),
    (10, "\n牵头单位:县交通局(县财政局、县住建局配合)", (["县交通局"], ["县财政局", "县住建局"], [])),
]

# Prose that looks like one of the forms but names no one, or names only what it did before.
NEAR_MISSES: list[tuple[int, str, Read]] = [
    (1, "各成员单位要各司其职,牵头单位要主动作为。(县交通局)", (["县交通局"], [], [])),
    (1, "(全县重点项目,牵头)", ([], [], [])),
    (2, "(牵头单位 配合单位 完成时限)", ([], [], [])),
    (3, "(责任领导:张三;牵头单位:县交通局)", (["县交通局"], [], ["张三"])),
    (4, "实行属地负责(县财政局配合)。", ([], ["县财政局"], [])),
    (4, "县交通局负责的项目(县财政局配合)。", ([], ["县财政局"], [])),
    (5, "加强技术指导,提升施工质量。(县交通局)", (["县交通局"], [], [])),
    (6, "(县交通局 县财政局)", (["县交通局"], ["县财政局"], [])),
    (8, "\n加强组织领导和部门协作:各单位要明确专人负责。", ([], [], [])),
    (9, "各地要做好资金保障,确保项目顺利实施。(县交通局)", (["县交通局"], [], [])),
    (9, "县交通局负责组织实施,全面做好安全生产工作。", ([], [], [])),
]


@pytest.mark.parametrize(("form", "assignment", "expected"), VARIANTS)
def test_the_leftover_forms_are_read(form: int, assignment: str, expected: Read) -> None:
    assert _first(assignment) == expected


@pytest.mark.parametrize(("form", "assignment", "expected"), NEAR_MISSES)
def test_prose_like_the_forms_names_no_more_than_before(form: int, assignment: str, expected: Read) -> None:
    assert _first(assignment) == expected


def test_a_bracket_of_spaced_labels_keeps_its_deadline() -> None:
    parsed = parse_document(
        _TITLE + "一、加快城乡道路建设。完成县道改造30公里。(牵头单位 县交通局 完成时限 2026年6月底)\n",
        assume_year=2026,
    )
    task = parsed.tasks[0]
    assert (task.lead_units, task.co_units) == (["县交通局"], [])
    # The 完成时限 dates the item, and its quantity with it (as `(牵头单位:A;完成时限:…)` does).
    assert {m.due_date.isoformat() for m in task.milestones if m.due_date} == {"2026-06-30"}


def test_a_bracket_of_spaced_labels_in_a_text_file() -> None:
    # A text file as a county office saves it, with ideographic spaces between each label and its value.
    text = (
        _TITLE + "一、道路建设\n1.完成县道改造30公里。（牵头单位　县交通局　配合单位　县财政局）\n"
        "2.新建社区服务中心2个。（牵头单位　县民政局）\n"
    )
    parsed = parse_bytes(text.encode("utf-8"), filename="方案.txt", assume_year=2026)
    assert [(t.lead_units, t.co_units) for t in parsed.tasks] == [(["县交通局"], ["县财政局"]), (["县民政局"], [])]


def test_an_item_opening_with_its_charge_names_the_supporting_units() -> None:
    tasks = _tasks(
        "一、道路建设\n1.由县交通局负责组织实施,县财政局做好资金保障,完成县道改造30公里。\n"
        "2.新建社区服务中心2个。(县民政局牵头)\n"
    )
    assert tasks == [(["县交通局"], ["县财政局"], []), (["县民政局"], [], [])]


def test_an_overseeing_office_opening_its_own_item_is_charged_with_it() -> None:
    # `县政府督查室要…` is the office's own work, read as before.
    tasks = _tasks(
        "一、加快城乡道路建设\n(一)完成县道改造30公里。(县交通局牵头,县政府督查室督办)\n"
        "(二)强化督查考核。县政府督查室要定期督查,通报工作进展。\n"
    )
    assert tasks == [(["县交通局"], [], []), (["县政府督查室"], [], [])]


def test_a_table_column_of_the_overseeing_office_names_no_unit() -> None:
    body = (
        "序号\t工作任务\t牵头单位\t配合单位\t督办单位\t完成时限\n"
        "1\t完成县道改造30公里\t县交通局\t县财政局\t县政府督查室\t2026年6月底\n"
        "2\t新建社区服务中心2个\t县民政局\t县住建局\t县政府督查室\t2026年10月底\n"
    )
    parsed = parse_document("某县2026年重点工作任务分解表\n" + body, assume_year=2026)
    assert [(t.lead_units, t.co_units) for t in parsed.tasks] == [
        (["县交通局"], ["县财政局"]),
        (["县民政局"], ["县住建局"]),
    ]
