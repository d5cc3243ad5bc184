"""The ledger as CSV for machines: the same rows and columns, every cell filled in.

UTF-8 with a byte-order mark, because Excel on Windows otherwise reads the file
as GBK and garbles every Chinese character. Clause columns are repeated on each
row instead of merged, so every row stands alone. Text that a spreadsheet would read as a
formula is escaped with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from typing import IO

from policy_tasks.exports.ledger import LEDGER_COLUMNS, Ledger

# A spreadsheet opening the CSV evaluates a cell that starts with one of these (OWASP "CSV
# injection"); a leading apostrophe makes it text. Plain numbers are left alone.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text


def write_ledger_csv(ledger: Ledger, target: IO[bytes]) -> None:
    stream = io.TextIOWrapper(target, encoding="utf-8-sig", newline="", write_through=True)
    try:
        writer = csv.writer(stream)
        writer.writerow(LEDGER_COLUMNS)
        writer.writerows([_text(v) for v in row.values()] for row in ledger.iter_rows())
        stream.flush()
    finally:
        # Leave the caller's stream open: only let go of the wrapper.
        stream.detach()
