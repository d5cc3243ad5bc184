"""Where and how an item names who answers for it, beyond the wordings of `test_role_wordings.py`.

Each form below was found read wrong by trying the genre's common variants on invented documents
(2026-12-05): helpers in a bracket after a unit (`A(B配合)`), a lead marked by a triangle or an
asterisk, a leader before the units of a bare bracket, a unit in 【】 opening the item, units signing
the item after a dash, a bracket of units beside one of its time, a bare list closing in its time,
helpers after `按职责分工负责`, the pairs `A承办,B协办` / `A主办,B会办`, bare `主责:` / `协助:` labels, a
`督导领导:`, and units written with spaces in a flattened table's unit cell. The prose that looks like
these forms but names no one stays as it was.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes, parse_document

_TITLE = "某县2026年城乡建设工作实施方案\n"


def _tasks(body: str) -> list[tuple[list[str], list[str], list[str]]]:
    parsed = parse_document(_TITLE + body, assume_year=2026)
    return [(t.lead_units, t.co_units, t.leaders) for t in parsed.tasks]


def _first(assignment: str) -> tuple[list[str], list[str], list[str]]:
    tasks = _tasks(
        f"一、加快城乡道路建设。完成县道改造30公里。{assignment}\n二、提升公共服务水平。新建社区服务中心2个。(县民政局牵头)\n"
    )
    assert len(tasks) == 2
    return tasks[0]


@pytest.mark.parametrize(
    ("assignment", "co"),
    [
        ("(责任单位:县交通局(县财政局配合))", ["县财政局"]),
        ("(县交通局(县财政局协助))", ["县财政局"]),
        ("\n责任单位:县交通局(县财政局、县自然资源局配合)", ["县财政局", "县自然资源局"]),
    ],
)
def test_helpers_in_a_bracket_after_a_unit_help(assignment: str, co: list[str]) -> None:
    assert _first(assignment) == (["县交通局"], co, [])


def test_a_units_other_name_in_its_bracket_is_no_helper() -> None:
    assert _first("(责任单位:区经信局(商务局))") == (["区经信局"], [], [])


@pytest.mark.parametrize(
    ("note", "first", "second"),
    [
        ("(标△的为牵头单位)\n", "(县财政局、县交通局△)", "(县民政局△、县财政局)"),
        ("注:带▲的为牵头单位。\n", "(县财政局、▲县交通局)", "(▲县民政局、县财政局)"),
        ("注:标*的为牵头单位。\n", "(县财政局、县交通局*)", "(县民政局*、县财政局)"),
        ("", "(县财政局、县交通局〔牵头〕)", "(县民政局[牵头]、县财政局)"),
    ],
)
def test_a_marked_unit_leads(note: str, first: str, second: str) -> None:
    body = f"{note}一、加快城乡道路建设。完成县道改造30公里。{first}\n二、提升公共服务水平。新建社区服务中心2个。{second}\n"
    assert _tasks(body) == [(["县交通局"], ["县财政局"], []), (["县民政局"], ["县财政局"], [])]


def test_a_triangle_opening_a_line_is_a_bullet() -> None:
    body = "一、基础设施\n△加快推进县道改造30公里。(县交通局)\n△新建社区服务中心2个。(县民政局)\n"
    assert _tasks(body) == [(["县交通局"], [], []), (["县民政局"], [], [])]


def test_a_leader_before_the_units_of_a_bare_bracket_is_a_leader() -> None:
    body = (
        "一、加快城乡道路建设。完成县道改造30公里。(张三副县长,县交通局)\n"
        "二、提升公共服务水平。新建社区服务中心2个。(李四副县长,县民政局、县财政局)\n"
    )
    assert _tasks(body) == [(["县交通局"], [], ["张三副县长"]), (["县民政局"], ["县财政局"], ["李四副县长"])]


def test_a_bracket_of_a_person_alone_names_no_unit() -> None:
    assert _first("(张三)") == ([], [], [])


def test_a_unit_in_square_brackets_opening_the_item_owns_it() -> None:
    body = "1.【县交通局】完成县道改造30公里,10月底前完工。\n2.【县民政局、县财政局】新建社区服务中心2个。\n"
    assert _tasks(body) == [(["县交通局"], [], []), (["县民政局"], ["县财政局"], [])]


def test_a_headline_in_square_brackets_is_no_unit() -> None:
    body = "1.【重点任务】完成县道改造30公里。(县交通局)\n2.【民生实事】新建社区服务中心2个。(县民政局)\n"
    assert _tasks(body) == [(["县交通局"], [], []), (["县民政局"], [], [])]


@pytest.mark.parametrize("dash", ["——", "—", "--"])
def test_units_after_a_dash_closing_the_item_answer_for_it(dash: str) -> None:
    body = (
        f"1.完成县道改造30公里,10月底前完工。{dash}县交通局\n2.新建社区服务中心2个。{dash}县民政局牵头,县财政局配合\n"
    )
    assert _tasks(body) == [(["县交通局"], [], []), (["县民政局"], ["县财政局"], [])]


@pytest.mark.parametrize(
    "body",
    [
        "1.深化改革——以数字政府建设为抓手,推进一网通办。(县政务服务中心)\n2.新建社区服务中心2个。(县民政局)\n",
        "1.推进一网通办——让群众少跑腿\n2.新建社区服务中心2个。(县民政局)\n",
    ],
)
def test_a_dash_in_prose_names_no_one(body: str) -> None:
    assert _tasks(body)[1] == (["县民政局"], [], [])
    assert _tasks(body)[0][0] in ([], ["县政务服务中心"])


@pytest.mark.parametrize(
    "body",
    [
        "1.完成县道改造30公里。(县交通局)(2026年6月底前)\n2.新建社区服务中心2个。(县民政局、县财政局)(2026年12月底前)\n",
        "1.完成县道改造30公里。(2026年6月底前)(县交通局)\n2.新建社区服务中心2个。(2026年12月底前)(县民政局、县财政局)\n",
    ],
)
def test_a_bracket_of_units_beside_a_bracket_of_its_time(body: str) -> None:
    parsed = parse_document(_TITLE + body, assume_year=2026)
    assert [(t.lead_units, t.co_units) for t in parsed.tasks] == [(["县交通局"], []), (["县民政局"], ["县财政局"])]
    assert "2026-06-30" in [str(m.due_date) for m in parsed.tasks[0].milestones]


@pytest.mark.parametrize(
    ("assignment", "co"),
    [
        ("(县交通局,2026年6月底前)", []),
        ("(县交通局;2026年6月底前)", []),
        ("(县交通局、县财政局,6月底前完成)", ["县财政局"]),
    ],
)
def test_a_bare_list_closing_in_its_time(assignment: str, co: list[str]) -> None:
    parsed = parse_document(
        _TITLE + f"一、加快城乡道路建设。完成县道改造30公里。{assignment}\n二、提升公共服务水平。(县民政局)\n",
        assume_year=2026,
    )
    task = parsed.tasks[0]
    assert (task.lead_units, task.co_units) == (["县交通局"], co)
    assert "2026-06-30" in [str(m.due_date) for m in task.milestones]


def test_a_bracket_of_a_time_alone_names_no_unit() -> None:
    assert _first("(2026年6月底前)") == ([], [], [])


@pytest.mark.parametrize(
    "assignment",
    [
        "(县交通局、县财政局按职责分工负责,县自然资源局配合)",
        "\n责任单位:县交通局、县财政局按职责分工负责,县自然资源局配合",
    ],
)
def test_helpers_after_a_shared_remit_help(assignment: str) -> None:
    assert _first(assignment) == (["县交通局"], ["县财政局", "县自然资源局"], [])


@pytest.mark.parametrize(
    "assignment",
    [
        "(县交通局承办,县财政局协办)",
        "(县交通局主办,县财政局会办)",
        "\n主责:县交通局 协同:县财政局",
        "(主责:县交通局;协助:县财政局)",
    ],
)
def test_a_handling_pair_and_short_labels(assignment: str) -> None:
    assert _first(assignment) == (["县交通局"], ["县财政局"], [])


def test_a_supervising_leader_label_names_a_leader() -> None:
    assert _first("(县交通局牵头,县财政局配合;督导领导:张三)") == (["县交通局"], ["县财政局"], ["张三"])


def test_a_unit_cell_written_with_spaces_keeps_all_its_units() -> None:
    body = (
        "序号 重点任务 责任单位 完成时限\n"
        "1 县道改造30公里 县交通局(牵头) 县财政局 县自然资源局 2026年10月底前\n"
        "2 新建社区服务中心2个 县民政局(牵头) 县住建局 2026年12月底前\n"
    )
    assert _tasks(body) == [(["县交通局"], ["县财政局", "县自然资源局"], []), (["县民政局"], ["县住建局"], [])]


def test_a_task_keeps_its_words_before_the_unit_cell() -> None:
    body = (
        "序号 重点任务 责任单位 完成时限\n"
        "1 配合县交通局 做好县道改造 县财政局 2026年10月底前\n"
        "2 新建社区服务中心2个 县民政局 2026年12月底前\n"
    )
    assert _tasks(body) == [(["县财政局"], [], []), (["县民政局"], [], [])]


@pytest.mark.parametrize(
    "assignment",
    [
        "(县交通局牵头负责,县财政局等单位积极配合)",
        "(县交通局牵头,县财政局协调配合)",
        "(县交通局牵头,县财政局共同参与)",
        "(县交通局牵头,县财政局参与配合)",
        "(县交通局牵头,县财政局配合支持)",
        "(县交通局牵头,县财政局支持)",
        "(县交通局牵头,县财政局协作)",
        "(县交通局负责牵头,县财政局配合)",
        "(县交通局为主,县财政局配合)",
        "(县交通局统筹,县财政局配合)",
        "(县交通局牵头,会同县财政局)",
        "由县交通局牵头,会同县财政局推进。",
    ],
)
def test_the_role_words_offices_vary(assignment: str) -> None:
    assert _first(assignment) == (["县交通局"], ["县财政局"], [])


def test_the_places_carrying_it_out_in_detail_help() -> None:
    assert _first("(县交通局牵头,各乡镇(街道)负责具体实施)") == (["县交通局"], ["各乡镇街道"], [])


@pytest.mark.parametrize(
    "sentence",
    ["要加强统筹,协同配合,形成合力。", "坚持以政府投入为主,社会资本积极参与。", "各部门要大力支持,积极配合。"],
)
def test_role_words_in_prose_name_no_one(sentence: str) -> None:
    assert _first(sentence) == ([], [], [])


@pytest.mark.parametrize(
    "remit",
    ["各负其责", "各司其职", "按职能职责分工负责", "依职责负责", "根据职责分工落实", "依据职能落实"],
)
def test_units_each_minding_their_own_part_help_the_lead(remit: str) -> None:
    assert _first(f"(县交通局牵头,县财政局、县自然资源局{remit})") == (
        ["县交通局"],
        ["县财政局", "县自然资源局"],
        [],
    )


def test_a_list_minding_its_own_parts_is_led_by_its_first() -> None:
    assert _first("(县交通局、县财政局各负其责)") == (["县交通局"], ["县财政局"], [])


@pytest.mark.parametrize(
    "assignment",
    [
        "(县财政局、县交通局,其中县交通局牵头)",
        "(责任单位:县财政局、县交通局,县交通局为牵头单位)",
        "\n责任单位:县财政局、县交通局,其中县交通局牵头",
    ],
)
def test_the_lead_named_among_the_listed_units_leads(assignment: str) -> None:
    assert _first(assignment) == (["县交通局"], ["县财政局"], [])


@pytest.mark.parametrize(
    "assignment",
    [
        "\n责任单位:县交通局  责任人:张三  联系电话:0000-1234567",
        "\n责任单位:县交通局 责任人:张三 联系人:李四 手机:13800000000",
        "(县交通局,负责人:张三)",
    ],
)
def test_the_person_answering_and_a_contact_line(assignment: str) -> None:
    assert _first(assignment) == (["县交通局"], [], ["张三"])


@pytest.mark.parametrize(
    ("assignment", "expected"),
    [
        ("(张三同志牵头,县交通局负责)", (["县交通局"], [], ["张三同志"])),
        ("(县委常委、副县长张三;县交通局、县财政局)", (["县交通局"], ["县财政局"], ["县委常委、副县长张三"])),
    ],
)
def test_a_person_by_any_form_of_address_is_a_leader(
    assignment: str, expected: tuple[list[str], list[str], list[str]]
) -> None:
    assert _first(assignment) == expected


@pytest.mark.parametrize(
    ("assignment", "expected"),
    [
        ("(县第一中学)", (["县第一中学"], [], [])),
        ("(县实验小学、县中心幼儿园)", (["县实验小学"], ["县中心幼儿园"], [])),
        ("(县“五水共治”办牵头,县5G办配合)", (["县“五水共治”办"], ["县5G办"], [])),
        ("(XX县A区管委会、县12345政务服务热线管理中心)", (["XX县A区管委会"], ["县12345政务服务热线管理中心"], [])),
    ],
)
def test_units_named_with_figures_letters_quotes_and_schools(
    assignment: str, expected: tuple[list[str], list[str], list[str]]
) -> None:
    assert _first(assignment) == expected


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("以上工作由县交通局牵头,县财政局配合。", (["县交通局"], ["县财政局"], [])),
        ("上述任务均由县交通局负责。", (["县交通局"], [], [])),
        ("以上2项任务由县交通局负责。", (["县交通局"], [], [])),
    ],
)
def test_a_sentence_closing_a_sections_items_assigns_them(
    closing: str, expected: tuple[list[str], list[str], list[str]]
) -> None:
    body = (
        f"一、交通建设\n1.完成县道改造30公里。\n2.新建公交站10个。\n{closing}\n"
        "二、社会事业\n1.新建社区服务中心2个。(县民政局)\n2.改造敬老院3所。(县民政局)\n"
    )
    assert _tasks(body)[0] == expected


def test_roles_written_a_unit_a_line_in_a_table_cell() -> None:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("某县2026年城乡建设重点任务清单")
    rows = [
        ("序号", "重点任务", "责任单位", "完成时限"),
        ("1", "县道改造30公里", "县交通局牵头\n县财政局、县自然资源局配合", "2026年10月底前"),
        ("2", "新建社区服务中心2个", "县民政局牵头\n县住建局参与", "2026年12月底前"),
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    data = io.BytesIO()
    document.save(data)
    parsed = parse_bytes(data.getvalue(), filename="清单.docx", assume_year=2026)
    assert [(t.lead_units, t.co_units) for t in parsed.tasks] == [
        (["县交通局"], ["县财政局", "县自然资源局"]),
        (["县民政局"], ["县住建局"]),
    ]


def test_roles_with_a_space_between_them_in_a_bracket() -> None:
    assert _first("(县交通局牵头 县财政局配合)") == (["县交通局"], ["县财政局"], [])


@pytest.mark.parametrize(
    ("assignment", "co", "leaders"),
    [
        ("\n牵头单位:县交通局(张三)", [], ["张三"]),
        ("(县交通局(局长张三))", [], ["局长张三"]),
        ("\n责任单位:县交通局(张三)、县财政局(李四)", ["县财政局"], ["张三", "李四"]),
    ],
)
def test_a_person_in_a_bracket_after_a_unit_answers_for_it(assignment: str, co: list[str], leaders: list[str]) -> None:
    assert _first(assignment) == (["县交通局"], co, leaders)


@pytest.mark.parametrize(
    "assignment",
    [
        "\n责任单位:县交通局(牵头),县财政局(配合)",
        "\n责任单位:县交通局(主责)、县财政局(协同)",
        "(县交通局(牵头)、县财政局(配合))",
    ],
)
def test_a_role_mark_in_a_bracket_after_a_unit_is_no_person(assignment: str) -> None:
    assert _first(assignment) == (["县交通局"], ["县财政局"], [])


@pytest.mark.parametrize(
    "assignment",
    [
        "(县交通局会同县财政局、县自然资源局落实)",
        "(由县交通局会同县财政局、县自然资源局推进)",
        "(县交通局会同县财政局、县自然资源局)",
    ],
)
def test_a_unit_calling_in_others_in_a_bracket_leads(assignment: str) -> None:
    assert _first(assignment) == (["县交通局"], ["县财政局", "县自然资源局"], [])


@pytest.mark.parametrize("alias", ["医保", "地震", "外事"])
def test_a_short_other_name_in_a_bracket_after_a_unit_is_no_person(alias: str) -> None:
    doc = (
        "某县2026年城乡建设工作实施方案\n"
        f"一、加快城乡道路建设。完成县道改造30公里。\n责任单位:县人社局({alias})、县财政局\n"
        "二、提升公共服务水平。(县民政局牵头)\n"
    )
    task = parse_document(doc, assume_year=2026).tasks[0]
    assert task.leaders == []
    assert task.co_units == ["县财政局"]


def test_the_bracket_moved_out_into_a_sentence_after_the_item() -> None:
    """`…。由A负责。` / `…。A牵头,B、…、K配合。`: a sentence of its own that is only the assignment."""
    helpers = [f"县{name}局" for name in "财政 民政 水利 农业 林业 商务 文旅 卫健 应急 统计 审计".split()]
    assert _first("由县交通局负责。") == (["县交通局"], [], [])
    assert _first("县交通局、县财政局负责。") == (["县交通局"], ["县财政局"], [])
    helped = (["县交通局"], [*helpers, "各乡镇街道"], [])
    assert _first(f"由县交通局牵头,{'、'.join(helpers)}、各乡镇(街道)配合。") == helped  # past sixty characters
    # How the work is done, or a task before 由, names no unit of the item's.
    assert _first("由企业自行负责。") == _first("其余工作由县交通局负责。") == ([], [], [])
