"""The shapes a source reader hands to the parser."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..result import ParseError

MAX_SOURCE_BYTES = 10 * 1024 * 1024


class SourceError(ParseError):
    """The file cannot be read at all (format, encoding, size, damage). Chinese first, one line."""


@dataclass(frozen=True)
class Table:
    """A table as rows of cell texts; a merged cell's text is repeated in every cell it covers."""

    rows: tuple[tuple[str, ...], ...]


@dataclass
class Source:
    kind: str  # text | docx | pdf | xlsx | xls
    filename: str
    blocks: list[str | Table] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The whole source as plain text: a paragraph a line, a table row a line of tab-separated cells."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Table):
                lines.extend("\t".join(row) for row in block.rows)
            else:
                lines.append(block)
        return "\n".join(lines)

    @classmethod
    def from_text(cls, text: str, filename: str = "document.txt") -> Source:
        return cls("text", filename, text.splitlines())
