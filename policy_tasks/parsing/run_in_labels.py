"""A unit label a copy ran into the item's text without its colon.

A sharing site's text layer of a 街道's or a 镇's plan may lose the line breaks and the colons of
its labels, so that each task runs straight into the units that answer for it:

    (二)开展市容环境卫生整治……无乱搭乱建等行为责任单位城管科、各社区居委会,环卫公司
    2、某门前积存垃圾,清运费没有收到位责任单位环卫分公司配合单位办事处、城管中队

The label (`责任单位`, `牵头单位`, `配合单位` …) is still the label where what follows it to the line's
end is nothing but unit names (each a unit by its name's end, `…科`, `…公司`, `…中队`, or a group,
`各社区居委会`), another such label between them. It is given its colon back before anything else reads
the line, and a space before it where the words before it are glued to it, so that no label reads
them as its own words (`收到位责任单位`). Prose that only speaks of a label's words (`落实责任单位和责任人`,
`牵头单位要加强调度`, `各责任单位`) runs on into words that name no unit, and stays as written.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .unit_names import looks_like_units

# A unit label's words, not a colon after them, not a word of prose before them (`各责任单位`), and not
# a sentence's verb after them (`责任单位为市经委`, `责任单位均为…`, `牵头单位要…`).
_RUN_IN_RE = lazy_compile(
    r"(?<![各的该等和及与、])(?:主要)?(?:责任|牵头|配合|协办|协助|参与|主责|主办)(?:单位|部门)"
    r"(?=[\u4e00-\u9fff])(?![为是均都即系由要应须需负将和及与])"
)
_HAN_RE = lazy_compile(r"[\u4e00-\u9fff]")
# Sentence marks end the names a label may give: a tail holding one is prose.
_SENTENCE_RE = lazy_compile(r"[。;；!！?？:：]")


def colon_run_in_labels(line: str) -> str:
    """`…行为责任单位A、B配合单位C` as `…行为责任单位:A、B配合单位:C` where the labels closing the line
    each give nothing but unit names, the last up to the line's end; the line as written otherwise."""
    if "单位" not in line and "部门" not in line:
        return line
    labels = list(_RUN_IN_RE.finditer(line))
    end = len(line.rstrip().rstrip("。;；"))
    closing: list[re.Match[str]] = []
    for m in reversed(labels):
        names = line[m.end() : end]
        if _SENTENCE_RE.search(names) or not looks_like_units(names):
            break
        closing.append(m)
        end = m.start()
    out = line
    for m in closing:  # from the line's end back, so each place stays where it was found
        apart = " " if m.start() > 0 and _HAN_RE.match(line[m.start() - 1]) else ""
        out = out[: m.start()] + apart + m[0] + ":" + out[m.end() :]
    return out
