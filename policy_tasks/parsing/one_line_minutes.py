"""A meeting report run onto one line: where its paragraphs started.

A township's or county's meeting report (`…召开…推进会。会议要求,一是…;二是…`, `乔新光强调,一要…。二要…`) numbers no
heading, so the one-line reader finds no first heading to cut at (`one_line`). Its paragraphs are still written as
such reports write them: the account of the meeting, then the requirements, opened by the meeting or its speaker
requiring or stressing (`会议要求`, `会议强调`, `X强调`, `X指出`) and counted by inline points (`一是`/`一要`), then the
closing account of what else was said (`会上,…`). A lead-in joined to its first point by nothing (`会议要求一要…`)
(or by a space, the break a copy kept as one) lost a line break there, so its points were paragraphs of their own, each after a full stop; a lead-in closed by a
comma or colon ran its points on inline, as the paragraph keeps them. The lead-in may state the demands' aim in one
sentence before its first point (`会议要求,要坚持…工作。一是…`, round 159, `minute_lead_ins`): the points still run on in
the lead-in's paragraph, which opens at the lead-in.

A news report of a meeting may give a leader's demands unnumbered, each speech a paragraph opening with the leader's
name, once introduced by post (`副县长、…林琦志出席会议。…林琦志指出,…。林琦志强调,…`, `speaker_demands`): a copy that
lost its breaks still opens each such paragraph at the name after a full stop, where the speeches hold demands; a
photo's caption (`会议现场`) the page set between the account and the speech is no part of the speech (round 165), and
a body's own arrangement made at its meeting (`会上,我局对…争取于4月20日前完成…`) opens a paragraph too (round 166).
"""

from __future__ import annotations

import itertools
import re

from .purpose_leads import PURPOSE_LEAD
from .speaker_demands import own_arrangement, speaker_demands_outline, speaker_end
from .textutil import cn_numeral, normalise

# The occasion opening a speaker's head (`在各部门积极讨论后,朱小良强调讲话:`, round 166), after a full stop or a
# semicolon closing the account before it (`…进行了解释说明;`).
_OCCASION = r"(?:在[^。!！?？,，:：;；]{1,20}?(?:后|时|中|上)[,，])?"
# The requirements' lead-in, perhaps opened by the purpose they serve (`为了…,郑文红强调,`, `purpose_leads`).
_LEAD = re.compile(
    r"(?<=[。!！?？;；])\s*(?P<lead>"
    + PURPOSE_LEAD
    + _OCCASION
    + r"[^。!！?？,，:：;；\s]{0,12}?(?:要求|强调|指出)(?:讲话)?)(?P<mark>[,，:：]?)\s?"
    r"(?:(?<=[,，:：])(?P<aim>[^。!！?？;；:：\n]{4,160}?。)\s?)?(?P<p>一(?P<w>[是要]))(?=[\u4e00-\u9fff])"
)
# A speech's paragraph opens after a full stop (its head read by `speaker_demands.speaker_end`), or after the caption of
# the page's photo of the meeting that a copy ran in before it (`…出席会议。会议现场林金妹要求,`, round 165): a caption
# has no full stop of its own.
_SENTENCE_START = re.compile(r"(?<=[。!！?？])\s*(?:(?:会议|会场|活动)?现场(?:图片|照片|图)?\s*(?=[\u4e00-\u9fff]))?")
# What else the meeting heard, after the requirements' last point: a paragraph of its own.
_CLOSING = re.compile(r"(?<=[。!！?？])\s*会上[,，]")


def _points(text: str, first: int, word: str) -> list[int]:
    """The starts of the points from `first` (`一要`), each next one (`二要`) after a sentence's or clause's end."""
    points = [first]
    while n := re.compile(r"(?<=[。!！?？;；])\s*" + cn_numeral(len(points) + 1) + word).search(text, points[-1]):
        points.append(n.end() - 2)
    return points


def minute_cuts(text: str) -> list[int]:
    """Where the one-line meeting report `text` is cut into its paragraphs; none when it is no such report."""
    for m in _LEAD.finditer(text):
        points = _points(text, m.start("p"), m.group("w"))
        if len(points) < 2 or (m["aim"] and any(f"{n}是" in m["aim"] for n in "一二三")):
            continue
        cuts = [m.start("lead")] + (points if not m.group("mark") else [])
        closing = _CLOSING.search(text, points[-1])
        return cuts + ([closing.end() - 3] if closing else [])
    return _speech_cuts(text)


def _speech_cuts(text: str) -> list[int]:
    """Where the speeches of a leader introduced by post open, when they hold demands as `speaker_demands` reads them;
    the head may write the post itself (`。 柘荣县委常委、县政府党组成员陈家秋强调,`, round 165)."""
    cuts = []
    for m in _SENTENCE_START.finditer(text):
        at = m.end()
        rest = normalise(text[at:])
        if speaker_end(rest, normalise(text[:at])) is not None or own_arrangement(rest):  # `会上,我局…` (round 166)
            cuts.append(at)
    if not cuts:
        return []
    bounds = [0, *cuts, len(text)]
    lines = [(text[a:b].strip(), True) for a, b in itertools.pairwise(bounds)]
    return cuts if speaker_demands_outline([line for line in lines if line[0]]) is not None else []
