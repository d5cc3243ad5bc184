"""fpdf2 drawing of the blocks of a bulletin (bulletin_pdf.blocks) or a 督办单
(urge_notice.blocks) on A4 pages laid out after GB/T 9704-2012 (党政机关公文格式).

The type area is 156 x 225 mm, 37 mm from the top and 28 mm from the left edge; body
3号 (16 pt) with a two-character first-line indent, 22 lines a page; the masthead
(版头) red above a red rule; 落款 and date right-aligned two characters in; 版记 between
rules at the foot of the last page; `— N —` 7 mm below the type area (pdf_official.py).
Tables are 9.5 pt ruled in grey with a tinted header row that repeats on each page.

Bold is the shipped regular face registered a second time (fpdf2 wants a face per style;
the PDF names it "…-Bold", as WeasyPrint did), thickened by stroking the outline where it
matters most (masthead, title, headings): the project ships no bold CJK font.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from fpdf import FPDF, FontFace
from fpdf.enums import TextMode, WrapMode, XPos, YPos

from policy_tasks.exports import pdf_font, pdf_official
from policy_tasks.exports.pdf_blocks import (
    BODY_PT,
    GREY,
    HEAD_FILL,
    MM_PER_PT,
    RED,
    TABLE_PT,
    Block,
    Late,
    Table,
)
from policy_tasks.exports.pdf_truetype import truetype_subset
from policy_tasks.exports.pdf_wrap import wrap, wrap_parts

BLACK = (0, 0, 0)
RULE_MM = 0.2  # table rules: the HTML page's 1px
CELL_PAD = 1.3  # left and right padding of a table cell
SLACK = 0.05  # mm kept free at a line's end, so fpdf2's own measuring never breaks it again
LEADING = 1.8  # 16 pt body at 1.8: 22 lines fill the 225 mm type area, as GB/T 9704 asks
LATE = FontFace(emphasis="B", color=RED)
HEAD = FontFace(emphasis="B", fill_color=HEAD_FILL)


class _Pages(FPDF):
    def _font(self, size: float, *, bold: bool = False) -> None:
        self.set_font(pdf_font.FAMILY, "B" if bold else "", size)

    def footer(self) -> None:
        pdf_official.page_number(self)


def _setup(title: str, created: datetime, font_file: Path) -> _Pages:
    pdf = _Pages(format="A4", unit="mm")
    pdf.set_margins(pdf_official.LEFT, pdf_official.TOP, pdf_official.RIGHT)
    pdf.set_auto_page_break(True, margin=pdf_official.BOTTOM)
    # No cell margin: text starts at the page margin as in the HTML page, and the line breaks
    # of pdf_wrap, measured against the full width, are the ones fpdf2 keeps.
    pdf.c_margin = 0
    pdf.set_title(title)
    pdf.set_lang("zh-CN")
    pdf.set_creator("督办系统")
    pdf.set_creation_date(created)
    base = pdf_font.FAMILY.replace(" ", "-")
    for style, name in (("", base), ("B", f"{base}-Bold")):
        pdf.add_font(pdf_font.FAMILY, style, font_file)
        newest = list(pdf.fonts.values())[-1]
        newest.name = name  # the name readers show; fpdf2 would squeeze the full name together
    return pdf


def _line(size: float) -> float:
    return size * LEADING * MM_PER_PT


def _stroked(pdf: _Pages, size: float, color):
    """Text thickened by stroking its outline in its own colour (a synthetic bold), in a
    saved graphics state: the text render mode would otherwise stay on for what follows."""
    return pdf.local_context(
        text_mode=TextMode.FILL_STROKE, line_width=size * 0.03 * MM_PER_PT, text_color=color, draw_color=color
    )


def _centred(pdf: _Pages, text: str, size: float, *, color=BLACK, spacing: float = 0) -> None:
    pdf._font(size, bold=True)
    if not spacing:
        text = wrap(text, pdf.get_string_width, pdf.epw - SLACK)
    with _stroked(pdf, size, color):
        pdf.set_char_spacing(spacing)
        pdf.multi_cell(0, _line(size), text, align="C", wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_char_spacing(0)


def _masthead(pdf: _Pages, block: Block) -> None:
    text = block.parts[0]
    size = pdf_official.masthead_size(len(text), pdf.epw)
    _centred(pdf, text, size, color=RED, spacing=size * 0.3 if len(text) <= 6 else 0)
    pdf.ln(4)


def _issue(pdf: _Pages, block: Block) -> None:
    """The line above the red rule: a bulletin's issuer at the left and its date at the right."""
    issuer, when = block.parts
    pdf._font(BODY_PT)
    pdf.set_text_color(*BLACK)
    half = pdf.epw / 2
    pdf.cell(half, _line(BODY_PT), issuer, align="L")
    pdf.cell(half, _line(BODY_PT), when, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _docno(pdf: _Pages, block: Block) -> None:
    """发文字号 or 期号, centred under the masthead."""
    pdf._font(BODY_PT)
    pdf.set_text_color(*BLACK)
    pdf.cell(0, _line(BODY_PT), block.parts[0], align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _rule(pdf: _Pages) -> None:
    y = pdf.get_y() + 4  # GB/T 9704 7.2.5: the red rule 4 mm under the number
    with pdf.local_context(draw_color=RED, line_width=0.6):
        pdf.line(pdf.l_margin, y, pdf.l_margin + pdf.epw, y)
    pdf.set_y(y + 6)


def _title(pdf: _Pages, block: Block) -> None:
    pdf.ln(2)
    _centred(pdf, block.parts[0], pdf_official.TITLE_PT)
    pdf.ln(_line(BODY_PT) / 2)


def _heading(pdf: _Pages, block: Block) -> None:
    size = BODY_PT
    pdf.ln(3)
    pdf._font(size, bold=True)
    pdf.set_x(pdf.l_margin + 2 * size * MM_PER_PT)  # `一、` headings are indented as paragraphs are
    with _stroked(pdf, size, BLACK):
        pdf.multi_cell(0, _line(size), block.parts[0], align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)


def _para(pdf: _Pages, block: Block, *, size: float = BODY_PT, color=BLACK, indent: bool = True) -> None:
    """Runs of text, the red bold ones among them, wrapped anywhere as Chinese is."""
    height = _line(size)
    first = 2 * size * MM_PER_PT if indent else 0
    pdf._font(size)  # bold is the same face: the same widths
    parts = wrap_parts(block.parts, pdf.get_string_width, pdf.epw - SLACK, pdf.epw - first - SLACK)
    pdf.set_x(pdf.l_margin + first)
    for part in parts:
        late = isinstance(part, Late)
        pdf._font(size, bold=late)
        pdf.set_text_color(*(RED if late else color))
        pdf.write(height, part, wrapmode=WrapMode.CHAR)
    pdf.ln(height)
    pdf.ln(1)


def _table(pdf: _Pages, table: Table) -> None:
    pdf._font(TABLE_PT)
    pdf.set_text_color(*BLACK)
    pdf.set_draw_color(*GREY)
    pdf.set_line_width(RULE_MM)
    widths = table.widths or (1,) * len(table.header)
    align = table.align or ("L",) * len(table.header)
    inner = [pdf.epw * w / sum(widths) - 2 * CELL_PAD - SLACK for w in widths]

    def fit(text: str, column: int) -> str:
        return type(text)(wrap(text, pdf.get_string_width, inner[column]))

    with pdf.table(
        col_widths=widths,
        align="LEFT",  # fpdf2 centres on the page; the type area is 1 mm right of centre (28 vs 26 mm)
        text_align=align,
        width=pdf.epw,
        headings_style=HEAD,
        line_height=TABLE_PT * 1.35 * MM_PER_PT,
        padding=(0.8, CELL_PAD),
        v_align="TOP",
        wrapmode=WrapMode.CHAR,
    ) as grid:
        head = grid.row()
        for column, text in enumerate(table.header):
            head.cell(fit(text, column), align="C")
        for values in table.rows:
            row = grid.row()
            for column, value in enumerate(values):
                row.cell(fit(value, column), style=LATE if isinstance(value, Late) else None)
    pdf.ln(3)


def draw(content: list[Block], *, title: str, created: datetime) -> bytes:
    font = truetype_subset([title, "— 0123456789", *(text for block in content for text in block.texts())])
    with tempfile.TemporaryDirectory(prefix="duban-pdf-") as folder:
        # fpdf2 reads fonts from a path only.
        font_file = Path(folder) / "DubanSansCJKsc-Regular.ttf"
        font_file.write_bytes(font)
        pdf = _setup(title, created, font_file)
        return _pages(pdf, content)


def _pages(pdf: _Pages, content: list[Block]) -> bytes:
    pdf.add_page()
    for block in content:
        if block.kind == "masthead":
            _masthead(pdf, block)
        elif block.kind == "issue":
            _issue(pdf, block)
        elif block.kind == "docno":
            _docno(pdf, block)
        elif block.kind == "rule":
            _rule(pdf)
        elif block.kind == "addressee":
            _para(pdf, block, indent=False)
        elif block.kind == "signature":
            pdf_official.signature(pdf, block.parts, size=BODY_PT, line=_line(BODY_PT))
        elif block.kind == "colophon":
            pdf_official.colophon(pdf, block.parts)
        elif block.kind == "title":
            _title(pdf, block)
        elif block.kind == "heading":
            _heading(pdf, block)
        elif block.kind == "para":
            _para(pdf, block)
        elif block.kind == "none":
            _para(pdf, block, color=GREY)
        elif block.kind == "table":
            assert block.table is not None, "a table block carries its table"
            _table(pdf, block.table)
        elif block.kind == "footer":
            pdf.ln(6)
            _para(pdf, block, size=9, color=GREY, indent=False)
        else:
            raise ValueError(f"unknown block {block.kind}")
    return bytes(pdf.output())
