"""One reader for every file a government office sends: bytes and a file name in, blocks out.

The command, the web page and the API all call `read_source`, so they accept the same files,
enforce the same size limit and say the same thing about what they cannot read. What comes out
is a `Source`: paragraphs (one string each) and tables (rows of cell texts, merged cells
repeated into every cell they cover), in document order. Nothing here knows about clauses.
"""

from __future__ import annotations

from .base import MAX_SOURCE_BYTES, Source, SourceError, Table
from .reader import read_source

__all__ = ["MAX_SOURCE_BYTES", "Source", "SourceError", "Table", "read_source"]
