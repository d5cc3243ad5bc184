"""The document's name in a disclosure page's metadata: `名称: X`, `标题: X`, `文件名称: X`.

A government site's 政府信息公开 page sets the document under a block of fields (索引号, 发布机构,
发文日期, 文号 …) that a copy keeps as lines or as a table flattened a row a line (`| 标题:X | |`). One of
them names the document: `名称:` (often spaced out, `名 称:`), `标题:`, `文件名称:`. Where the page
writes no title line of its own before the text, or only the publishing office's name, that field is
the title; a title line of the plan itself, nearer the text, still wins (`header`). The field's value
runs to the end of its cell or line, or to the next field written on the same line (`… 文号:`); an
empty field (`名称:` at a line's end) names nothing.
"""

from __future__ import annotations

import re

from .textutil import normalise

_NAME_FIELD = re.compile(
    r"(?:^|[\s|•\-])(?:文件)?(?:名\s*称|标\s*题)\s*[:\]]\s*(?P<v>[^|\n]*?)\s*"
    r"(?=\||\s(?:文\s*号|发文|发布|索\s*引|主题|分\s*类|成文)|$)"
)


def named_title(line: str) -> str | None:
    """The document name a metadata line gives (`名称: 2023年重点工作任务分解 文号:`), else None."""
    norm = normalise(line)
    m = _NAME_FIELD.search(norm)
    if m is None or not 4 <= len(m["v"]) <= 80:
        return None
    # Normalising keeps the length, so the value is cut from the line as written.
    return line[m.start("v") : m.end("v")].strip()
