"""The page of GB/T 9704-2012 in Word, for the .docx 督办单 and 通报 (python-docx).

The same measures as the PDF (pdf_official.py): A4, type area 156 x 225 mm from 37 mm top
and 28 mm left, a footer with `— PAGE —` (a field Word and WPS fill on each page), the
masthead in red over a red rule, 落款 two characters in from the right, 版记 between
rules. Fonts are names (DUBAN_OFFICIAL_FONTS: title, then body): Word and WPS use them
where the office has them installed and substitute their own otherwise; offices edit
these files before issuing them, so nothing here is fixed for good.
"""

from __future__ import annotations

from io import BytesIO

from django.conf import settings
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from policy_tasks.exports import pdf_official as page

RED = RGBColor(*page.RED)
BODY_PT = 16
TABLE_PT = 10.5
OPEN_FALLBACK = "Noto Serif CJK SC"
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def fonts() -> tuple[str, str]:
    """(title font, body font) named in the file."""
    names = [n for n in getattr(settings, "DUBAN_OFFICIAL_FONTS", []) if n] or [OPEN_FALLBACK]
    return names[0], names[1] if len(names) > 1 else names[0]


def new_document() -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(page.PAGE_W), Mm(page.PAGE_H)
    section.top_margin, section.bottom_margin = Mm(page.TOP), Mm(page.BOTTOM)
    section.left_margin, section.right_margin = Mm(page.LEFT), Mm(page.RIGHT)
    section.footer_distance = Mm(page.BOTTOM - 7 - 5)  # the number's line 7 mm under the type area
    _page_number_footer(section.footer.paragraphs[0])
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    _set_font(normal.element.get_or_add_rPr(), fonts()[1])
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(28.9)  # 22 lines in the 225 mm type area
    return doc


def _set_font(rpr, name: str) -> None:
    fonts_el = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        # Word picks the font of Chinese characters from the eastAsia slot, not from `name`.
        fonts_el.set(qn(slot), name)


def run(paragraph, text: str, *, size: float = BODY_PT, bold=False, color=None, font: str | None = None):
    r = paragraph.add_run(text)
    r.font.size = Pt(size)
    r.font.bold = bold
    _set_font(r._element.get_or_add_rPr(), font or fonts()[1])
    if color is not None:
        r.font.color.rgb = color
    return r


def para(doc, text: str = "", *, size=BODY_PT, bold=False, align=None, indent=True, color=None, font=None):
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    if text:
        run(p, text, size=size, bold=bold, color=color, font=font)
    return p


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE): begin, instruction, separate, a placeholder result, end."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        r = paragraph.add_run()
        r.font.size = Pt(page.PAGE_NUMBER_PT)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            r._element.append(char)
        elif text == instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            r._element.append(instr)
        else:
            r.text = text


def _page_number_footer(paragraph) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(paragraph, "— ", size=page.PAGE_NUMBER_PT, font="宋体")
    _field(paragraph, "PAGE")
    run(paragraph, " —", size=page.PAGE_NUMBER_PT, font="宋体")


def _border(paragraph, side: str, *, color: str = "000000", eighths: int = 8) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        # The schema orders pPr's children: a border after <w:jc> would make Word repair the file.
        ppr.insert_element_before(borders, *_AFTER_PBDR)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(eighths))  # eighths of a point
    edge.set(qn("w:space"), "1")
    edge.set(qn("w:color"), color)
    borders.append(edge)


def masthead(doc, text: str, number_lines: list[str]) -> None:
    """发文机关标志 in red, the number lines under it, then the red rule (a bottom border)."""
    size = page.masthead_size(len(text), page.TYPE_W)
    head = para(doc, text, size=size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, color=RED,
                font=fonts()[0])  # fmt: skip
    head.paragraph_format.line_spacing = Pt(size * 1.3)  # the body's exact 28.9 pt would clip 36 pt glyphs
    para(doc)
    last = None
    for line in number_lines:
        left, _, right = line.partition("\t")
        last = para(doc, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER if not right else None)
        if right:
            last.paragraph_format.tab_stops.add_tab_stop(Mm(page.TYPE_W), WD_TAB_ALIGNMENT.RIGHT)
            run(last, f"{left}\t{right}")
        else:
            run(last, left)
    _border(last, "bottom", color="CC0000", eighths=12)
    para(doc)


def title(doc, text: str) -> None:
    para(doc, text, size=page.TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, font=fonts()[0])
    para(doc)


def heading(doc, text: str) -> None:
    para(doc, text, bold=True, indent=True)


def table(doc, header: list[str], rows: list[list]) -> None:
    if not rows:
        para(doc, "无。")
        return
    grid = doc.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, header, strict=True):
        run(_tight(cell.paragraphs[0]), text, size=TABLE_PT, bold=True)
    for values in rows:
        for cell, value in zip(grid.add_row().cells, values, strict=True):
            run(_tight(cell.paragraphs[0]), "" if value is None else str(value), size=TABLE_PT)


def _tight(paragraph):
    """A table cell's lines at 1.3 times its size, not the body's 28.9 pt grid."""
    paragraph.paragraph_format.line_spacing = Pt(TABLE_PT * 1.3)
    return paragraph


def _width(text: str) -> float:
    """Width in characters of 16 pt: Chinese one, Latin and digits a half."""
    return sum(0.5 if ord(c) < 0x2E80 else 1 for c in text)


def signature(doc, issuer: str, when: str) -> None:
    para(doc)
    right = 2 + max(0.0, _width(when) + 2 - _width(issuer))  # issuer starts two characters left of the date
    for text, indent in ((issuer, right), (when, 2)):
        p = para(doc, text, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
        p.paragraph_format.right_indent = Pt(BODY_PT * indent)


def colophon(doc, lines: list[str]) -> None:
    """版记 after the body (Word has no 'foot of the last page' without frames): 4号, ruled."""
    para(doc)
    for index, line in enumerate(lines):
        p = para(doc, indent=False)
        p.paragraph_format.left_indent = Pt(page.COLOPHON_PT)
        p.paragraph_format.right_indent = Pt(page.COLOPHON_PT)
        p.paragraph_format.tab_stops.add_tab_stop(Mm(page.TYPE_W) - Pt(page.COLOPHON_PT * 2), WD_TAB_ALIGNMENT.RIGHT)
        run(p, line, size=page.COLOPHON_PT)
        if index == 0:
            _border(p, "top", eighths=8)
        _border(p, "bottom", eighths=8 if index == len(lines) - 1 else 6)


def save(doc) -> bytes:
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
