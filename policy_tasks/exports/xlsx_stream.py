"""A small .xlsx writer for one large sheet, rows streamed to a temporary file.

The ledger of 100,000 milestones is 1.3 million cells. XlsxWriter's constant-memory mode spent
about 13 µs of checks and dispatch per cell (17 s of the export), openpyxl's write-only mode
about 50 µs and it cannot merge cells (docs/decisions.md, "Ledger .xlsx written directly"). A
cell here is one formatted string: the sheet XML is what Excel itself writes for inline strings,
numbers and dates, with styles, merges, a frozen header, an auto-filter and print settings.

Rows go to a temporary file as they come (one row's XML at a time); the package is zipped when
the sheet is closed, so memory stays flat whatever the number of rows. Merged ranges are kept
as four integers each.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO
from xml.sax.saxutils import escape, quoteattr

MAX_STRING = 32767  # Excel's limit for the text of one cell
_EPOCH_DAY = date(1899, 12, 30).toordinal()  # Excel's day 0 (1900 date system); a datetime counts as its day
# Characters XML 1.0 cannot carry, and text that Excel would read as such an escape: written
# as _xHHHH_ (ST_Xstring), as Excel and XlsxWriter do.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_LOOKS_ESCAPED = re.compile(r"_x[0-9a-fA-F]{4}_")
_SPECIAL = re.compile(r"[\x00-\x08\x0b-\x1f&<>]|_x")


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    if len(value) > MAX_STRING:
        value = value[:MAX_STRING]
    if not _SPECIAL.search(value):
        return value
    value = _LOOKS_ESCAPED.sub(lambda m: "_x005F" + m.group(0), value)
    return escape(_CONTROL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", value))


@dataclass(frozen=True)
class Style:
    """What a cell looks like; equal styles share one entry of styles.xml."""

    font: str = "宋体"
    size: int = 10
    bold: bool = False
    color: str = ""  # font colour, RRGGBB
    fill: str = ""  # solid background, RRGGBB
    border: str = ""  # thin border on every side in this colour, RRGGBB
    horizontal: str = ""  # "center", or "" for Excel's default
    vertical: str = ""
    wrap: bool = False
    date: bool = False  # shown as yyyy-mm-dd


def _font(name: str, size: int, bold: bool, color: str) -> str:
    parts = ["<b/>"] if bold else []
    parts.append(f'<sz val="{size}"/>')
    if color:
        parts.append(f'<color rgb="FF{color}"/>')
    parts.append(f"<name val={quoteattr(name)}/>")
    if name != "Calibri":
        parts.append('<charset val="134"/>')  # GB2312: what Excel records for 宋体
    return f"<font>{''.join(parts)}</font>"


class StyleBook:
    """styles.xml: each distinct Style gets an index (cellXfs), fonts, fills and borders deduplicated."""

    DATE_FORMAT = 164  # the first id free for custom number formats

    def __init__(self) -> None:
        self.styles: dict[Style, int] = {}
        self.fonts: dict[tuple, int] = {("Calibri", 11, False, ""): 0}
        self.fills: dict[str, int] = {"none": 0, "gray125": 1}
        self.borders: dict[str, int] = {"": 0}
        self.xfs: list[tuple[int, int, int, Style]] = []

    def index(self, style: Style) -> int:
        found = self.styles.get(style)
        if found is not None:
            return found
        font = self.fonts.setdefault((style.font, style.size, style.bold, style.color), len(self.fonts))
        fill = self.fills.setdefault(style.fill, len(self.fills)) if style.fill else 0
        border = self.borders.setdefault(style.border, len(self.borders))
        self.xfs.append((font, fill, border, style))
        self.styles[style] = len(self.xfs)  # 0 is Excel's default xf
        return len(self.xfs)

    def xml(self) -> str:
        fonts = "".join(_font(*key) for key in self.fonts)
        fills = '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
        fills += "".join(
            f'<fill><patternFill patternType="solid"><fgColor rgb="FF{rgb}"/><bgColor indexed="64"/></patternFill></fill>'
            for rgb in list(self.fills)[2:]
        )
        borders = "".join(
            "<border><left/><right/><top/><bottom/><diagonal/></border>"
            if not rgb
            else "<border>"
            + "".join(
                f'<{side} style="thin"><color rgb="FF{rgb}"/></{side}>' for side in ("left", "right", "top", "bottom")
            )
            + "<diagonal/></border>"
            for rgb in self.borders
        )
        xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']
        for font, fill, border, style in self.xfs:
            align = ""
            if style.horizontal or style.vertical or style.wrap:
                attrs = (f' horizontal="{style.horizontal}"' if style.horizontal else "") + (
                    f' vertical="{style.vertical}"' if style.vertical else ""
                )
                wrap = ' wrapText="1"' if style.wrap else ""
                align = f"<alignment{attrs}{wrap}/>"
            number = f'numFmtId="{self.DATE_FORMAT}" applyNumberFormat="1"' if style.date else 'numFmtId="0"'
            xfs.append(
                f'<xf {number} fontId="{font}" fillId="{fill}" borderId="{border}" xfId="0"'
                f' applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">{align}</xf>'
            )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<numFmts count="1"><numFmt numFmtId="{self.DATE_FORMAT}" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
            f'<fonts count="{len(self.fonts)}">{fonts}</fonts><fills count="{len(self.fills)}">{fills}</fills>'
            f'<borders count="{len(self.borders)}">{borders}</borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )


Cell = tuple[object, int]  # (value, style index); None or "" is a styled blank


class SheetWriter:
    """One worksheet written row by row, then packed with its workbook by `close(target)`.

    Values: str (inline string, never a formula), int/float, date (a day number: give it a `date` style),
    None or "" (blank, styled)."""

    def __init__(self, name: str, widths: Sequence[float]) -> None:
        self.name = name
        self.widths = list(widths)
        self.styles = StyleBook()
        self.letters = [column_letter(i) for i in range(max(len(widths), 1) + 26)]
        self.rows = tempfile.TemporaryFile()
        self.buffer: list[str] = []
        self.row_count = 0
        self.max_col = 0
        self.merges = array("i")  # first row, first col, last row, last col (0-based), four per range
        self.freeze_rows = 0
        self.filter_row: int | None = None
        self.print_title_row: int | None = None
        self.landscape = False
        self.paper = 0
        self.fit_width = False

    def row(self, cells: Iterable[Cell], height: float | None = None) -> None:
        """The next row; cells from column A."""
        r = self.row_count + 1
        letters = self.letters
        parts = []
        col = -1
        for col, (value, style) in enumerate(cells):
            ref = f"{letters[col]}{r}"
            if value is None or value == "":
                parts.append(f'<c r="{ref}" s="{style}"/>')
            elif isinstance(value, str):
                parts.append(
                    f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{_text(value)}</t></is></c>'
                )
            elif isinstance(value, date):
                parts.append(f'<c r="{ref}" s="{style}"><v>{value.toordinal() - _EPOCH_DAY}</v></c>')
            elif isinstance(value, bool):
                parts.append(f'<c r="{ref}" s="{style}" t="b"><v>{int(value)}</v></c>')
            else:
                parts.append(f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>')
        self.max_col = max(self.max_col, col + 1)
        custom = f' ht="{height}" customHeight="1"' if height else ""
        self.buffer.append(f'<row r="{r}"{custom}>{"".join(parts)}</row>')
        self.row_count = r
        if len(self.buffer) >= 500:
            self._flush()

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        """Merge a range (0-based, inclusive); ranges must not overlap (not checked)."""
        self.merges.extend((first_row, first_col, last_row, last_col))

    def _flush(self) -> None:
        self.rows.write("".join(self.buffer).encode())
        self.buffer.clear()

    def _ref(self, row: int, col: int, absolute: bool = False) -> str:
        d = "$" if absolute else ""
        return f"{d}{column_letter(col)}{d}{row + 1}"

    def _sheet_head(self) -> str:
        last = self._ref(max(self.row_count, 1) - 1, max(self.max_col, 1) - 1)
        pane = ""
        if self.freeze_rows:
            top = self._ref(self.freeze_rows, 0)
            pane = (
                f'<pane ySplit="{self.freeze_rows}" topLeftCell="{top}" activePane="bottomLeft" state="frozen"/>'
                f'<selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/>'
            )
        cols = "".join(
            f'<col min="{i + 1}" max="{i + 1}" width="{w + 0.7109375:.8g}" customWidth="1"/>'
            for i, w in enumerate(self.widths)
        )
        fit = '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' if self.fit_width else ""
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
            ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'{fit}<dimension ref="A1:{last}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0">{pane}'
            f'</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>{f"<cols>{cols}</cols>" if cols else ""}'
            "<sheetData>"
        )

    def _filter_range(self, absolute: bool = False) -> str:
        assert self.filter_row is not None
        last_row = max(self.row_count - 1, self.filter_row)
        return f"{self._ref(self.filter_row, 0, absolute)}:{self._ref(last_row, self.max_col - 1, absolute)}"

    def _sheet_tail(self) -> Iterator[str]:
        """What follows the rows, in pieces: 125,000 merged ranges as one string were the
        export's largest allocation."""
        yield "</sheetData>"
        if self.filter_row is not None:
            yield f'<autoFilter ref="{self._filter_range()}"/>'
        m = self.merges
        if m:
            yield f'<mergeCells count="{len(m) // 4}">'
            for start in range(0, len(m), 4000):
                yield "".join(
                    f'<mergeCell ref="{self._ref(m[i], m[i + 1])}:{self._ref(m[i + 2], m[i + 3])}"/>'
                    for i in range(start, min(start + 4000, len(m)), 4)
                )
            yield "</mergeCells>"
        yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        setup = ""
        if self.paper:
            setup += f' paperSize="{self.paper}"'
        if self.landscape:
            setup += ' orientation="landscape"'
        if self.fit_width:
            setup += ' fitToWidth="1" fitToHeight="0"'
        if setup:
            yield f"<pageSetup{setup}/>"
        yield "</worksheet>"

    def _workbook(self) -> str:
        sheet = quoteattr(self.name)
        quoted = "'" + self.name.replace("'", "''") + "'"
        names = ""
        if self.filter_row is not None:
            names += (
                f'<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
                f"{escape(quoted)}!{self._filter_range(absolute=True)}</definedName>"
            )
        if self.print_title_row is not None:
            row = self.print_title_row + 1
            names += (
                f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{escape(quoted)}!${row}:${row}</definedName>'
            )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
            ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<bookViews><workbookView activeTab="0"/></bookViews>'
            f'<sheets><sheet name={sheet} sheetId="1" r:id="rId1"/></sheets>'
            f"{f'<definedNames>{names}</definedNames>' if names else ''}</workbook>"
        )

    def close(self, target: str | IO[bytes]) -> None:
        """Pack the workbook into `target` (a path or a binary file) and drop the temporary rows."""
        self._flush()
        try:
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as package:
                parts = {**_PACKAGE, "xl/workbook.xml": self._workbook(), "xl/styles.xml": self.styles.xml()}
                for name, text in parts.items():
                    # Stamped with the zip format's epoch, as open() stamps the sheet: the same rows
                    # make the same bytes whatever second the file was packed in.
                    part = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                    package.writestr(part, text, compress_type=zipfile.ZIP_DEFLATED, compresslevel=3)
                with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
                    sheet.write(self._sheet_head().encode())
                    self.rows.seek(0)
                    shutil.copyfileobj(self.rows, sheet, 1 << 20)
                    for piece in self._sheet_tail():
                        sheet.write(piece.encode())
        finally:
            self.rows.close()


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
    ),
}
