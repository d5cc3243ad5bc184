"""A campaign stage's heading with its span dates the items under it that state no time of their own.

A campaign's plan or notice (整治, 创建, 专项行动) divides the work into stages, each a heading with its span in a
bracket or after a colon (`(一)第一阶段(2021年5月10日前)`, `1.动员部署阶段(4月6日—4月20日)`, `第二阶段:5月底前`), over
numbered items that are the clauses. An item that names no time of its own is due at its stage's end, as a year's
task list dates its tasks with no month: the stage is the time the heading sets for them. An item with a date of its
own keeps it alone (`于5月10日前完成…`); the stage adds nothing there. Only the heading right above the items counts:
the nearest ancestor's line, or, where a copy ran the heading into its parent's paragraph
(`…分四个阶段进行。(一)第一阶段(2021年5月10日前)1.…`, or after its lead-in's colon, `…进行:(一)…`), the last part of
that paragraph. A heading naming a stage
with no span (`第一阶段:动员部署`), or a span in a sentence (`本阶段要在5月底前…`), is no stage heading.

An activity plan's section does the same with the days it is held (round 143): the heading names the activity
(`(五)开展一次防灾减灾知识“四进”活动`) and its paragraph opens with the days (`5月7-13日,在全区广泛开展…活动,…`), over
the numbered activities it holds (`1、进校园活动。`). Each is held in those days: the section's days date it. Only days
of a month opening the paragraph right under the title, before a comma: a deadline (`5月底前,完成…`) or a year
(`2024年,…`) there is the section's own commitment, and a day inside a sentence (`…于5月8日召开`) dates that sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .lazy_patterns import lazy_compile
from .milestones import find_milestones
from .ordinal_stages import stage_steps
from .outline_node import Node
from .result import ParsedMilestone
from .textutil import normalise

# `第一阶段(2021年5月10日前)`, `动员部署阶段(4月6日—4月20日)`, `第二阶段:5月底前`: a stage's name, then its span alone.
_STAGE_RE = lazy_compile(
    r"^(?:第[一二三四五六七八九十\d]{1,3}阶段|[\u4e00-\u9fff]{2,8}阶段)[::\s]*(?P<span>\([^()]{3,30}\)|[^()。;,\n]{3,24})$",
    needs="阶段",
)
# A span names a time: a month, a day or a year.
_TIME_RE = lazy_compile(r"\d{1,4}\s*[年月日]|[一二三四五六七八九十]+月|年底|年内")
# The days a section's paragraph opens with (`5月7-13日,`, `5月8日左右,`), then what is held in them up to its comma.
_HELD_DAYS_RE = lazy_compile(
    r"^(?P<held>\d{1,2}\s*月\s*\d{1,2}\s*(?:日?\s*[-—~至]\s*\d{1,2}\s*)?日(?:左右)?,[^,。;\n]{4,60})", needs="日"
)
# A title run into the days by a PDF's reader (`…“四进”活动5月7-13日,…`), ending in no word governing a time.
_GLUED_TITLE_RE = re.compile(
    r"^\s*[\u4e00-\u9fff“”、]{4,30}?(?<![在于到至从自前后])[^\S\n]*(?=\d{1,2}\s*月\s*\d{1,2}\s*日?\s*[-—~至]?)"
)
# A numbering mark opening the heading (`(一)`, `1.`, `一、`).
_MARK_RE = re.compile(r"^(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])\s*")


def stage_heading(node: Node) -> str | None:
    """The heading of the stage `node` lies in, as written, when it states the stage's span; else None."""
    parent = node.parent
    if parent is None or not parent.pieces:
        return None
    own = normalise(parent.own_text).strip()
    first = own.split("\n", 1)[0].strip()
    last = re.split(r"[。;\n]", own.rstrip("。;\n "))[-1].strip()
    # `…分三个阶段进行:(一)准备阶段(2月5日—2月28日)`: run in after the lead-in's colon, the part after it.
    led_in = last.rsplit(":", 1)[-1].strip()
    for line in dict.fromkeys((first, last, led_in)):
        line = _MARK_RE.sub("", line).strip()
        if (m := _STAGE_RE.match(line)) is not None and _TIME_RE.search(m["span"]):
            return line
    lines = own.split("\n")
    glued = _GLUED_TITLE_RE.match(lines[0])  # a PDF's reader ran the title into the paragraph
    opening = lines[0][glued.end() :].strip() if glued is not None else lines[1].strip() if len(lines) > 1 else ""
    if (held := _HELD_DAYS_RE.match(opening)) is not None:
        return held["held"]  # `(五)开展…活动` / `5月7-13日,在全区广泛开展…活动,…` over `1、进校园活动。`
    return None


def stage_milestones(node: Node, milestones: list[ParsedMilestone], year: int) -> list[ParsedMilestone]:
    """`milestones` (a clause's own), with its stage's end added where none of them states a time."""
    milestones = stage_steps(node, milestones, year)  # `第一阶段。2月20日,…。2月22日…` (`ordinal_stages`)
    if any(m.time_expression for m in milestones) or (heading := stage_heading(node)) is None:
        return milestones
    dated = [m for m in find_milestones(heading, year=year, default_due=None, warn=_quiet) if m.due_date]
    if not dated:
        return milestones
    end = max(dated, key=lambda m: m.due_date or date.min)
    # No part of the clause's text: its span is empty, as a deadline field stated above the measures is.
    return [*milestones, replace(end, text=heading, start=0, end=0)]


def _quiet(offset: int, message: str) -> None:
    """The heading's own warnings (another year named) are the clauses' text's to give, not the heading's."""
