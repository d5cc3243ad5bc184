"""Policy-document parser: text in, plain dataclasses out. Imports nothing of Django."""

from __future__ import annotations

from .document import parse_bytes, parse_document, parse_source
from .result import ParsedArea, ParsedDocument, ParsedMilestone, ParsedTask, ParseError, ParseWarning, UnitRef
from .summary import format_summary

__all__ = [
    "ParseError",
    "ParseWarning",
    "ParsedArea",
    "ParsedDocument",
    "ParsedMilestone",
    "ParsedTask",
    "UnitRef",
    "format_summary",
    "parse_bytes",
    "parse_document",
    "parse_source",
]
