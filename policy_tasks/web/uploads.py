"""Kept only for callers that still want an upload as text: the web import itself reads bytes.

The import view passes the file's bytes and name to `document_preview` / `read_upload` /
`document_import` (data=…, filename=…), which read them with `parsing.sources.read_source`, the
reader the command and the API use. This returns the same lines that reader hands the parser.
"""

from __future__ import annotations

from policy_tasks.parsing.sources import Table, read_source
from policy_tasks.parsing.tables import table_lines


def uploaded_text(name: str, data: bytes) -> str:
    """The text the parser reads for this upload; raises SourceError (a ParseError) when unreadable."""
    lines: list[str] = []
    for block in read_source(data, name).blocks:
        lines.extend(table_lines(block) if isinstance(block, Table) else block.splitlines() or [""])
    return "\n".join(lines)
