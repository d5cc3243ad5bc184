"""A covering notice's requirement naming only the office that will track the work: no clause.

A notice issuing a year's tasks closes its requirements with how the work will be supervised, written as the issuing
office's own commitment: `三、加强督查,有效监督` / `兴庆区政府办公室将严格按照…的督查制度,加强跟踪督查,…予以通报`. The
office (a government's 办公室, its 督查室 or 督办室, an 效能办) is the supervisor, not a unit charged with a task (as
hubei-caidian-2023's 区人民政府办公室 跟踪督办): the item charges no one and is no clause, even beside clauses
(round 111). Told by its subject, such an office, then `将` (its own future act, not `要`, a charge) and a 督查 verb in
the same sentence. An office charged with `要` (`县政府督查室要加强督查`), or one that will do anything but supervise
(`县政府办公室将牵头制定方案`), is read as before.

The same sentence closing a requirement that charges others (`各县区、各部门要…。市政府办公室将对…实行全程跟踪督办,建立
“逐月盘点、按季通报”的督导机制,…`) is the office's too: the office is no unit of the clause, and the rhythm of its
tracking (`逐月盘点`, `按季通报`) no recurring duty of the units charged (round 117, `supervision_spans`).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .outline_node import Node
from .textutil import normalise

# A bureau's own notice is tracked by the bureau's 办公室 (`市局办公室将对工作要点落实情况进行统筹协调、跟踪督查`, 上海市场监管
# 2023, round 189), as a government's by its 政府办公室.
_OFFICE_WILL = r"[\u4e00-\u9fff]{0,12}?(?:政府办公室|政府办|局办公室|督查室|督办室|督查办|效能办)将[^。;\n]*?(?:督查|督办|督促检查|跟踪检查)"
_SUPERVISES_RE = lazy_compile(r"^(?:[^。;\n]{2,16}\n)?" + _OFFICE_WILL, needs="将")
# Closing a requirement that charges others, the issuing government's own (`…于3月10日前将落实措施报省政府。省政府将对贯彻
# 落实情况进行督查,对落实不力的严肃问责`, round 149) is the same tracking; opening an item, `市政府将…` commits the
# issuer to the work (round 101, `notice_issuers`), so it is read so only after the item's first sentence.
_GOVERNMENT_WILL = r"[省市县区州盟旗](?:人民)?政府将[^。;\n]*?(?:督查|督办|督促检查|跟踪检查)"
# The office's sentence, to its end.
_SUPERVISION_RE = lazy_compile(rf"(?:{_OFFICE_WILL}|{_GOVERNMENT_WILL})[^。;\n]*[。;]?", needs="将")
_SENTENCE_END_RE = re.compile(r"[。;\n]")


def supervising_office(node: Node) -> bool:
    """Whether a silent item (no sub-items) only states the issuing office's supervision (see above)."""
    return not node.children and supervision_only(node.own_text)


def supervision_only(text: str) -> bool:
    """Whether an item's text (its heading line, then its body) states only the issuing office's supervision."""
    return bool(_SUPERVISES_RE.match(normalise(text).strip()))


def supervises_at(norm: str, at: int) -> int | None:
    """Where the office's supervising sentence opening at `at` ends, or None (see above)."""
    m = _SUPERVISION_RE.match(norm, at)
    return m.end() if m else None


def supervision_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the office's supervising sentences opening the sentences of `text` after its first (see above)."""
    norm = normalise(text)
    if "将" not in norm:
        return []
    return [(s.end(), end) for s in _SENTENCE_END_RE.finditer(norm) if (end := supervises_at(norm, s.end()))]
