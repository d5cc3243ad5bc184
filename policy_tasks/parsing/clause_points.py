"""A clause's points closed by one assignment: `(一)推进厕所革命。(1)改造户厕500户;(2)建设公厕10座。(责任单位:A)`.

GB/T 9704's lowest numbers (`(1)`, `1)`, `①`) often list the points of one measure, in its
paragraph or on lines of their own, as one enumeration: every point but the last ends in `;`, and
the bracket (or the label lines, `责任单位:A` / `完成时限:…`) after the last point names who answers
for the measure and by when. The item is then the clause and its points are its text: the units
and the deadline are the item's, not the last point's, and the points are no clauses of their own.
Where any earlier point names units of its own, or a point holds sub-items, the points are read as
items as before (a list of clauses in which some forgot their units, `;`-runs sharing the next
one's units: `semicolon_runs`).
"""

from __future__ import annotations

from .outline_node import Node
from .textutil import normalise
from .units import peek_responsibility

# The styles that number a measure's points rather than measures.
_POINT_STYLES = ("pnum", "numparen", "circled", "shi")


def points_closed_by_last(node: Node) -> bool:
    """`node`'s sub-items are one `;` enumeration of points whose last one ends in the assignment."""
    kids = node.children
    if node.style == "root" or len(kids) < 2 or any(k.children for k in kids):
        return False
    if len({k.style for k in kids}) != 1 or kids[0].style not in _POINT_STYLES:
        return False
    if not node.pieces or not normalise(node.pieces[0][1]).strip():
        return False  # the points need the measure they belong to
    for kid in kids[:-1]:
        own = normalise(kid.own_text).rstrip()
        if not own.endswith(";") or peek_responsibility(own).found:
            return False
    return peek_responsibility(kids[-1].own_text).found
