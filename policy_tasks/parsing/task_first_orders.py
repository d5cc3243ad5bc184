"""A meeting's order that names its task first, then who leads it: `<task>由A牵头,B落实`.

A 指挥部's or a work meeting's note (碰头会, 调度会, 现场办公会) as a county's news page reports it gives the
decisions as one paragraph of `;`-separated orders, each naming the work and then who takes it on:

    会议决定:…。九重区域环境整治由王某某牵头,九重镇落实;干渠绿化由李某牵头,林业局落实;…;
    陶岔风情小镇扫尾提升由陈某某牵头,连夜开会研究…;督导组负责每天向市里报送…进度。

The words before `由` are the task, no name (`九重区域环境整治`, not a unit `九重区域环境整治由王某某`). The one
after `由` who `牵头` is, in such a note, as often a leader of the 指挥部 by name as a unit: a person is a leader,
never a unit, and then the unit that `落实` (`实施`, `负责`) carries the work out and answers for it, so it leads;
after a unit that 牵头 it helps (`carry_out_parts`). An order may name its leader only (`…由陈某某牵头,连夜开会…`):
the clause has a leader and no unit. The note names the county's own offices and groups short, without their
place (`林业局`, `督导组负责…`), as its members know them: in such a list of orders (`charged_parts`), a body named
by its name's end opens an order as a place-first name does elsewhere; a vague subject (`各单位`, `相关部门`)
does not.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .leader_orders import leader_charge
from .person_names import is_person
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED
from .unit_lists import split_names
from .unit_names import TRIM, VAGUE_RE, looks_like_units

# `<task>由`: the work named before `由` (one phrase of the order, no punctuation; the 由 of `自由` is a word's).
_TASK_BY_RE = lazy_compile(r"^(?P<task>(?:[^,;。:!?()由]|(?<=自)由){2,30}?)(?<!自)由")
# An order's opening: `<task>由A牵头`, `由A负责`, `A负责…`.
_ORDER_RE = lazy_compile(
    r"^(?:(?:[^,;。:!?()由]|(?<=自)由){2,30}?(?<!自)由|由)?(?P<who>[\u4e00-\u9fff()、]{2,20}?)(?:牵头|负责(?![同人]))"
)
# Groups and vague subjects, no unit in particular (`各单位`, `相关部门`, `有关镇`).
_NOT_SPECIFIC_RE = lazy_compile(r"^(?:各|相关|有关|其他|其它|所有)")


def task_then_lead(names: str) -> int:
    """Where the names of `<task>由A` start (after the `由`), or 0 when the words are no task before `由`
    followed by units or a person (`九重区域环境整治由王某某` → the offset of `王某某`)."""
    m = _TASK_BY_RE.match(names) if "由" in names else None
    if m is None or looks_like_units(m["task"].strip(TRIM)):
        return 0
    who = names[m.end() :].strip(TRIM)
    return m.end() if who and (looks_like_units(who) or is_person(who)) else 0


def _body(names: str) -> bool:
    """A unit or a group named by its name's end, no vague subject and no person."""
    parts = [p.strip(TRIM) for p in names.split("、")]
    return looks_like_units(names) and all(
        p and not _NOT_SPECIFIC_RE.match(p) and not VAGUE_RE.search(p) and not is_person(p) for p in parts
    )


def _order(part: str) -> tuple[re.Match[str], bool] | None:
    m = _ORDER_RE.match(part)
    if m is None:
        return None
    who = m["who"].strip(TRIM)
    if is_person(who):
        return m, True
    return (m, False) if _body(who) else None


def order_opening(part: str) -> tuple[int, int, bool] | None:
    """The span of who an order opens with (`<task>由A牵头`, `由A负责`, `A负责`) and whether that is a person,
    or None when the part opens with no such order."""
    found = _order(part)
    return None if found is None else (found[0].start("who"), found[0].end("who"), found[1])


def order_charge(text: str) -> Responsibility | None:
    """Who an order that names no unit otherwise is given to: the body it opens with (`督导组负责…`), which
    answers for it, or the leader alone (`…由陈某某牵头,连夜开会…`, `…的建议,由副省长某某领办`); None when it
    names neither."""
    norm = normalise(text)
    found = _order(norm)
    if found is None:
        return leader_charge(text)  # `关于…的建议,由副省长某某领办;`: the leader alone
    m, person = found
    start, end = m.start("who"), m.end("who")
    read = Responsibility(origin="会议分工")
    if person:
        read.leaders.append(text[start:end].strip(TRIM))
    else:
        read.roles[LISTED] = split_names(text, norm, start, end)
    return read


def led_by_persons(names: list[str]) -> bool:
    """`由王某某牵头`: every name before 牵头 is a person (the units carrying the work out then lead)."""
    return bool(names) and all(is_person(n.strip(TRIM)) for n in names)
