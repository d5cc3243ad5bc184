"""Plain text and delimited text (.txt, .csv, .tsv), decoded by `decoding.decode_text`.

A .txt may hold a web page's markup, saved from a government site without its `<html>`: it is
read as the page shows (`markup.read_markup_text`), keeping the file's own line breaks.
"""

from __future__ import annotations

import csv
import io

from .base import Source
from .decoding import decode_text
from .grid import table_blocks
from .markup import holds_markup, read_markup_text
from .unwrap import unwrap


def read_text(data: bytes, filename: str) -> Source:
    text = decode_text(data)
    if holds_markup(text):
        # A page's source saved as .txt (`<p>…</p>`, `<br>`, `&nbsp;`, a `<table>`): read as the page shows.
        return Source("text", filename, read_markup_text(text, keep_line_breaks=True))
    return Source("text", filename, [*unwrap(text.splitlines())])


def read_delimited(data: bytes, filename: str) -> Source:
    """A .csv/.tsv task list (a spreadsheet saved as text) is a table, not lines of commas."""
    text = decode_text(data)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return Source("csv", filename, table_blocks(rows))
