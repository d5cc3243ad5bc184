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
from .leader_headings import POST
from .person_names import is_person
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED

# A person as a roster or a division names one: bare, or with the post before it, in a bracket after it or after a
# space (`副镇长杨松辉`, `江海彬(副镇长)`, `江海彬 副镇长`), the post kept as written and the name read as a person.
HELD_NAME = rf"(?:{POST})?(?P<bare>[\u4e00-\u9fff]{{2,4}}?)(?:\([\u4e00-\u9fff]{{2,8}}\)| (?:{POST}))?"
_ONE_RE = lazy_compile(rf"{HELD_NAME}(?=、|[;。]|$)")
_NAME = HELD_NAME.replace("(?P<bare>", "(?:")
# `,行政责任人江海彬;`, `行政责任人,杨松辉;`, `行政责任人谢奕武、谢创鹏;`: the persons up to the part's end.
_HOLDER_RE = lazy_compile(
    rf"(?:行政|防汛|安全)责任人[,:]?(?P<names>{_NAME}(?:、{_NAME})*)(?=[;。]|$)",
    needs="责任人",
)


def held_names(text: str, norm: str, start: int, end: int) -> list[str]:
    """The persons of a `、`-separated run between start and end, each as written with its post."""
    found = []
    for part_start in [start] + [i + 1 for i in range(start, end) if norm[i] == "、"]:
        m = _ONE_RE.match(norm, part_start, end)
        if m is not None and is_person(m["bare"]):
            found.append(text[m.start() : m.end()])
    return found


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
        leaders += [n for n in held_names(text, norm, m.start("names"), m.end("names")) if n not in leaders]
    if len(leaders) < 2:
        return None
    found = Responsibility(origin="正文开头")
    if (post := _POST_RE.search(norm)) is not None:
        found.roles[LISTED] = [text[post.start("body") : post.end("body")]]
        leaders.append(text[post.start("post") : post.end("post")])
    found.leaders = leaders
    return found
