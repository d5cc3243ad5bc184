"""A table flattened a cell a line numbers its rows by a serial cell alone on its line; rows in which no clause
starts are marked 待核对 (`serial_rows`, called from `list_doubts`). The made-up readings are first-look
misreadings of the kind blind rounds 90 and 97 left unmarked (a catalogue's rows run into its first one, rows read
as the table's header); the near cases are right readings that must raise nothing."""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.clause_doubts import is_doubt
from policy_tasks.parsing.list_doubts import list_doubts
from policy_tasks.parsing.result import ParsedDocument, ParsedTask
from policy_tasks.parsing.serial_rows import SIGN

HEAD = ["重点项目责任分解表", "序号", "项目", "建设内容", "责任单位"]
ROWS = [
    ["1", "完善交通设施", "实施滨江路提升改造工程。", "区住建局"],
    ["2", "提升防洪能力", "实施中心河道整治工程。", "区农业农村局"],
    ["3", "加大安居保障", "新建保障性租赁住房一千套。", "区房管局"],
    ["4", "改善农村道路", "新改建农村公路二十公里。", "区交通运输局"],
]


def _text(rows: list[list[str]] = ROWS, head: list[str] = HEAD) -> str:
    return "\n".join(head + [cell for row in rows for cell in row])


def _reading(text: str, clauses: list[tuple[int, str, str]]) -> ParsedDocument:
    """A parse of `text` that read only `clauses` (line, label, text): the misreading to be marked."""
    tasks = [
        ParsedTask(n, body[:10], None, ["区住建局"], [], [], body, [], line, label=label)
        for n, (line, label, body) in enumerate(clauses, start=1)
    ]
    return ParsedDocument("", "", None, 2024, [], [], tasks, [], None)


def _marks(text: str, clauses: list[tuple[int, str, str]]) -> list[str]:
    lines = [(line, False) for line in text.split("\n")]
    return [w.message for w in list_doubts(lines, _reading(text, clauses)) if SIGN in w.message]


def test_rows_after_the_one_read_are_marked_once():
    found = _marks(_text(), [(6, "1", "完善交通设施。实施滨江路提升改造工程。")])
    assert found == ["第10行起序号为“2”至“4”的表格行未单独读作条款,请核对 (table rows numbered as no clause)"]
    assert is_doubt(found[0])


def test_rows_run_into_a_clause_starting_above_the_table_are_marked():
    glued = "项目。完善交通设施。实施滨江路提升改造工程。区住建局。提升防洪能力。实施中心河道整治工程。"
    found = _marks(_text(), [(3, "1", glued)])
    assert [m.split("的")[0] for m in found] == ["第6行起序号为“1”至“4”"]


def test_rows_going_on_from_clauses_read_with_their_numbers_are_marked():
    head = [
        "重点项目责任分解表",
        "1. 完善交通设施。实施滨江路提升改造工程。",
        "2. 提升防洪能力。实施中心河道整治工程。",
    ]
    text = _text(ROWS[2:], head)
    found = _marks(text, [(2, "1", "完善交通设施。"), (3, "2", "提升防洪能力。")])
    assert [m.split("的")[0] for m in found] == ["第4行起序号为“3”至“4”"]


def test_rows_each_read_as_a_clause_raise_nothing():
    clauses = [(6 + 4 * k, row[0], row[1] + "。" + row[2]) for k, row in enumerate(ROWS)]
    assert _marks(_text(), clauses) == []


def test_rows_naming_no_unit_raise_nothing():
    figures = [[str(k), f"指标{k}", f"全年增长{k}个百分点以上", f"{k}0"] for k in range(1, 5)]
    assert _marks(_text(figures), [(1, "1", "重点项目责任分解表")]) == []


def test_a_table_restating_clauses_above_it_raises_nothing():
    prose = [f"{k}. {row[1]}。{row[2]}由{row[3]}负责。" for k, row in enumerate(ROWS, start=1)]
    text = "\n".join(prose + ["附表"] + HEAD[1:] + [cell for row in ROWS for cell in row])
    clauses = [(k, str(k), ROWS[k - 1][1] + "。" + ROWS[k - 1][2]) for k in range(1, 5)]
    assert _marks(text, clauses) == []


def test_two_bare_numbers_are_no_table():
    assert _marks(_text(ROWS[:2]), [(1, "1", "重点项目责任分解表")]) == []


def test_a_numbered_list_read_right_raises_nothing():
    text = "\n".join(
        [
            "关于印发2024年重点工作任务分解的通知",
            "一、加快交通建设",
            "1.实施滨江路提升改造工程。(责任单位:区住建局)",
            "2.实施中心河道整治工程。(责任单位:区农业农村局)",
            "3.新建保障性租赁住房一千套。(责任单位:区房管局)",
        ]
    )
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2024)
    assert len(doc.tasks) == 3
    assert [w.message for w in doc.warnings if SIGN in w.message] == []


def test_clauses_labelled_by_circled_numbers_are_no_serials():
    """`①` is a digit to str.isdigit but no number to int(): such labels carry no run on."""
    clauses = [(6, "①", "完善交通设施。"), (10, "②", "提升防洪能力。")]
    assert len(_marks(_text(), clauses)) == 1
