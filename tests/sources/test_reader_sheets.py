"""read_source on workbooks and delimited text (.xlsx, .xls, an HTML table saved as .xls, .csv):
visible sheets, merges, values as people wrote them. No database."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from policy_tasks.parsing.sources import SourceError, Table, read_source
from policy_tasks.parsing.sources.sheets import render
from tests.sources import builders as b


def test_xlsx_reads_visible_sheets_with_merges_and_values_as_people_wrote_them():
    def build(book):
        sheet = book.active
        sheet.append(["测区2023年重点任务分解表"])
        sheet.merge_cells("A1:E1")
        sheet.append(["序号", "重点任务", "牵头单位", "目标", "完成时限"])
        sheet.append([1, "推进一网通办。", "区财政局", 0.15, datetime(2023, 6, 30)])
        sheet.append([2, "建设城市大脑。", None, 2.5, datetime(2023, 9, 1)])
        sheet.merge_cells("C3:C4")
        sheet["D3"].number_format = "0%"
        sheet["E4"].number_format = 'yyyy"年"m"月"'
        sheet.append([3, "提升教育质量。\n新建学校投入使用。", "区教育局\n区财政局", 1470, "8月底前"])
        second = book.create_sheet("第二批")
        second.append(["序号", "重点任务", "牵头单位"])
        second.append([4, "推进校园安全。", "区教育局"])
        book.create_sheet("单位列表").append(["区发改局", "区财政局"])
        book["单位列表"].sheet_state = "hidden"
        book.create_sheet("空表")

    source = read_source(b.xlsx_bytes(build), "清单.xlsx")
    assert source.kind == "xlsx"
    assert source.blocks[0] == "测区2023年重点任务分解表"
    first, second = b.tables_in(source)
    assert first.rows[1:] == (
        ("1", "推进一网通办。", "区财政局", "15%", "2023年6月30日"),
        ("2", "建设城市大脑。", "区财政局", "2.5", "2023年9月"),
        ("3", "提升教育质量。 新建学校投入使用。", "区教育局 区财政局", "1470", "8月底前"),
    )
    assert second.rows == (("序号", "重点任务", "牵头单位"), ("4", "推进校园安全。", "区教育局"))


def test_xls_is_read_with_merges_formats_and_without_hidden_sheets():
    source = read_source(b.SHAPES_XLS.read_bytes(), "清单.xls")
    assert source.kind == "xls"
    assert source.blocks[0] == "测区2023年重点任务分解表"
    (table,) = b.tables_in(source)
    assert table.rows[1:] == (
        ("1", "加快重大项目建设。", "区发改局", "区财政局", "2023年10月31日"),
        ("2", "推进数字政府建设。", "15%", "2.5", "2023年6月"),
        ("3", "提升教育质量。", "区教育局", "", "9月底"),
        ("4", "推进校园安全建设。", "区教育局", "", "年底前"),
    )


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (datetime(2023, 6, 30), "yyyy-mm-dd", "2023年6月30日"),
        (datetime(2023, 6, 30, 9, 30), "yyyy-mm-dd h:mm", "2023年6月30日 09:30"),
        (date(2023, 12, 1), 'yyyy"年"m"月"', "2023年12月"),
        (datetime(2023, 3, 31), "m/d", "3月31日"),
        (3.0, "General", "3"),
        (0.5, "0%", "50%"),
        (2000.5, "0.00", "2000.50"),
        (True, "General", "是"),
        (None, None, ""),
    ],
)
def test_cells_render_as_people_wrote_them(value, number_format, text):
    assert render(value, number_format) == text


def test_an_empty_workbook_says_so():
    with pytest.raises(SourceError, match="表格中没有内容"):
        read_source(b.xlsx_bytes(lambda book: None), "清单.xlsx")


def test_an_html_table_exported_as_xls_is_read_as_a_table():
    html = """<html><head><meta charset="gb2312"><style>td {border: 1px}</style></head><body>
    <p>测区2023年重点任务分解表</p>
    <table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th></tr>
    <tr><td>1</td><td>推进<b>一网通办</b>。</td><td rowspan="2">区财政局</td></tr>
    <tr><td>2</td><td>建设城市大脑。<br>年底前完成</td></tr>
    <tr><td colspan="3">以上任务年底前完成</td></tr></table>
    <div>以上<span>措施</span>自印发之日起施行。</div></body></html>"""
    source = read_source(html.encode("gb18030"), "清单.xls")
    assert source.kind == "html"
    assert source.blocks == [
        "测区2023年重点任务分解表",
        Table(
            (
                ("序号", "重点任务", "牵头单位"),
                ("1", "推进一网通办。", "区财政局"),
                ("2", "建设城市大脑。 年底前完成", "区财政局"),
                ("以上任务年底前完成",) * 3,
            )
        ),
        "以上措施自印发之日起施行。",
    ]


def test_a_csv_task_list_is_a_table():
    data = '序号,重点任务,牵头单位\n1,推进一网通办。,区财政局\n2,"建设城市大脑,年底前完成",区大数据局\n'
    source = read_source(data.encode("gb18030"), "清单.csv")
    assert source.blocks == [
        Table(
            (
                ("序号", "重点任务", "牵头单位"),
                ("1", "推进一网通办。", "区财政局"),
                ("2", "建设城市大脑,年底前完成", "区大数据局"),
            )
        )
    ]
