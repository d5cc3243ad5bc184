"""The works an item lists each with the person answerable for it, and a post made answerable for the rest.

A town's flood-season notice divides its reservoirs and embankments among named persons, one work or several before
each (round 177):

    三、全镇水利工程,堤围实行分级负责,…世德堂水库、老虎陂水库,行政责任人江海彬;里军田水库,行政责任人王锦存;…;
    虎腿水库,行政责任人谢奕武、谢创鹏;…;涝溪(车田河)由各所在村的村委会主任担任防汛责任人。

Each named `行政责任人` (`防汛责任人`, `安全责任人`) is a leader of the item, in the text's order and once each. A post
made answerable (`由各所在村的村委会主任担任防汛责任人`) is a leader too, written as the page writes it, and the body whose
head it is answers and leads (round 139's `村委会` for its 专干), written without the head's title (`各所在村的村委会`).

Near cases: a role with no name after it (`明确行政责任人`, `落实责任人`), a field label with no value, a post made
answerable for a group set up (`组长由镇长担任`, `headed_groups`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .person_names import is_person
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED

# `,行政责任人江海彬;`, `行政责任人,杨松辉;`, `行政责任人谢奕武、谢创鹏;`: the persons up to the part's end.
_HOLDER_RE = lazy_compile(
    r"(?:行政|防汛|安全)责任人[,:]?(?P<names>[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})*)(?=[;。]|$)",
    needs="责任人",
)
# `由各所在村的村委会主任担任防汛责任人`: a post of a body made answerable.
_POST_RE = lazy_compile(
    r"由(?P<post>(?P<body>[\u4e00-\u9fff]{2,14}?(?:村委会|居委会|委员会|政府|办事处))(?:主任|书记|镇长|乡长))"
    r"担任[\u4e00-\u9fff]{0,6}?责任人",
    needs="担任",
)


def holder_charge(text: str) -> Responsibility | None:
    """The persons answering for the works listed and a body whose head is made answerable, or None where the item
    names at least two such persons (one alone is a field label more often than a division)."""
    norm = normalise(text)
    leaders: list[str] = []
    for m in _HOLDER_RE.finditer(norm):
        leaders += [n for n in m["names"].split("、") if is_person(n) and n not in leaders]
    if len(leaders) < 2:
        return None
    found = Responsibility(origin="正文开头")
    if (post := _POST_RE.search(norm)) is not None:
        found.roles[LISTED] = [text[post.start("body") : post.end("body")]]
        leaders.append(text[post.start("post") : post.end("post")])
    found.leaders = leaders
    return found
