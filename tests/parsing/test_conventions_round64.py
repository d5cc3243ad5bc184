"""Conventions met in blind round 64 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a city's 门前三包 bulletin whose
unnumbered points each close with `权属单位为X,责任单位为Y。`; a county's 创建 inspection post whose blocks of
problems are each closed by `整改责任单位:X 整改时限:…`, the next block restarting at `1.`, on a line a copy
flattened; a district's 创文 inspection summary table, `具体点位 | 存在问题 | 整改责任单位`, with a unit cell
worded `请市文明办协调解决`). At the round's first look the bulletin was refused, the blocks ran together and the
request was read whole as a unit's name.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import ParseError, parse_bytes
from policy_tasks.parsing.closed_blocks import closed_blocks
from policy_tasks.parsing.column_meanings import CONTENT, GROUP, LISTED, NOTE, NUMBER, TITLE
from policy_tasks.parsing.problem_columns import problem_columns
from policy_tasks.parsing.sources.unwrap import wrap_width
from policy_tasks.parsing.units import read_responsibility
from tests.sources.builders import docx_bytes, xlsx_bytes


def _parse(text: str, year: int | None = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _dates(task) -> list[date]:
    return [m.due_date for m in task.milestones if m.kind == "deadline"]


# --- a 门前三包 bulletin: unnumbered points, each closed by its units sentence -------------------------------

_BULLETIN = [
    "市城管委近日对城区主次干道“门前三包”落实情况进行检查,现将有关情况通报如下:",
    "解放路12号,门前人行道有三轮车乱停放;绿化带内有烟头、纸屑。权属单位为市第三中学,责任单位为市教育局。",
    "建设大道88号,超市门前有纸箱乱堆放。权属单位为城东社区,责任单位为城东街道办事处。",
    "滨江路5号,门口有共享单车乱停放。权属单位为市图书馆,责任单位为市图书馆。",
    "请各责任单位于接到通报后立即整改。",
]


def test_points_each_closed_by_their_units_sentence_are_one_clause_each():
    def build(document):
        for paragraph in _BULLETIN:
            document.add_paragraph(paragraph)

    doc = parse_bytes(docx_bytes(build), filename="bulletin.docx", year=2024)
    assert [(t.number, t.lead_units, t.co_units) for t in doc.tasks] == [
        # The 责任单位 leads; the 权属单位 (the owner keeping its frontage) helps.
        (1, ["市教育局"], ["市第三中学"]),
        # After the role noun a place standing for its body (a 社区) is one.
        (2, ["城东街道办事处"], ["城东社区"]),
        # Owner and department the same: one unit.
        (3, ["市图书馆"], []),
    ]
    assert doc.tasks[0].title.startswith("解放路12号")


def test_a_single_paragraph_closing_so_is_a_news_sentence_not_a_list():
    with pytest.raises(ParseError):
        _parse(_BULLETIN[0] + "\n" + _BULLETIN[1] + "\n")


def test_the_owner_helps_beside_the_department_in_charge():
    found = read_responsibility("门前有杂物。权属单位为某村委会,责任单位为县住建局。")
    assert found.lead_and_co() == (["县住建局"], ["某村委会"])


# --- blocks of problems, each closed by its own units-and-deadline line -------------------------------------

_BLOCKS = (
    "近日,县创建办督查组对部分单位卫生情况进行督查,发现问题如下:\n"
    "1.门卫室物品乱堆乱放;\n"
    "2.院内绿化带有垃圾。\n"
    "整改责任单位:县自来水公司 整改时限:2024年9月20日前\n"
    "1.后厨排水沟堵塞;\n"
    "2.防蝇设施缺失。\n"
    "责任单位:县市场监督管理局 整改时限:2024年9月25日前\n"
    "楼道内杂物堆积,消防通道不畅。\n"
    "整改责任单位:县消防救援大队 整改时限:2024年9月30日前\n"
    "(来源:县融媒体中心)\n"
)


def test_a_closing_line_ends_its_block_and_charges_all_of_it():
    doc = _parse(_BLOCKS)
    assert [(t.number, t.lead_units, _dates(t)) for t in doc.tasks] == [
        (1, ["县自来水公司"], [date(2024, 9, 20)]),
        (2, ["县市场监督管理局"], [date(2024, 9, 25)]),
        # A single unnumbered problem is a block too.
        (3, ["县消防救援大队"], [date(2024, 9, 30)]),
    ]
    assert "2.院内绿化带有垃圾" in doc.tasks[0].text
    assert "来源" not in doc.tasks[-1].text


def test_the_same_blocks_on_a_line_a_copy_flattened_keep_that_line():
    flat = " ".join(line for line in _BLOCKS.splitlines())
    doc = _parse(flat)
    assert [(t.lead_units, _dates(t), t.line) for t in doc.tasks] == [
        (["县自来水公司"], [date(2024, 9, 20)], 1),
        (["县市场监督管理局"], [date(2024, 9, 25)], 1),
        (["县消防救援大队"], [date(2024, 9, 30)], 1),
    ]


def test_numbering_that_runs_on_across_the_field_lines_is_a_list_of_items():
    lines = [
        ("1.修缮老旧小区屋面。", True),
        ("责任单位:县住建局 完成时限:2024年10月31日前", True),
        ("2.改造背街小巷路灯。", True),
        ("责任单位:县城管局 完成时限:2024年11月30日前", True),
    ]
    assert closed_blocks(lines) == (lines, [1, 2, 3, 4])
    doc = _parse("\n".join(text for text, _ in lines))
    assert [(t.number, t.lead_units) for t in doc.tasks] == [(1, ["县住建局"]), (2, ["县城管局"])]


def test_a_later_block_holding_numbers_that_do_not_restart_is_no_block():
    lines = [
        ("1.路面坑洼。", True),
        ("责任单位:县交通局", True),
        ("交通类其他问题", True),
        ("1.标线模糊。", True),
        ("责任单位:县公安局", True),
    ]
    assert closed_blocks(lines)[0] == lines


# --- an inspection summary table, and a unit cell worded as a request ---------------------------------------


def _summary(book):
    sheet = book.active
    sheet.append(["序号", "检查点位", "检查点位", "存在问题", "整改责任单位"])
    sheet.append([1, "城西街道", "人民路23号网吧", "安全通道堆放杂物", "区文化市场执法大队"])
    sheet.append([2, "城西街道", "建材市场东门", "1、门前占道经营; 2、垃圾未及时清运", "请区城管局协调解决"])
    sheet.append([3, "城西街道", "西湖小区", "楼道内小广告较多", "城西街道 区房管中心"])
    for row in (2, 3, 4):
        sheet.cell(row=row, column=2)  # the area cell repeated on each row, as a merged cell reads
    sheet.merge_cells("B1:C1")


def test_an_inspection_summary_reads_the_problem_as_the_task_and_the_request_names_its_unit():
    doc = parse_bytes(xlsx_bytes(_summary), filename="summary.xlsx", year=2024)
    assert [(t.number, t.title, t.lead_units, t.co_units) for t in doc.tasks] == [
        (1, "人民路23号网吧", ["区文化市场执法大队"], []),
        (2, "建材市场东门", ["区城管局"], []),
        (3, "西湖小区", ["城西街道"], ["区房管中心"]),
    ]
    assert "安全通道堆放杂物" in doc.tasks[0].text
    assert "城西街道" not in doc.tasks[0].text  # the merged area cell groups the rows, no task's words


def test_a_progress_reports_problem_column_beside_its_tasks_stays_a_note():
    rows = [["1", "修路", "资金不足", "县交通局"]]
    assert problem_columns([NUMBER, TITLE, NOTE, LISTED], rows, ["序号", "任务", "存在问题", "责任单位"]) is None
    kinds = problem_columns([NUMBER, None, NOTE, LISTED], rows, ["序号", "点位", "存在问题", "责任单位"])
    assert kinds == [NUMBER, TITLE, CONTENT, LISTED]
    repeated = [["1", "城西", "路口", "占道", "A局"], ["2", "城西", "广场", "垃圾", "B局"]]
    header = ["序号", "辖区", "点位", "存在问题", "责任单位"]
    assert problem_columns([NUMBER, None, None, NOTE, LISTED], repeated, header) == [
        NUMBER,
        GROUP,
        TITLE,
        CONTENT,
        LISTED,
    ]


@pytest.mark.parametrize(
    ("field", "lead"),
    [
        ("整改责任单位:请市文明办协调解决", ["市文明办"]),
        ("整改责任单位:由区城管局负责", ["区城管局"]),
        ("责任单位:请市住建局督促整改", ["市住建局"]),
        ("责任单位:各乡镇负责落实", ["各乡镇"]),
        ("责任单位:县住建局负责,县财政局配合", ["县住建局"]),
        # A unit's name alone is read as it was.
        ("责任单位:县信访局", ["县信访局"]),
    ],
)
def test_a_unit_cell_worded_as_a_request_or_a_charge_names_the_units_inside(field, lead):
    assert read_responsibility(field).lead_and_co()[0] == lead


def test_closing_lines_alike_are_no_width_a_page_broke_the_text_at():
    block = [
        "1.后厨操作间地面积水,排水不畅;",
        "2.食品原料未离地存放。",
        "整改责任单位:县市场监督管理局 整改时限:2024年9月20日前",
    ]
    lines = ["近日县创建办督查组对城区部分餐饮单位进行督查:"] + block * 3
    lines += ["后厨窗台发现鼠迹,病媒生物防制不到位。", "整改责任单位:县市场监督管理局 整改时限:2024年9月20日前"]
    assert wrap_width(lines) is None
    doc = _parse("\n".join(lines))
    assert len(doc.tasks) == 4 and doc.tasks[-1].text.startswith("后厨窗台")
