"""Conventions met in blind round 121 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it: a 政务公开 提示单 whose task list is a web
table flattened a cell a line behind ` |` markers, its header cells spaced out to fill them, empty `|` / `|||||` padding
lines, a group heading over a row whose number is joined to its task cell (`1.…公开 |`), the 具体要求 cell holding its
own `1.…2.…` points, and the row's deadline written under 备注 (`11月底前完成`); a stored page that stops after that row
leaves a single numbered task; a department's 工作要点 charging a task force (`专班`) it set up, and a sharing site's
preview chrome (`29.51KB`) above it, which the corpus rewrites must leave as written.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.column_meanings import DUE, LISTED, NOTE, TITLE, meaning
from policy_tasks.parsing.numbered_cell_rows import rows_by_task_numbers
from policy_tasks.parsing.remark_deadlines import remark_deadlines
from tests.parsing import convention_swaps, numbering_swaps


def _parse(text: str, year: int = 2023):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _read(doc) -> list[tuple[str, list[str], list[str], list[str]]]:
    return [
        (t.label, list(t.lead_units), list(t.co_units), [str(m.due_date) for m in t.milestones if m.due_date])
        for t in doc.tasks
    ]


# --- a lone numbered row of a ` |` stream, its deadline under 备注 -----------------------------------------------

_HEAD = """某县政务公开办公室关于做好2023年三季度政务公开重点工作的提示
各乡镇人民政府,县直各单位:
现将2023年三季度政务公开重点工作任务提示如下,请对照抓好落实。
2023年7月3日
2023年三季度政务公开重点工作任务提示单
工 作 任 务 |
具 体 要 求 |
责 任 单 位 |
完 成 情 况 |
备 注 |
||
一、季度专项工作 |
|
|||||
"""

_ROW_1 = """1.政府信息公开指南更新 |
1.对照最新机构职能更新本单位公开指南。2.在县政府网站公开专栏同步发布。3.更新情况报县政务公开办备案。 |
县直各单位,各乡镇人民政府 |
未开始 |
8月底前完成 |
||
"""

_ROW_2 = """2.政策解读质量提升 |
1.重要政策文件与解读材料同步起草。2.解读形式不少于两种。 |
县司法局、县政府办 |
推进中 |
9月底前完成 |
||
"""


def test_a_lone_numbered_row_is_read_with_its_remark_deadline():
    doc = _parse(_HEAD + _ROW_1)
    assert _read(doc) == [("1", ["县直各单位"], ["各乡镇人民政府"], ["2023-08-31"])]
    # The row's own `1.…2.…3.` points stay its text: no clause of their own.
    assert "2.在县政府网站公开专栏同步发布" in doc.tasks[0].text


def test_two_numbered_rows_read_as_before():
    assert _read(_parse(_HEAD + _ROW_1 + _ROW_2)) == [
        ("1", ["县直各单位"], ["各乡镇人民政府"], ["2023-08-31"]),
        ("2", ["县司法局"], ["县政府办"], ["2023-09-30"]),
    ]


_HEADER = ["工作任务", "具体要求", "责任单位", "完成情况", "备注"]


def test_a_lone_numbered_row_near_cases():
    row = ["1.政府信息公开指南更新", "1.对照…更新。2.在…发布。", "县直各单位", "未开始", "8月底前完成"]
    assert rows_by_task_numbers([*_HEADER, "一、季度专项工作", *row]) == [_HEADER, ["一、季度专项工作"], row]
    # An unnumbered task whose 具体要求 opens with `1.`: the `1.` is the cell's own point, no row's start.
    assert rows_by_task_numbers([*_HEADER, "政府信息公开指南更新", *row[1:]]) is None
    # More cells after the lone number than the header has columns: unnumbered rows follow, not one row.
    assert rows_by_task_numbers([*_HEADER, *row, "政策解读质量提升", "县司法局"]) is None
    # A cell before the number that names no column (an annex mark caught in the stream): not a header for sure.
    assert rows_by_task_numbers(["附表", *_HEADER, *row]) is None
    # The task alone, nothing after it in its row.
    assert rows_by_task_numbers([*_HEADER, "1.政府信息公开指南更新"]) is None


# --- a 备注 column of deadlines -----------------------------------------------------------------------------------


def _kinds(cells: list[str], header: list[str] | None = None) -> list[str | None]:
    header = header or _HEADER
    kinds = [meaning(h) for h in header]
    rows = [["任务", "要求", "县财政局", "推进中", c] for c in cells]
    return remark_deadlines(kinds, rows, header)


def test_remark_cells_of_deadlines_are_the_deadline_column():
    assert meaning("备注") == NOTE
    assert _kinds(["11月底前完成", "年底前", "2023年12月20日前完成", "12月底"]) == [TITLE, "content", LISTED, NOTE, DUE]
    assert _kinds(["9月30日前办结。"])[-1] == DUE


def test_remark_cells_near_cases():
    # Any other note in the column keeps it notes.
    assert _kinds(["11月底前完成", "已完成"])[-1] == NOTE
    assert _kinds(["省考核指标"])[-1] == NOTE
    # An ongoing or recurring time is no deadline; a date that does not say done by it tells when something happens.
    assert _kinds(["持续推进"])[-1] == NOTE
    assert _kinds(["每月"])[-1] == NOTE
    assert _kinds(["11月中旬"])[-1] == NOTE
    assert _kinds(["11月中旬开展测评"])[-1] == NOTE
    # Beside a deadline column a date under 备注 explains: it stays a note.
    header = ["工作任务", "具体要求", "完成时限", "备注", "责任单位"]
    kinds = remark_deadlines(
        [meaning(h) for h in header], [["任务", "要求", "年底前", "11月底前完成", "县财政局"]], header
    )
    assert kinds[3] == NOTE
    # Only a column named 备注: a progress column's dates report work done (README round 83).
    header = ["工作任务", "具体要求", "责任单位", "完成情况"]
    kinds = remark_deadlines([meaning(h) for h in header], [["任务", "要求", "县财政局", "10月底前完成"]], header)
    assert kinds[3] == NOTE


# --- a task force (专班) charged in a sentence; a preview's file size ------------------------------------------


_POINTS = """某市教育局2023年工作要点
一、推进教育强市建设
1.推进教育强市建设。成立市、县两级教育强市建设推进专班,制定实施方案。(责任单位:市教育局)
2.建设智慧校园。完成全市中小学校园网络升级。由市教育信息化建设专班负责。
3.深化集团化办学。由市教育集团化改革工作专班牵头,各县区教育局配合。
"""


def test_a_task_force_charged_in_a_sentence_is_a_unit():
    assert [(t.label, list(t.lead_units), list(t.co_units)) for t in _parse(_POINTS).tasks] == [
        ("1", ["市教育局"], []),  # the 专班 the item sets up is its work, not who answers for it
        ("2", ["市教育信息化建设专班"], []),
        ("3", ["市教育集团化改革工作专班"], ["各县区教育局"]),
    ]


def test_the_rewrites_leave_a_preview_file_size_as_written():
    text = "市教育局2023年工作要点\n29.51KB\n一、推进教育强市建设\n1.推进教育强市建设。\n2.建设智慧校园。\n"
    gold = [{"ref": "一.1", "start": "推进教育强市建设"}, {"ref": "一.2", "start": "建设智慧校园"}]
    assert numbering_swaps.clause_styles("circled")(text, gold).splitlines()[1:5:2] == [
        "29.51KB",
        "①推进教育强市建设。",
    ]
    assert convention_swaps.clause_numbers("1)")(text, gold).splitlines()[1:5:2] == ["29.51KB", "1)推进教育强市建设。"]
