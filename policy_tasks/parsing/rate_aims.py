"""A rate the work aims at after its dated commitment (`并于9月19日前…答复,力争满意率达到100%`) is no second milestone.

A proposal-handling notice gives the handler a reply date and, in the same sentence, the rate its replies should reach:
`议案由市工业和信息化局负责主办,并于9月19日前向市人大代表进行答复,力争满意率达到100%` (round 142). The date is written inside
its own commitment (`于…前` before the verb it dates, `答复`), and the rate measures how that commitment is done (the
deputies' satisfaction with the reply, a 办结率 of the proposals): the aim of the dated commitment, not a commitment of
its own on that day, as round 113's later aims of a dated sentence are none.

Near cases that stay as they were: a time phrase opening its part or sentence dates every part after it
(`一季度确保增长15%,力争增长20%`, both by 31 March); a rate after such an opening date (`到2025年,…覆盖率达到90%`) is the
horizon's target; a rate with a date of its own is dated; and a later part with a measure of work (`于6月底前完成…,
新增学位1000个`) is a commitment of its own.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# `力争满意率达到100%`, `确保办结率100%`, `争取答复满意率达95%以上`: an aim at a rate, and nothing more in the part.
_RATE_AIM_RE = lazy_compile(
    r"^(?:力争|争取|确保)[\u4e00-\u9fff]{0,8}?率(?:达到|达|为|保持)?\d+(?:\.\d+)?%(?:以上)?$", needs="率"
)
# `于9月19日前`, `在6月底前`: the date set inside its own commitment, the verb after it.
_INSIDE_BEFORE = ("于", "在")


def rate_aim(norm: str, start: int, end: int, carried_start: int | None, carried_end: int | None) -> bool:
    """Whether the part `norm[start:end]` only aims at a rate of the commitment a date inside an earlier part of its
    sentence dates (that date's span `carried_start:carried_end`, written after `于` / `在` with the part's verb after
    it)."""
    if carried_start is None or carried_end is None or not _RATE_AIM_RE.match(norm[start:end].strip()):
        return False
    if norm[carried_start - 1 : carried_start] not in _INSIDE_BEFORE:
        return False
    after = norm[carried_end:start]
    return "," in after and len(after.split(",", 1)[0].strip()) >= 2
