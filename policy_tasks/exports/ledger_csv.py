"""The ledger as CSV for machines: the same rows and columns, every cell filled in.

UTF-8 with a byte-order mark, because Excel on Windows otherwise reads the file
as GBK and garbles every Chinese character. Clause columns are repeated on each
row instead of merged, so every row stands alone.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import IO

from policy_tasks.exports.ledger import LEDGER_COLUMNS, Ledger


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_ledger_csv(ledger: Ledger, target: IO[bytes]) -> None:
    stream = io.TextIOWrapper(target, encoding="utf-8-sig", newline="", write_through=True)
    try:
        writer = csv.writer(stream)
        writer.writerow(LEDGER_COLUMNS)
        writer.writerows([_text(v) for v in row.values()] for row in ledger.rows)
        stream.flush()
    finally:
        # Leave the caller's stream open: only let go of the wrapper.
        stream.detach()
