"""read_source on page-layout files (PDF with a text layer, OFD): lines joined into paragraphs,
ruled tables as tables, page numbers dropped. No database."""

from __future__ import annotations

import io
import zipfile

import pytest

from policy_tasks.parsing.sources import SourceError, Table, read_source
from policy_tasks.parsing.sources import base as messages
from tests.sources import builders as b


def test_pdf_lines_are_joined_into_paragraphs_across_pages_without_page_numbers():
    paragraphs = [
        "一、重点任务",
        "1. 加快重大项目建设。6月底前完成项目签约，全年完成投资2000万元，10月底前开工。(责任单位:区发改局、区财政局)",
        "2. 推进数字政府建设。(责任单位:区大数据局)",
        "以上措施除明确时限外,实施期限至2023年12月31日。",
    ]
    # Five lines a page: the first clause runs from page 1 onto page 2.
    source = read_source(b.pdf_paragraphs(paragraphs, width=20, lines_per_page=5), "方案.pdf")
    assert source.kind == "pdf"
    assert source.blocks == paragraphs


def test_pdf_ruled_tables_are_tables_with_merged_cells_repeated():
    rows = [
        ["序号", "重点任务", "牵头单位"],
        ["1", "推进一网通办。", "区财政局"],
        ["2", "建设城市大脑。", ""],
        ["以上任务年底前完成", "", ""],
    ]
    ops = [b.text_op(b.LEFT, 780, "测区2023年重点任务分解表")]
    ops += b.pdf_table_ops(rows, [60, 200, 120], top=760, merges=[(1, 2, 2, 2), (3, 3, 0, 2)])
    (table,) = b.tables_in(read_source(b.pdf_document([ops]), "清单.pdf"))
    assert table.rows == (
        ("序号", "重点任务", "牵头单位"),
        ("1", "推进一网通办。", "区财政局"),
        ("2", "建设城市大脑。", "区财政局"),
        ("以上任务年底前完成",) * 3,
    )


def test_a_pdf_table_going_on_over_a_page_break_is_one_table():
    header = ["序号", "重点任务", "牵头单位"]
    first = b.pdf_table_ops([header, ["1", "推进一网通办。", "区财政局"]], [60, 200, 120], top=760)
    second = b.pdf_table_ops([header, ["2", "建设城市大脑。", "区大数据局"]], [60, 200, 120], top=800)
    source = read_source(b.pdf_document([first, second]), "清单.pdf")
    assert source.blocks == [
        Table((tuple(header), ("1", "推进一网通办。", "区财政局"), ("2", "建设城市大脑。", "区大数据局")))
    ]


def _fpdf2_plan(long: str) -> bytes:
    """A PDF as the project's bulletin writer (fpdf2) makes one: flowed paragraphs, ruled table."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(25, 25, 25)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in (long, "Next paragraph."):
        pdf.multi_cell(0, 6, paragraph, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    with pdf.table(col_widths=(10, 45, 30), width=120, align="LEFT", text_align="LEFT", padding=1.5) as table:
        table.row(("No", "Task", "Lead"))
        row = table.row()
        row.cell("1")
        row.cell("Build the city brain")
        row.cell("Finance Bureau", rowspan=2)
        table.row(("2", "Open the new school"))
    return bytes(pdf.output())


def test_letter_spaced_pdf_text_keeps_its_words_and_a_wide_gap_still_parts_two_names():
    # A title set with letter spacing, a justified line stretched around a long number: the
    # characters stand a third of their size apart and are still one run of text. A gap of a
    # whole character between two unit names (no space drawn) still parts them.
    spaced = "1.抽蓄项目10月底前开工。(责任单位:区发改局)"
    ops = [
        f"BT /F1 12 Tf 6 Tc 200 770 Td <{'实施方案'.encode('utf-16-be').hex()}> Tj ET",
        f"BT /F1 12 Tf 4 Tc 72 750 Td <{spaced.encode('utf-16-be').hex()}> Tj ET",
        # Character spacing stays set until changed: these lines have none.
        f"BT /F1 12 Tf 0 Tc 72 730 Td <{'2.配合:区发改局'.encode('utf-16-be').hex()}> Tj ET",
        b.text_op(72 + 10 * b.SIZE, 730, "区财政局"),
    ]
    assert read_source(b.pdf_document([ops]), "方案.pdf").blocks == ["实施方案", spaced, "2.配合:区发改局 区财政局"]


def test_a_pdf_made_by_fpdf2_reads_ragged_paragraphs_and_a_bordered_table():
    long = " ".join(["Every unit reports its progress to the supervision office by the tenth of each month."] * 3)
    source = read_source(_fpdf2_plan(long), "plan.pdf")
    assert source.blocks == [
        long,
        "Next paragraph.",
        Table(
            (
                ("No", "Task", "Lead"),
                ("1", "Build the city brain", "Finance Bureau"),
                ("2", "Open the new school", "Finance Bureau"),
            )
        ),
    ]


def test_a_pdf_protected_only_against_editing_is_read():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(b.pdf_plan())))
    writer.encrypt(user_password="", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert read_source(buffer.getvalue(), "方案.pdf").blocks == b.plan_lines()


def test_kangxi_radicals_from_pdf_producers_read_as_the_characters_people_typed():
    data = b.pdf_paragraphs(["⼀、重点任务", "1. 推进⼯作。10⽉底前完成。(责任单位:区⼈社局)"], width=40)
    assert read_source(data, "方案.pdf").blocks == ["一、重点任务", "1. 推进工作。10月底前完成。(责任单位:区人社局)"]


def test_an_ofd_gives_its_lines_joined_into_paragraphs_in_page_order():
    # 45 short lines make two pages; the wrapped clauses of plan_lines() join again.
    lines = [*b.plan_lines(), *(f"{n}. 补充事项{'甲' * (n % 9)}。" for n in range(4, 45))]
    source = read_source(b.ofd_bytes(lines), "方案.ofd")
    assert source.kind == "ofd"
    assert source.blocks == lines


def test_an_ofd_row_of_separate_cells_keeps_its_columns_apart():
    rows = ["序号\t重点任务\t牵头单位", "1\t做好甲\t区发改局", "2\t做好乙项工作\t区财政局"]
    assert read_source(b.ofd_bytes(["2023年任务清单", *rows]), "清单.ofd").blocks == ["2023年任务清单", *rows]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda files: {**files, "Doc_0/Pages/Page_0/Content.xml": b'<ofd:Page xmlns:ofd="x"/>'}, messages.SCANNED_OFD),
        (lambda files: {**files, "Doc_0/Encryptions.xml": b"<Encryptions/>"}, messages.ENCRYPTED_OFD),
        (lambda files: {k: v for k, v in files.items() if k != "Doc_0/Document.xml"}, messages.CORRUPT_ARCHIVE),
        (lambda files: {**files, "Doc_0/Document.xml": b"<not xml"}, messages.CORRUPT_ARCHIVE),
    ],
    ids=["no-text", "encrypted", "no-document", "broken-xml"],
)
def test_an_ofd_that_cannot_be_read_says_why(change, message):
    original = zipfile.ZipFile(io.BytesIO(b.ofd_plan()))
    files = change({name: original.read(name) for name in original.namelist()})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    with pytest.raises(SourceError) as excinfo:
        read_source(buffer.getvalue(), "方案.ofd")
    assert str(excinfo.value) == message
