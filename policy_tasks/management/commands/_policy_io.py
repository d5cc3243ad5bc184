"""Reading a policy file for the commands: bad input exits 2 with one line saying why."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from policy_tasks.parsing import ParsedDocument, ParseError, parse_bytes


def read_policy(path: str, year: int | None) -> tuple[str, ParsedDocument]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CommandError(f"无法读取文件 {path}: {exc.strerror}", returncode=2) from exc
    try:
        parsed = parse_bytes(data, year=year)
    except ParseError as exc:
        raise CommandError(f"{path}: {exc}", returncode=2) from exc
    return data.decode("utf-8-sig"), parsed
