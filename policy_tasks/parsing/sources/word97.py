"""Word 97–2003 (.doc) files, and WPS Writer's .wps, which stores its text the same way.

Offices still send .doc: many OA systems and older templates write it. The text is in the
`WordDocument` stream and is found through the piece table, the Clx in the table stream
([MS-DOC] 2.9.38): each piece is either 8-bit (`fCompressed`, cp1252) or UTF-16LE. A paragraph
ends in `\\r`; a table cell ends in `\\x07`, and so does a table row, which only the paragraph's
properties tell apart (`sprmPFTtp` in its PAPX, [MS-DOC] 2.9.175, found through PlcBtePapx).
Fields keep their result and drop their code (`\\x13 code \\x14 result \\x15`).

Numbers that Word generates (automatic list numbering) are not in the text stream: they are
written out from the list definitions (PlfLst/PlfLfo, [MS-DOC] 2.9.150 and 2.9.147) of a
paragraph's own `sprmPIlfo`/`sprmPIlvl`, as the .docx reader does (`numbering.py`). Lists a
paragraph takes from its style are not followed.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass

from .base import CORRUPT_DOC, ENCRYPTED_OFFICE, WORD95, Source, SourceError, Table
from .numbering import format_number

_FIB_MAGIC = 0xA5EC
_CLX, _PLCF_BTE_PAPX, _PLF_LST, _PLF_LFO = 33, 13, 73, 74  # pair indexes in FibRgFcLcb97
_SPRM_ILFO, _SPRM_ILVL = 0x460B, 0x260A
# A level's number format (MSONFC, [MS-DOC] 2.9.158) as the .docx numFmt the shared formatter knows.
_NFC = {0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter", 14: "decimalFullWidth"}
_NFC |= {18: "decimalEnclosedCircle", 19: "decimalFullWidth", 23: "bullet", 28: "decimalEnclosedCircle"}
_NFC |= {30: "ideographTraditional", 38: "chineseLegalSimplified", 255: "none"}
_NFC |= dict.fromkeys((10, 11, 29, 33, 34, 35, 36, 37, 39), "chineseCounting")
_SPRM_IN_TABLE, _SPRM_TTP, _SPRM_ITAP = 0x2416, 0x2417, 0x6649
_SPRM_DEF_TABLE, _SPRM_CHG_TABS = 0xD608, 0xC615
# Properties too long for their page live in the Data stream ([MS-DOC] 2.6.2, sprmPHugePapx).
_SPRM_HUGE_PAPX = 0x6646
# Characters of the text stream that mark objects, notes and hyphenation, not text.
_DROP = dict.fromkeys(map(ord, "\x01\x02\x03\x04\x05\x08\x1f"), None) | {0x1E: "-", 0xA0: " "}


@dataclass(frozen=True)
class _Para:
    in_table: bool = False
    row_end: bool = False
    ilfo: int = 0  # the paragraph's list (1-based LFO index), 0 for none
    ilvl: int = 0


def read_doc(data: bytes, filename: str) -> Source:
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            word = ole.openstream("WordDocument").read()
            fib = _Fib(word)
            table_name = "1Table" if fib.which_table else "0Table"
            if not ole.exists(table_name):
                raise SourceError(CORRUPT_DOC)
            table = ole.openstream(table_name).read()
            extra = ole.openstream("Data").read() if ole.exists("Data") else b""
    except SourceError:
        raise
    except Exception as exc:  # olefile raises OSError and its own errors on damage
        raise SourceError(CORRUPT_DOC) from exc
    kind = "wps" if filename.lower().endswith(".wps") else "doc"
    return Source(kind, filename, _Document(word, table, extra, fib).blocks())


class _Fib:
    """The parts of the File Information Block this reader needs ([MS-DOC] 2.5.1)."""

    def __init__(self, word: bytes):
        if len(word) < 0x22 or struct.unpack_from("<H", word, 0)[0] != _FIB_MAGIC:
            raise SourceError(CORRUPT_DOC)
        n_fib, flags = struct.unpack_from("<H", word, 2)[0], struct.unpack_from("<H", word, 0x0A)[0]
        if flags & 0x0100:
            raise SourceError(ENCRYPTED_OFFICE)
        if n_fib < 101:
            raise SourceError(WORD95)
        self.which_table = bool(flags & 0x0200)
        pos = 0x20
        csw = struct.unpack_from("<H", word, pos)[0]
        pos += 2 + csw * 2
        cslw = struct.unpack_from("<H", word, pos)[0]
        self.ccp_text = struct.unpack_from("<i", word, pos + 2 + 3 * 4)[0]
        pos += 2 + cslw * 4
        cb_pairs = struct.unpack_from("<H", word, pos)[0]
        self._pairs_at, self._pairs = pos + 2, cb_pairs
        self._word = word

    def pair(self, index: int) -> tuple[int, int]:
        if index >= self._pairs:
            return 0, 0
        return struct.unpack_from("<II", self._word, self._pairs_at + index * 8)


class _Document:
    def __init__(self, word: bytes, table: bytes, extra: bytes, fib: _Fib):
        self.word, self.table, self.extra, self.fib = word, table, extra, fib
        self.pieces = self._pieces()
        self.papx = self._papx_runs()
        self.lists = _Lists(table, fib)

    def _pieces(self) -> list[tuple[int, int, int, bool]]:
        """(cp start, cp end, fc, compressed) of every piece of the main text."""
        fc, lcb = self.fib.pair(_CLX)
        clx = self.table[fc : fc + lcb]
        pos = 0
        while pos < len(clx) and clx[pos] == 0x01:  # Prc: property modifiers, not text
            pos += 3 + struct.unpack_from("<h", clx, pos + 1)[0]
        if pos >= len(clx) or clx[pos] != 0x02:
            raise SourceError(CORRUPT_DOC)
        size = struct.unpack_from("<I", clx, pos + 1)[0]
        plc = clx[pos + 5 : pos + 5 + size]
        count = (len(plc) - 4) // 12
        cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
        pieces = []
        for i in range(count):
            raw = struct.unpack_from("<I", plc, (count + 1) * 4 + i * 8 + 2)[0]
            compressed = bool(raw & 0x40000000)
            fc_piece = raw & 0x3FFFFFFF
            pieces.append((cps[i], cps[i + 1], fc_piece // 2 if compressed else fc_piece, compressed))
        return pieces

    def _papx_runs(self) -> list[tuple[int, int, _Para]]:
        """(fc start, fc end, properties) of every paragraph run in the PAPX FKPs."""
        fc, lcb = self.fib.pair(_PLCF_BTE_PAPX)
        if not lcb:
            return []
        plc = self.table[fc : fc + lcb]
        count = (len(plc) - 4) // 8
        runs = []
        for i in range(count):
            pn = struct.unpack_from("<I", plc, (count + 1) * 4 + i * 4)[0] & 0x3FFFFF
            page = self.word[pn * 512 : pn * 512 + 512]
            if len(page) < 512:
                continue
            crun = page[511]
            fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
            for j in range(crun):
                offset = page[(crun + 1) * 4 + j * 13] * 2
                runs.append((fcs[j], fcs[j + 1], _para(page, offset, self.extra) if offset else _Para()))
        runs.sort(key=lambda r: r[0])
        return runs

    def _para_at(self, fc: int) -> _Para | None:
        lo, hi = 0, len(self.papx)
        while lo < hi:
            mid = (lo + hi) // 2
            start, end, para = self.papx[mid]
            if fc < start:
                hi = mid
            elif fc >= end:
                lo = mid + 1
            else:
                return para
        return None

    def _chars(self) -> Iterator[tuple[str, int]]:
        """(character, fc of that character) of the main text, in order."""
        for cp_start, cp_end, fc, compressed in self.pieces:
            if cp_start >= self.fib.ccp_text:
                break
            n = min(cp_end, self.fib.ccp_text) - cp_start
            if compressed:
                text = self.word[fc : fc + n].decode("cp1252", errors="replace")
                yield from ((ch, fc + i) for i, ch in enumerate(text))
            else:
                text = self.word[fc : fc + 2 * n].decode("utf-16-le", errors="replace")
                yield from ((ch, fc + 2 * i) for i, ch in enumerate(text))

    def blocks(self) -> list[str | Table]:
        blocks: list[str | Table] = []
        rows: list[tuple[str, ...]] = []
        cells: list[str] = []
        cell: list[str] = []
        buffer: list[str] = []
        fields: list[bool] = []  # per open field: whether its result has begun
        has_papx = bool(self.papx)

        def flush_table() -> None:
            nonlocal rows
            if rows:
                width = max(len(r) for r in rows)
                # A row with fewer cells has merged ones (a heading across the table): like the
                # .docx reader, repeat the merged text in every column it covers.
                blocks.append(Table(tuple(r + r[-1:] * (width - len(r)) if r else ("",) * width for r in rows)))
                rows = []

        for ch, fc in self._chars():
            if ch == "\x13":
                fields.append(False)
                continue
            if ch == "\x14":
                if fields:
                    fields[-1] = True
                continue
            if ch == "\x15":
                if fields:
                    fields.pop()
                continue
            if fields and not fields[-1]:
                continue  # a field's code (`HYPERLINK "…"`, `PAGE`), not its shown result
            if ch in "\r\x07\x0b\x0c":
                text = "".join(buffer).translate(_DROP).strip()
                buffer = []
                para = self._para_at(fc) if has_papx else None
                if ch == "\x07":
                    if (para is not None and para.row_end) or (para is None and not text and cells and not cell):
                        rows.append(tuple(cells))
                        cells = []
                    else:
                        cell.append(self._numbered(text, para, in_cell=True))
                        cells.append(" ".join(t for t in cell if t))
                        cell = []
                elif para is not None and para.in_table:
                    cell.append(self._numbered(text, para, in_cell=True))
                else:
                    flush_table()
                    text = self._numbered(text, para)
                    if text:
                        blocks.append(text)
                continue
            buffer.append(ch)
        text = "".join(buffer).translate(_DROP).strip()
        flush_table()
        if text:
            blocks.append(text)
        return blocks

    def _numbered(self, text: str, para: _Para | None, *, in_cell: bool = False) -> str:
        label = self.lists.label(para.ilfo, para.ilvl) if para is not None and para.ilfo else ""
        if not text and in_cell:
            # A 序号 cell numbered by Word holds only its number, as a typed 序号 would.
            return label.strip().rstrip(".．、")
        return label + text if text else text


class _Lists:
    """Counters of the document's lists, advanced paragraph by paragraph in document order."""

    def __init__(self, table: bytes, fib: _Fib):
        self.levels: dict[int, list[tuple[int, str, str]]] = {}  # lsid -> levels (start, numFmt, template)
        self.lfo: list[int] = []  # ilfo - 1 -> lsid
        self.counters: dict[int, dict[int, int]] = {}
        try:
            self._read(table, fib)
        except (struct.error, IndexError):
            self.levels, self.lfo = {}, []  # damaged list tables: the text is still worth reading

    def _read(self, table: bytes, fib: _Fib) -> None:
        fc, lcb = fib.pair(_PLF_LST)
        if not lcb:
            return
        count = struct.unpack_from("<h", table, fc)[0]
        lists = [
            (struct.unpack_from("<i", table, fc + 2 + i * 28)[0], table[fc + 2 + i * 28 + 26] & 1) for i in range(count)
        ]
        pos = fc + lcb  # the LVLs follow PlfLst in the table stream
        for lsid, simple in lists:
            levels = []
            for _ in range(1 if simple else 9):
                start, nfc = struct.unpack_from("<iB", table, pos)
                chpx, papx = table[pos + 24], table[pos + 25]
                at = pos + 28 + papx + chpx
                cch = struct.unpack_from("<H", table, at)[0]
                template = table[at + 2 : at + 2 + 2 * cch].decode("utf-16-le", errors="replace")
                levels.append((start, _NFC.get(nfc, "decimal"), template))
                pos = at + 2 + 2 * cch
            self.levels[lsid] = levels
        fc, lcb = fib.pair(_PLF_LFO)
        if lcb:
            count = struct.unpack_from("<i", table, fc)[0]
            self.lfo = [struct.unpack_from("<i", table, fc + 4 + 16 * i)[0] for i in range(count)]

    def label(self, ilfo: int, ilvl: int) -> str:
        if not 1 <= ilfo <= len(self.lfo) or self.lfo[ilfo - 1] not in self.levels:
            return ""
        lsid = self.lfo[ilfo - 1]
        levels = self.levels[lsid]
        if not 0 <= ilvl < len(levels):
            return ""
        counters = self.counters.setdefault(lsid, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        _, fmt, template = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""
        text = "".join(
            format_number(counters.get(ord(ch), levels[ord(ch)][0]), levels[ord(ch)][1])
            if ord(ch) < len(levels)
            else ch
            for ch in template
        )
        return text + " " if text.endswith((".", "．")) else text


def _para(page: bytes, offset: int, extra: bytes) -> _Para:
    cb = page[offset]
    if cb == 0:
        size, start = 2 * page[offset + 1], offset + 2
    else:
        size, start = 2 * cb - 1, offset + 1
    grpprl = page[start + 2 : start + size]  # after the style index (istd)
    if len(grpprl) >= 6 and struct.unpack_from("<H", grpprl, 0)[0] == _SPRM_HUGE_PAPX:
        at = struct.unpack_from("<I", grpprl, 2)[0]
        if at + 2 <= len(extra):
            grpprl = extra[at + 2 : at + 2 + struct.unpack_from("<H", extra, at)[0]]
    in_table = row_end = False
    depth, ilfo, ilvl = 1, 0, 0
    pos = 0
    while pos + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, pos)[0]
        pos += 2
        operand_size = _operand_size(sprm, grpprl, pos)
        operand = grpprl[pos : pos + operand_size]
        pos += operand_size
        if sprm == _SPRM_IN_TABLE and operand[:1] == b"\x01":
            in_table = True
        elif sprm == _SPRM_TTP and operand[:1] == b"\x01":
            row_end = True
        elif sprm == _SPRM_ILFO and len(operand) == 2:
            ilfo = struct.unpack("<h", operand)[0]
        elif sprm == _SPRM_ILVL and len(operand) == 1:
            ilvl = operand[0]
        elif sprm == _SPRM_ITAP and len(operand) == 4:
            depth = struct.unpack("<i", operand)[0]
            in_table = in_table or depth >= 1
    # A nested table's cells are text of the outer cell they sit in.
    return _Para(in_table=in_table, row_end=row_end and depth <= 1, ilfo=max(ilfo, 0), ilvl=ilvl)


def _operand_size(sprm: int, grpprl: bytes, pos: int) -> int:
    spra = sprm >> 13
    if spra in (0, 1):
        return 1
    if spra in (2, 4, 5):
        return 2
    if spra == 3:
        return 4
    if spra == 7:
        return 3
    # Variable length: a size byte, except the table definition's two-byte size.
    if sprm == _SPRM_DEF_TABLE and pos + 2 <= len(grpprl):
        size: int = struct.unpack_from("<H", grpprl, pos)[0]
        return 2 + size - 1
    if pos >= len(grpprl):
        return 0
    if sprm == _SPRM_CHG_TABS and grpprl[pos] == 255:
        return len(grpprl) - pos  # the rare long form: nothing this reader needs follows
    return 1 + grpprl[pos]
