"""A meeting's demanding head whose first sentence states the demands' aim before its inline points.

A meeting report writes its demands after `会议要求,` (`会议强调,`), numbered inline (`一是…。二是…`, round 123), and
may open them with one sentence of the whole work's aim before the first point (round 159's 能耗双控 meeting):

    会议要求,要坚持问题导向和目标导向,…,扎实做好下阶段能耗“双控”相关工作。一是提高政治站位。要…。二是压紧压实各方责任。
    各市(州)要…

The sentence between the head and `一是` charges no one in particular and numbers nothing: it is the head's, as the
heading line of a plan's section is, and no clause (the corpus gold reads the points only). `minute_points` cuts the
paragraph after the lead-in sentence and before each later point, as it cuts `会议要求,一是…`, and the head with its
lead-in is the meeting's head over the points as `会议要求,` is (`lead_in_head`).

A report may run the head on after its opening sentences and close the aim with a colon, the aim charging the places
the points go on charging (`…参加了会议。 会议要求,各地要紧紧围绕…,确保全面完成三年行动各项目标任务:一是…;二是…`, round
166): the head starts after that sentence end (`lead_in_span`), and the aim is the head's as the sentence is.

Near cases: a head over no points (`会议要求,要…。` alone), a lead-in of several sentences (two full stops before `一是`:
the paragraph's own prose, left whole), a `一是` inside the lead-in's sentence (`…,一是…`: no sentence end before it),
and a head of no demand (`会议认为,…。一是…`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# The meeting's demanding verb and its comma, then one sentence (no stop, no point inside it), then `一是`.
_LEAD_IN_HEAD_RE = lazy_compile(
    r"^\s*(?P<h>会议(?:要求|强调|提出|明确)\s*,)(?P<l>[^。;:!?\n]{4,160}?。)\s*(?=一是)", needs="一是 & 会议"
)


_CUT_RE = lazy_compile(r"^\s*会议(?:要求|强调|提出|明确)\s*,[^。;:!?\n]{4,160}?[。:]$", needs="会议")
# The same head run on after a sentence end, its aim closed by a colon (round 166).
_RUN_IN_RE = lazy_compile(
    r"(?<=[。!?])\s*(?P<h>会议(?:要求|强调|提出|明确)\s*,)(?P<l>[^。;:!?\n]{4,160}?:)\s*(?=一是)", needs="一是 & 会议"
)


def lead_in_end(norm: str) -> int | None:
    """Where `norm`'s head and its lead-in sentence end (`会议要求,要坚持…工作。` | `一是…`), or None where the
    paragraph opens with no demanding head over one lead-in sentence and `一是`."""
    m = _LEAD_IN_HEAD_RE.match(norm)
    if m is None or any(f"{n}是" in m["l"] for n in "一二三"):
        return None
    return m.end("l")


def lead_in_span(norm: str) -> tuple[int, int] | None:
    """Where a head run on after a sentence end with its aim closed by a colon starts and ends (`…会议。 会议要求,各地要
    …任务:` | `一是…`), or None."""
    m = _RUN_IN_RE.search(norm)
    if m is None or any(f"{n}是" in m["l"] for n in "一二三"):
        return None
    return m.start("h"), m.end("l")


def lead_in_head(norm: str) -> bool:
    """`会议要求,要坚持…工作。` cut from its points: the meeting's head over them, as `会议要求,` is."""
    return bool(_CUT_RE.match(norm.strip())) and not any(f"{n}是" in norm for n in "一二三")
