"""Line numbers as the file counts them, where the parser read other lines than the file's: a double-spaced copy's
empty lines dropped, a flattened line's blocks, a one-line copy's header and body (`one_line`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .result import ParsedDocument

# A warning that names its line in words (`第4行“责任单位:…”未读入任何条款`) names it as the file counts it too.
_LINE_IN_WORDS = re.compile(r"^第(\d+)行")


def renumber(parsed: ParsedDocument, origins: Sequence[int]) -> None:
    """`origins`: each line's number in the file (or in the lines before), one a line the parser read."""
    if all(origin == i for i, origin in enumerate(origins, start=1)):
        return

    def at(line: int) -> int:
        return origins[line - 1] if 0 < line <= len(origins) else line

    for task in parsed.tasks:
        task.line = at(task.line)
    for area in parsed.areas:
        area.line = at(area.line)
    for warning in parsed.warnings:
        if (m := _LINE_IN_WORDS.match(warning.message)) and int(m[1]) == warning.line:
            warning.message = f"第{at(warning.line)}行{warning.message[m.end() :]}"
        warning.line = at(warning.line)
