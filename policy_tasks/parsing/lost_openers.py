"""A section number whose first sibling the page lost: `(二)` after `1.`…`8.` with no `(一)` above.

GB/T 9704-2012 (7.3.3) ranks `一、` above `(一)` above `1.` above `(1)`, and a list starts at its
first number. A number of a higher rank than the open item, in a style not open, that is not its
list's first (`(二)`, `三、`) therefore opens no level under that item: it is the next section of
one whose heading the page wrote otherwise or lost (a mirror's mis-decoded `(一)…`), and goes
beside the run of lower items, under whatever ranks above it. `(1)` or `①` under `1.` still nest,
and a first number (`(一)` under `1.`) still opens a level, as offices that reorder levels write;
only `一、` (or `Ⅰ、`, or a part `第一部分` / `第一章`, which ranks above it) never opens one under a
lower rank (`(一)`, `1.` or `(1)`), whatever its number (a page, or Word's
numbering, that starts a plan at its `(二)` and goes on at `二、`, or starts at an item `7.` and
goes on at the next section, which Word counts as `一、`): the first level nests in no lower one.
"""

from __future__ import annotations

from .outline_node import Node

# `第一部分` / `第一章` heads the `一、` sections where a plan has parts; `Ⅰ、` is written for `一、`.
_RANK = {"chapter": -1, "cn": 0, "roman": 0, "pcn": 1, "num": 2, "pnum": 3}
_FIRST_LEVELS = ("chapter", "cn", "roman")


def levels_to_close(stack: list[Node], style: str, value: int, *, finished: bool = False) -> int:
    """How many open items (from the top of `stack`) such a number closes; 0 when it nests.
    `finished`: the open item has named its units after its text (`牵头单位:A` on a line of its own)."""
    return styles_to_close([n.style for n in stack[1:]], style, value, finished=finished)


def styles_to_close(open_styles: list[str], style: str, value: int, *, finished: bool = False) -> int:
    """`levels_to_close` by the open styles alone, outermost first: a number inside a line of text
    (`outline.split_inline`) closes the same levels as one opening a line."""
    if style not in _RANK or style in open_styles:
        return 0
    # `一、` under `(一)` or `1.` whatever its number: the first level never nests in a lower one.
    # A finished item takes no sub-list either: its sub-items come before the label line that closes it.
    first = bool(open_styles) and style in _FIRST_LEVELS and _RANK.get(open_styles[-1], -2) > _RANK[style]
    if value <= 1 and not first and not finished:
        return 0
    closed = 0
    for open_style in reversed(open_styles):
        if open_style not in _RANK or _RANK[open_style] <= _RANK[style]:
            break
        closed += 1
    return closed


def lost_section_items(kids: list[Node]) -> int:
    """How many of the first siblings `kids` are the items of a section whose heading the page lost: a
    page that opens inside a section (`(九)…` `(十三)…`, its `二、` on the page before) and goes on at
    `三、` holds a run of lower-rank items before the first item of the top rank among them. That run
    stands for one section beside `三、` and `四、` (0 where there is no such run)."""
    ranks = [_RANK.get(k.style) for k in kids]
    top = min((r for r in ranks if r is not None), default=None)
    if top is None:
        return 0
    first_top = ranks.index(top)
    run = ranks[:first_top]
    if not run or any(r is None or r <= top for r in run):
        return 0
    return first_top
