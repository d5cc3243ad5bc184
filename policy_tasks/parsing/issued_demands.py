"""A news report retelling an issued order's demands, numbered inline after the order's name (round 179).

A report of a county chief's order, notice or opinions retells what the document demands in one paragraph after its
news sentence, numbering the points inline with the numeral joined to 要 (README rounds 96/97) or written `一是`:

    近日,某县县级林长签发2021年林长1号令。
    林长令要求各级林长,一要建立健全林长制组织体系。…二要开展林长巡林督导。要…每年巡林不少于2次,…三要…

The paragraph opening with the document (`林长令`, `通知`, `意见`, `方案`, `决定`) and `要求`, perhaps naming whom it
charges before the comma, is the head over the points, as a meeting's `会议要求,一是…` is (`minute_points`): a clause a
point, the charged group read where the points name no one of their own.

Near cases: the writer following a document (`按照通知要求,一是…`, `根据…方案要求,一要…`: the writer's own points, no
retelling), a document that demands with no inline points after its comma (`通知要求,各地要…。`: the paragraph's
prose), and a head of more than a short name (a sentence's account before `要求`).
"""

from __future__ import annotations

import re

from .chief_posts import chief_leaders
from .lazy_patterns import lazy_compile
from .textutil import normalise

# The document's short name (up to 12 characters, ending in its kind) opening the paragraph, `要求`, the group it
# charges (at most 12 characters, no punctuation), the comma or colon, then the first point.
_ISSUED_HEAD_RE = lazy_compile(
    r"^\s*(?!按照|根据|依据|落实|贯彻|对照|结合)(?P<d>[\u4e00-\u9fff0-9]{0,10}(?:令|通知|意见|方案|决定))"
    r"(?:明确)?要求(?P<a>[^。;:,!?\s]{0,12})\s*[,:]\s*(?=一[是要])",
    needs="要求",
)


def issued_head_end(norm: str) -> int | None:
    """Where the head `林长令要求各级林长,` of a paragraph ends, or None where it opens with no such head."""
    m = _ISSUED_HEAD_RE.match(norm)
    return None if m is None else m.end()


def run_in_issued_span(norm: str) -> tuple[int, int] | None:
    """Where such a head run on after the news sentence (a copy on one line: `…签发…1号令。林长令要求各级林长,`) starts
    and ends, or None. Only after a sentence end, never inside one."""
    for m in re.finditer(r"(?<=[。!?])\s*", norm):
        if (end := issued_head_end(norm[m.end() :])) is not None:
            return m.end(), m.end() + end
    return None


def progress_start(norm: str, start: int) -> int | None:
    """Where the report's progress account run on after the last point starts (a sentence from `start` on that, with
    all after it, tells what has been done and charges no one), or None."""
    for m in re.finditer(r"(?<=[。!?])\s*", norm[start:]):
        at = start + m.end()
        if at < len(norm) and progress_account(norm[at:]):
            return at
    return None


# The report's account of the progress so far after the last point (`将乐县4月22日成立林长办公室,截至10月底,…已全面建立
# …`): a count up to a day (`截至…,`) and work done (`已…`), with no `要` of a demand (`主要`, `重要`, `需要` are words).
_PROGRESS_RE = lazy_compile(r"截至[^。;:,!?]{1,12},[^。;:!?]{0,30}?已", needs="截至")
_CHARGE_RE = lazy_compile(r"(?<![主重需])要(?!点)|务必|必须", needs="要|务必|必须")


def progress_account(norm: str) -> bool:
    """A paragraph telling what has been done by a day, charging no one: no part of the point before it."""
    return bool(_PROGRESS_RE.search(norm)) and not _CHARGE_RE.search(norm)


# The same head cut from its points, the header's last line (`林长令要求各级林长,`).
_CUT_ISSUED_RE = lazy_compile(
    r"^\s*(?!按照|根据|依据|落实|贯彻|对照|结合)[\u4e00-\u9fff0-9]{0,10}(?:令|通知|意见|方案|决定)"
    r"(?:明确)?要求(?P<a>[^。;:,!?\s]{1,12})\s*[,:]$",
    needs="要求",
)


def issued_leaders(header: list[tuple[int, str]]) -> list[str]:
    """The chiefs by level an order's head charges (`林长令要求各级林长,`): posts held by persons (`chief_posts`), the
    leaders of every point naming none of its own; empty where the header closes on no such head."""
    last = next((normalise(text).strip() for _, text in reversed(header) if text.strip()), "")
    m = _CUT_ISSUED_RE.match(last)
    return [] if m is None else chief_leaders(m["a"])
