"""Who a speaker's unnumbered demand charges: every subject its first sentence charges with `要` (round 173).

A leader's demand in a meeting's news report (`speaker_demands`) may open with `要` alone and charge its bodies later
in the sentence, or charge several bodies one after another, each with its own `要`:

    要提高政治站位,自觉履行责任义务,县、乡两级兵役机关和有关部门要主动适应新形势,…。
    各乡镇要强化主体意识,主要领导靠前指挥、统筹协调,各有关部门要积极配合主动支持,县征兵办要加强督导问效,…。

Each subject charged in the demand's first sentence is its unit, in order, the first leading and the later ones
helping, as a meeting frame's later subjects do (`meeting_demands`, round 95's bodies): `县、乡两级兵役机关` (the
organs of two levels, one addressee); `各乡镇`, then `各有关部门` (one addressee beside a named group, round 162) and
`县征兵办`. A bare group (`各部门`, `各地`, `有关部门` after `和`) or a word naming no body (`军地`, `全县上下`) adds no one.

Near cases: a demand whose first sentence charges one subject (read as before); a demand naming no body at all (none,
or carried by `speaker_demands.carried_demands`); a later sentence's subject (its own demand, or elaboration).
"""

from __future__ import annotations

import itertools
import re

from .lazy_patterns import lazy_compile
from .meeting_subjects import MODAL, VERB, frame_units, named
from .placed_subjects import comma_places
from .responsibility import Responsibility
from .speaker_demands import ends_speech, page_chrome
from .textutil import normalise
from .unit_labels import LISTED

# A subject and its `要` opening the sentence or a comma / `;` part of it.
_SUBJECT_RE = lazy_compile(rf"(?:^|(?<=[,;]))\s*(?P<names>[\u4e00-\u9fff()()、]{{2,30}}?){MODAL}{VERB}", needs="要")
# A bare kind of body joined after the named one (`…兵役机关和有关部门`) names no one more.
_BARE_TAIL_RE = lazy_compile(r"(?:和|及|与)(?:有关|相关)?(?:部门|单位)$")
# The count closing a list (`县教育局、县市场监管局两部门`) is no part of its last name.
_COUNT_TAIL_RE = lazy_compile(r"(?<=[局委办院所站队中心])(?:两|三|四|五|六|\d+)个?(?:部门|单位)$")
# The organs of two or three levels written once (`县、乡两级兵役机关`): one addressee.
_LEVELS_RE = lazy_compile(r"^[\u4e00-\u9fff]{1,2}(?:、[\u4e00-\u9fff]{1,2})+[两三]级[\u4e00-\u9fff]{2,12}$")


def _units(names: str) -> list[str]:
    names = _COUNT_TAIL_RE.sub("", _BARE_TAIL_RE.sub("", names))
    if (pair := _ROLE_PAIR_RE.match(names)) is not None and all(frame_units(p) for p in pair.groups()):
        return [pair["a"], pair["b"]]
    if _LEVELS_RE.match(names):
        return [names]
    found = named(names)
    if found is None:
        found = frame_units(names) or []
    return found


# Roles of a division of work joined by `和` (`牵头单位和配合单位要各司其职`): one addressee each (round 95's roles).
_ROLE_PAIR_RE = lazy_compile(
    r"^(?P<a>[\u4e00-\u9fff]{2}(?:单位|部门))(?:和|及|与)(?P<b>[\u4e00-\u9fff]{2}(?:单位|部门))$"
)
# The body a charged subject must work with (`牵头部门要加强与配合部门的协调配合`): it helps, as `会同`'s and `协同`'s
# partners do (round 108); a higher level (`与上级部门的对接协调`) is no body the demand charges.
_PARTNER_RE = lazy_compile(
    r"(?:加强|做好|强化)?与(?P<names>(?!上级)[\u4e00-\u9fff()()、]{2,20}?)的?(?:沟通)?(?:协调|紧密|密切)?(?:配合|协作)",
    needs="与",
)


def _elaboration_subjects(norm: str, end: int) -> list[re.Match[str]]:
    """The subjects the sentences after a headline charge (`要强化责任,密切配合,确保…。全县上下要…,牵头单位和配合单位
    要各司其职…`, round 183), up to the report's account after the speech."""
    found: list[re.Match[str]] = []
    for m in re.finditer(r"[^。!?]+[。!?]?", norm[end:]):
        if ends_speech(m.group()) or page_chrome(m.group()):
            break
        found += _SUBJECT_RE.finditer(m.group())
    return found


def _partners(sentence: str, units: list[str]) -> list[str]:
    """`units` with the bodies its subjects must work with (`加强与配合部门的协调配合`) after them."""
    for m in _PARTNER_RE.finditer(sentence):
        units += [u for u in _units(m["names"]) if u not in units]
    return units


def speech_charge(text: str) -> Responsibility | None:
    """The bodies charged in the first sentence of a speaker's demand `text`, where it charges more than its opening
    does (a later subject, or one after a subjectless `要`); None otherwise (the demand is read as before)."""
    if (places := comma_places(text)) is not None:  # `全市各镇街片区,各部门单位要…` (`placed_subjects`, round 176)
        found = Responsibility(origin="正文开头")
        found.roles[LISTED] = [places]
        return found
    norm = normalise(text)
    end = re.search(r"[。!?]", norm)
    sentence = norm[: end.start() if end else len(norm)]
    subjects = list(_SUBJECT_RE.finditer(sentence))
    opens_bare = sentence.lstrip().startswith("要")
    # A headline with `要` alone whose elaboration names who carries it out: those subjects are its units (round 183).
    if opens_bare and not subjects and end is not None:
        subjects = _elaboration_subjects(norm, end.end())
    partners = _partners(sentence, []) if subjects else []
    if not subjects or (len(subjects) < 2 and not opens_bare and not partners):
        return None
    units: list[str] = []
    for m in subjects:
        units += [u for u in _units(m["names"]) if u not in units]
    units = _partners(sentence, units) if units else units
    return Responsibility.first_leading(units, "正文开头") if units else None


# A sentence or `;` part opening with a charge: a subject and `要`, or `要` alone (not `重要`, `主要`, `需要`).
_CHARGED_RE = lazy_compile(rf"\s*(?:[\u4e00-\u9fff()()、“”]{{2,30}}?(?<![重主需只想]))?{VERB}", needs="要")


def _all_charged(text: str, first: bool = False) -> bool:
    parts = [p for p in re.split(r"(?<=[。!?;])", normalise(text)) if p.strip() and not page_chrome(p)]
    # A copy run onto one line leaves the report's account after the speech in its last demand (`会议还宣读了…`).
    speech = list(itertools.takewhile(lambda p: not ends_speech(p), parts))
    # The first demand's one sentence of the speaker's view after it (`…要再提高…。当前…形势在变…。`, round 175).
    view = [first and len(speech) == 2 and i == 1 for i in range(len(speech))]
    return bool(speech) and all(_CHARGED_RE.match(p) or skip for p, skip in zip(speech, view, strict=True))


def addressed_to_all(texts: list[str]) -> list[bool]:
    """For each of one speech's demands (`texts`, in order), whether it opens with `要` alone in a speech whose every
    sentence opens with a charge (`…要…。要提高…。军地要…。各乡镇要…。要从严…`, round 173): addressed to all, it names
    no one and goes on with no subject before it (round 114's carry is for a speech whose sentences elaborate)."""
    every = all(_all_charged(t, first=i == 0) for i, t in enumerate(texts))
    return [every and normalise(t).lstrip().startswith("要") for t in texts]
