"""An item whose text starts with a figure after its number (`2.50个小区新增…`), told from a decimal.

`2.50个` reads like the decimal 2.50: it is item 2 only where it goes on with an open `1.` list right
after a finished sentence, and the figure after the dot is a count or a year (`50个`, `2011年`) or a
name that starts with a figure (`11.121人才梯队项目`), not a fraction before a magnitude or a unit of
measure (`2.5亿元`).
"""

from __future__ import annotations

import re

from .outline import Marker
from .outline_node import Node
from .textutil import normalise

# A count or a year (`50个`, `2011年`) after the dot, not a decimal's fraction (`2.5亿元`), or a
# name that starts with a figure (`11.121人才梯队项目`, a programme named for its numbers): any
# word but a magnitude or a unit of measure.
_FIGURE_LED_RE = re.compile(
    r"^(?P<n>\d{1,3})\s*\.(?=\d+\s*(?:[个家台所项条处座户栋名场辆套间张支批类件年]"
    r"|(?![亿万千百十元角分倍吨公米克升度秒亩平小以余多])[\u4e00-\u9fff]))"
)


def figure_led_marker(norm: str, stack: list[Node]) -> Marker | None:
    """`2.50个小区新增…`: an item whose text starts with a figure reads like a decimal. It is
    the next item only where it continues the open `1.` list right after a finished sentence."""
    m = _FIGURE_LED_RE.match(norm)
    current = stack[-1]
    if m is None or not any(n.style == "num" for n in stack[1:]):
        return None
    last = next(n for n in reversed(stack) if n.style == "num")
    # A clause's responsibility bracket closes its sentence in whichever bracket the office uses
    # (`()` `[]` `〔〕`, `【】` read as `[]`).
    ended = normalise(current.own_text).rstrip()[-1:] in ("。", ";", ")", "]", "〕", "!", "?")
    if int(m["n"]) != last.value + 1 or not ended:
        return None
    return Marker("num", int(m["n"]), m["n"], m.end())
