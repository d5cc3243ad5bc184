"""Layouts the source probes met on round 87's documents (session 28), each on made-up documents.

- An inspection notice's problem list under place headings (`place_headings`) counted through the whole list
  (`5.` under the second place), as Word's automatic numbering draws it and as some offices type it.
- A heading row merged across an RTF table, which Word writes as one cell as wide as the table (`sources/rtf.py`):
  its text in every column, as the other readers give a merged cell.
- A target letter's title under a portal's breadcrumbs and links (`letter_titles`, `page_tail.page_mark`).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.place_headings import place_blocks
from policy_tasks.parsing.sources import read_source
from policy_tasks.parsing.sources.rtf import spread_by_edges
from tests.sources.builders import docx_bytes
from tests.sources.more_formats import rtf_table_of
from tests.sources.word_numbering import word_numbered_docx

# --- Place headings over problems counted through the list -------------------------------------------------------

_INTRO = "近日,县创城办对城区各社区开展暗访督查,现将发现的问题通报如下:"


def _places(*places: tuple[str, list[str]], through: bool = True, mark: str = "、") -> str:
    lines, count = [_INTRO], 0
    for heading, problems in places:
        lines.append(heading)
        for k, problem in enumerate(problems, 1):
            count = count + 1 if through else k
            lines.append(f"{count}{mark}{problem}")
    return "\n".join(lines)


_LIST = (
    ("城东社区(责任单位:城关镇城东社区居委会)", ["便民服务大厅无人值守", "垃圾桶满溢未清运"]),
    ("城西社区:(责任单位:城关镇城西社区居委会)", ["背街小巷车辆乱停", "公益广告破损", "楼道堆放杂物"]),
    ("县政务服务中心(责任单位:县政务服务管理局)", ["无障碍通道被占用"]),
)
_READ = [
    ("1", ["城关镇城东社区居委会"], "城东社区"),
    ("2", ["城关镇城西社区居委会"], "城西社区"),
    ("3", ["县政务服务管理局"], "县政务服务中心"),
]


def _read(parsed) -> list[tuple[str, list[str], str]]:
    return [(t.label, t.lead_units, t.text.split("(")[0].split(":")[0]) for t in parsed.tasks]


def test_problems_counted_through_the_list_under_place_headings_read_by_place():
    for mark in ("、", "."):
        parsed = parse_bytes(_places(*_LIST, mark=mark).encode(), filename="list.txt", year=2024)
        assert _read(parsed) == _READ
        assert "背街小巷车辆乱停" in parsed.tasks[1].text and "无障碍通道" not in parsed.tasks[1].text


def test_the_same_list_numbered_by_words_automatic_numbering_reads_by_place():
    # Word counts a level on across the unnumbered place headings: the second place's problems are drawn 3., 4., 5.
    data = word_numbered_docx(_places(*_LIST, through=False))
    assert data is not None
    source = read_source(data, "list.docx")
    assert "3. 背街小巷车辆乱停" in source.text
    assert _read(parse_bytes(data, filename="list.docx", year=2024)) == _READ


def test_a_count_started_again_under_one_place_and_carried_under_another_reads_too():
    text = _places(*_LIST[:2]) + "\n" + "县政务服务中心(责任单位:县政务服务管理局)\n1、无障碍通道被占用"
    assert _read(parse_bytes(text.encode(), filename="list.txt", year=2024)) == _READ


def _unread(text: str) -> bool:
    """Whether `place_headings` leaves the lines as they are (the list not read by places)."""
    lines = [(line, True) for line in text.splitlines()]
    return place_blocks(lines, list(range(1, len(lines) + 1)))[0] == lines


def test_a_place_whose_count_skips_is_no_count_through_the_list():
    # Near miss: the second place's problems start at 7, neither 1 nor on from the place above (2).
    text = _places(*_LIST[:2]).replace("3、背街", "7、背街").replace("4、公益", "8、公益").replace("5、楼道", "9、楼道")
    assert not _unread(_places(*_LIST[:2])) and _unread(text)


def test_a_count_carried_on_in_another_style_is_no_count_through_the_list():
    # Near miss: `(3)` after `2、` is another list's numbering, not the same count going on.
    text = _places(*_LIST[:2]).replace("3、背街", "(3)背街").replace("4、公益", "(4)公益").replace("5、楼道", "(5)楼道")
    assert _unread(text)


# --- An RTF table's merged heading row ---------------------------------------------------------------------------

_HEADER = ("序号", "整改问题", "责任单位", "配合单位", "整改时限")
_PREAMBLE = [
    "县创城办关于社区督查问题的通报",
    "一、城东社区",
    "(一)社区居委会",
    "该点位创建工作整体良好。",
    "1.显著位置设置公益宣传广告。",
    "2.设有志愿服务站及管理制度。",
]
_ROWS = [
    _HEADER,
    "(二)背街小巷",
    ("一", "商铺门前三包责任落实不到位。", "县城管局", "", "2024年6月底前"),
    ("二", "车辆乱停放现象普遍。", "县公安局交警大队", "县城管局", "2024年6月底前"),
]


def test_an_rtf_heading_row_merged_across_the_table_fills_every_column():
    for gbk in (False, True):
        table = read_source(rtf_table_of(_PREAMBLE, _ROWS, gbk=gbk), "list.rtf").blocks[-1]
        assert table.rows[1] == ("(二)背街小巷",) * 5
        assert table.rows[2] == _ROWS[2]


def test_an_rtf_table_under_a_merged_heading_row_reads_its_rows_under_that_heading():
    # Read in the 序号 column alone, the heading row was dropped and the rows `一` `二` became `(一)` `(二)` beside
    # the preamble's points, which then read as clauses with no units.
    parsed = parse_bytes(rtf_table_of(_PREAMBLE, _ROWS, gbk=True), filename="list.rtf", year=2024)
    assert [(t.lead_units, t.co_units) for t in parsed.tasks] == [
        (["县城管局"], []),
        (["县公安局交警大队"], ["县城管局"]),
    ]
    assert [m.due_date.isoformat() for m in parsed.tasks[0].milestones] == ["2024-06-30"]


def test_cells_merged_over_part_of_a_row_fill_the_columns_they_cover():
    rows = [
        (["序号", "任务", "牵头单位", "配合单位"], [900, 4000, 5800, 7600]),
        # A hand-drawn table's edges a little apart from the header's.
        (["1", "修缮道路。", "县交通局"], [905, 4010, 7590]),  # 牵头 and 配合 merged: 县交通局 in both
        (["2", "整治河道。", "县水利局", "县农业农村局"], [900, 4000, 5800, 7600]),
    ]
    assert spread_by_edges(rows) == [
        ["序号", "任务", "牵头单位", "配合单位"],
        ["1", "修缮道路。", "县交通局", "县交通局"],
        ["2", "整治河道。", "县水利局", "县农业农村局"],
    ]


def test_a_row_whose_cells_do_not_fit_the_columns_is_left_as_written():
    # Near misses: two cells whose edges fall in one column, and a row with no edges at all.
    rows = [
        (["序号", "任务", "牵头单位"], [900, 4000, 5800]),
        (["备注", "说明"], [300, 600]),
        (["合计", "3"], []),
    ]
    assert spread_by_edges(rows)[1:] == [["备注", "说明"], ["合计", "3"]]


def test_a_docx_merged_heading_row_reads_as_the_rtf_one():
    def build(document) -> None:
        for line in _PREAMBLE:
            document.add_paragraph(line)
        table = document.add_table(rows=len(_ROWS), cols=5)
        for row, values in zip(table.rows, _ROWS, strict=True):
            if isinstance(values, str):
                row.cells[0].merge(row.cells[-1]).text = values
                continue
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value

    from_docx = parse_bytes(docx_bytes(build), filename="list.docx", year=2024)
    from_rtf = parse_bytes(rtf_table_of(_PREAMBLE, _ROWS), filename="list.rtf", year=2024)
    assert [(t.label, t.lead_units) for t in from_rtf.tasks] == [(t.label, t.lead_units) for t in from_docx.tasks]


# --- A target letter's title under a portal's furniture ----------------------------------------------------------

_LETTER = [
    "县司法局2022年度目标责任书",
    "工作任务 | 目标及质量要求 |",
    "普法宣传(5分) | 全年开展法治宣传活动不少于20场。 |",
    "法律援助(3分) | 第一、二、三、四季度分别办理案件10、15、15、10件。 |",
]


def _letter(above: list[str]) -> list:
    return parse_bytes("\n".join([*above, *_LETTER]).encode(), filename="letter.txt", year=2022).tasks


def test_a_letters_title_under_a_portals_breadcrumbs_and_links_still_names_its_office():
    for above in (
        ["首页 > 政府信息公开 > 政策文件", "【字体:大 中 小】 打印本页 关闭窗口", "分享到:微信 微博"],
        ["当前位置:首页>>部门文件>>目标管理", "浏览次数:1024", "【打印】【关闭】"],
    ):
        assert [t.lead_units for t in _letter(above)] == [["县司法局"], ["县司法局"]]


def test_a_letters_title_below_three_lines_of_its_own_text_names_no_office():
    # Near miss: lines of the document's own above the title (a notice's words) are counted, as before.
    above = ["县人民政府办公室", "关于下达2022年度目标任务的通知", "各乡镇、县直各部门:"]
    assert [t.lead_units for t in _letter(above)] != [["县司法局"], ["县司法局"]]
