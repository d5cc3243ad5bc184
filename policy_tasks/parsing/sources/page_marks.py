"""A page number that a page's text ran into the next page's first words is a page break inside it.

A document printed to GB/T 9704 numbers its pages `-1-` / `— 1 —` below the text; a page saved from
such a copy may keep the number at the start of the next page's first line (`…深化对生态文明` /
`-1-建设和环境保护重要性的认识,…`). The number is no text: it goes, and where the line before ends
inside a sentence (no 。:; at its end) the words go on in that line, as the paragraph did across
the page. A number on a line of its own is the unwrapping's to drop (`unwrap`).
"""

from __future__ import annotations

import re

_MARK_RE = re.compile(r"^\s*[-—–－]\s*\d{1,4}\s*[-—–－]\s*(?=[\u4e00-\u9fff“(（])")
_SENTENCE_ENDS = "。:;!?：；！？"


def rejoin_page_marks(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        m = _MARK_RE.match(line)
        if m is None:
            out.append(line)
            continue
        rest = line[m.end() :]
        if out and out[-1].strip() and out[-1].rstrip()[-1] not in _SENTENCE_ENDS:
            out[-1] = out[-1].rstrip() + rest
        else:
            out.append(rest)
    return out
