"""Reading a policy file for the commands: bad input exits 2 with one line naming the file and why.

The bytes go to the same source reader as the web page and the API (`parsing.sources`), so the
command accepts the same files (.txt in UTF-8 or GB18030, .doc, .docx, .wps, .pdf, .ofd, .xlsx, .xls) with the same
size limit and the same messages.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from policy_tasks.errors import ServiceError
from policy_tasks.parsing import ParsedDocument, ParseError, parse_bytes


def read_policy_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise CommandError(f"无法读取文件 {path}: {exc.strerror}", returncode=2) from exc


def refuse(path: str, exc: Exception) -> CommandError:
    """One line for the operator: the file, then the reader's or the service's own message."""
    message = exc.message if isinstance(exc, ServiceError) else str(exc)
    return CommandError(f"{path}: {' '.join(str(message).split())}", returncode=2)


def read_policy(path: str, year: int | None) -> tuple[bytes, ParsedDocument]:
    data = read_policy_bytes(path)
    try:
        parsed = parse_bytes(data, year=year, filename=Path(path).name)
    except ParseError as exc:
        raise refuse(path, exc) from exc
    return data, parsed
