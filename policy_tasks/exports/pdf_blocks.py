"""What a PDF of the exports is drawn from (pdf_draw.draw): blocks of text and tables, the colours
and sizes they are set in. The bulletin (bulletin_pdf.blocks) and the 督办单 (urge_notice.blocks)
build them; pdf_draw lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policy_tasks.exports import pdf_font

RED = (0xCC, 0, 0)
GREY = (0x55, 0x55, 0x55)
HEAD_FILL = (0xE8, 0xEE, 0xF5)
BODY_PT = 16  # 3号, the body size of GB/T 9704
TABLE_PT = 9.5
MM_PER_PT = 25.4 / 72


class Late(str):
    """Text shown in red bold, as the HTML page's `late` class: an overdue figure or unit."""


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    widths: tuple[float, ...] | None = None  # shares of the page width; None: equal columns
    align: tuple[str, ...] = ()  # per column, "L", "C" or "R"; text columns left


@dataclass
class Block:
    # masthead, docno, issue, rule, title, addressee, heading, para, none, table, footer, signature, colophon
    kind: str
    parts: list[str] = field(default_factory=list)
    table: Table | None = None

    def drawable(self) -> Block:
        def clean(text: str) -> str:
            return type(text)(pdf_font.drawable(text))  # keeps Late late

        table = self.table
        if table is not None:
            table = Table([clean(h) for h in table.header], [[clean(c) for c in row] for row in table.rows],
                          table.widths, table.align)  # fmt: skip
        return Block(self.kind, [clean(p) for p in self.parts], table)

    def texts(self) -> list[str]:
        if self.table is None:
            return ["".join(self.parts)]
        return [*self.table.header, *(cell for row in self.table.rows for cell in row)]
