"""A speaker's demands opened by the purpose they serve (round 158).

A newspaper's or a county site's report of a work meeting often opens the paragraph of the leader's demands with the
purpose the demands serve, before the speaker and his verb:

    为了更好地落实2022年全国教育大会…精神,强力推动此项工作落实落地,郑文红强调,一要高度重视,提高站位。…二要明确职责,…

The purpose clause (`为…,`, `为了…,`, `为进一步…,`, one or more comma-parts) says why, and the speaker's head after it
(`郑文红强调,`, `县长张某强调:`, `会议要求,`) is the head over the points as it is at the paragraph's start (round 136,
round 156's `named_speakers`): the paragraph is the speaker's demands, the report a minute. Only the opening sentence
counts (the head must follow before any full stop, semicolon or colon), and only where a speaker's head the readers know
follows one of the clause's commas: a paragraph opening `为…,` with no speaker (`为确保工作落实,一是…`, a plan's own
words) is none, as a plan's `工作要求:一是…` is none.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# The purpose clause opening the paragraph: `为`, `为了`, `为进一步`, not `为期…` (a span) nor `为主` (a principle).
_PURPOSE_RE = lazy_compile(r"^\s*为(?!期|主|止|此|准|由)[^。;:!?\n]{2,160}?(?=,)", needs="为")
_COMMA_RE = lazy_compile(r",")
# The same clause on a line the one-line reader cuts (`one_line_minutes`), before the speaker's head.
PURPOSE_LEAD = r"(?:为(?!期|主|止|此|准|由)[^。!！?？:：;；]{2,160}?[,，])?"


def purpose_ends(norm: str) -> list[int]:
    """The offsets right after each comma of the purpose clause opening `norm` (normalised text), in order: where a
    speaker's head may start. None where the paragraph opens with no purpose."""
    m = _PURPOSE_RE.match(norm)
    if m is None:
        return []
    sentence = len(norm)
    for stop in "。;:!?\n":
        at = norm.find(stop, m.end())
        if at >= 0:
            sentence = min(sentence, at)
    return [c.end() for c in _COMMA_RE.finditer(norm, m.end(), sentence)]


def after_purpose(norm: str) -> list[int]:
    """Where a speaker's head may start in `norm`: the paragraph's start, then after each comma of its purpose."""
    return [0, *purpose_ends(norm)]
