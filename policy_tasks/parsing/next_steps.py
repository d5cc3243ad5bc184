"""A progress notice's `下一步` paragraph: the requirement it closes with, charging the list's roles.

A county's monthly 通报 on its 民生实事 (round 150) numbers nothing and has no salutation: it states the programme, reports
the month's figures (`截至10月31日,65件民生实事已完成26件…`), then closes with what comes next: `下一步,各牵头单位要切实负起
牵头抓总的主体责任,…。县发改委要会同县督查落实办对相关工作进行督导,…`. That paragraph charges the list's roles and
offices with work a supervisor tracks: it is the notice's requirement, a clause, `ref` by order as round 132's unnumbered
paragraphs take theirs. Its subject opens after the lead-in (`下一步,`, `下步,`), as after round 114's `今年,`
(`role_sentences.opening_starts`).

Only a paragraph (it ends a sentence, no number of its own) opening with the lead-in, then a role of the list charged
(`role_groups`: `各牵头单位要…`). Near cases that are no clause: the report of figures, a `下一步` paragraph with no
subject (`下一步,将继续加大推进力度。`) or the issuer's own (`下一步,我们将…`), and the lead-in inside a sentence.
"""

from __future__ import annotations

from .outline import line_marker, numbered_in_order
from .role_groups import later_role_groups
from .role_sentences import NEXT_STEP_RE
from .textutil import normalise

_SENTENCE_ENDS = "。;!"


def number_next_step_paragraphs(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """The lines with each `下一步,` paragraph charging a list's role numbered in order, or None when none does."""
    items = []
    for k, (text, _) in enumerate(lines):
        norm = normalise(text).strip()
        if line_marker(norm) is not None or not any(ch in norm for ch in _SENTENCE_ENDS):
            continue
        if (m := NEXT_STEP_RE.match(norm)) is not None and later_role_groups("。" + norm[m.end() :], 0):
            items.append(k)
    return numbered_in_order(lines, items) if items else None
