"""The page of GB/T 9704-2012 (党政机关公文格式) for the PDF 督办单 and 通报: its measures,
the page number, the 落款 (issuer and date) and the 版记 at the foot of the last page.

Measures in millimetres: A4 (210 x 297), type area 156 x 225 whose top-left corner is 37 mm
from the top and 28 mm from the left edge (7.1 and 5.2.1 of the standard); the page number
in 4号 (14 pt) with a dash either side, 7 mm below the type area (7.5). The docx files use
the same numbers (docx_official.py).
"""

from __future__ import annotations

from datetime import date

PAGE_W, PAGE_H = 210.0, 297.0
TOP, LEFT = 37.0, 28.0
TYPE_W, TYPE_H = 156.0, 225.0
RIGHT = PAGE_W - LEFT - TYPE_W  # 26 mm
BOTTOM = PAGE_H - TOP - TYPE_H  # 35 mm
PAGE_NUMBER_PT = 14  # 4号
TITLE_PT = 22  # 2号 小标宋
COLOPHON_PT = 14  # 4号 仿宋
MASTHEAD_MAX_PT = 36
MM_PER_PT = 25.4 / 72
RED = (0xCC, 0, 0)
BLACK = (0, 0, 0)


def chinese_date(value: date) -> str:
    """成文日期 in Arabic numerals without leading zeros: 2026年3月5日 (7.3.5.1)."""
    return f"{value.year}年{value.month}月{value.day}日"


def masthead_size(chars: int, width_mm: float) -> float:
    """The masthead as large as it may be (36 pt) while it fits on one line, spaced if short."""
    spacing = 0.3 if chars <= 6 else 0
    fit = width_mm / max(chars, 1) / (1 + spacing) / MM_PER_PT
    return min(MASTHEAD_MAX_PT, fit * 0.98)


def page_number(pdf) -> None:
    """`— N —` centred 7 mm under the type area (called from FPDF.footer)."""
    pdf.set_y(TOP + TYPE_H + 7 - PAGE_NUMBER_PT * MM_PER_PT / 2)
    pdf._font(PAGE_NUMBER_PT)
    pdf.set_text_color(*BLACK)
    pdf.cell(0, PAGE_NUMBER_PT * MM_PER_PT, f"— {pdf.page_no()} —", align="C")


def signature(pdf, parts: list[str], *, size: float, line: float) -> None:
    """落款: the issuer over the date, the date two characters from the right edge and the
    issuer starting two characters left of the date (7.3.5.2), after one empty line."""
    issuer, when = parts
    pdf._font(size)
    pdf.set_text_color(*BLACK)
    char = size * MM_PER_PT
    right = pdf.l_margin + pdf.epw - 2 * char
    date_x = right - pdf.get_string_width(when)
    issuer_x = min(date_x - 2 * char, right - pdf.get_string_width(issuer))
    if pdf.get_y() + 3 * line > TOP + TYPE_H:
        pdf.add_page()
    else:
        pdf.ln(line)
    y = pdf.get_y()
    pdf.set_xy(issuer_x, y)
    pdf.cell(pdf.get_string_width(issuer), line, issuer)
    pdf.set_xy(date_x, y + line)
    pdf.cell(pdf.get_string_width(when), line, when)
    pdf.set_xy(pdf.l_margin, y + 2 * line)


def colophon(pdf, parts: list[str]) -> None:
    """版记 at the foot of the last page (7.4): each line between rules, the first and last
    rule 0.35 mm, the ones between 0.25 mm; a line `left\\nright` has its halves at the two
    ends (印发机关 and 印发日期), each one character in from the edge (a newline, since the
    text has passed pdf_font.drawable, which turns a tab into a space)."""
    pdf._font(COLOPHON_PT)
    pdf.set_text_color(*BLACK)
    row = COLOPHON_PT * MM_PER_PT * 1.9
    char = COLOPHON_PT * MM_PER_PT
    height = row * len(parts)
    bottom = TOP + TYPE_H
    if pdf.get_y() + height > bottom - 1:
        pdf.add_page()
    auto = pdf.auto_page_break
    pdf.set_auto_page_break(False)
    y = bottom - height
    left, width = pdf.l_margin, pdf.epw
    for index, text in enumerate(parts):
        with pdf.local_context(draw_color=BLACK, line_width=0.35 if index == 0 else 0.25):
            pdf.line(left, y, left + width, y)
        first, _, second = text.partition("\n")
        pdf.set_xy(left + char, y)
        pdf.cell(width - 2 * char, row, first, align="L")
        if second:
            pdf.set_xy(left + char, y)
            pdf.cell(width - 2 * char, row, second, align="R")
        y += row
    with pdf.local_context(draw_color=BLACK, line_width=0.35):
        pdf.line(left, y, left + width, y)
    pdf.set_auto_page_break(auto, margin=BOTTOM)
    pdf.set_xy(left, y)
