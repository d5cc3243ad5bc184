"""A town's seasonal plan charging the leaders it assigns to each work (包保责任制, round 152).

A 镇's flood plan gives each reservoir, dam or canal to a town leader "holding" it (`包库领导`, `包坝段领导`,
`包村干部`) and to the head of the village it lies in, and charges those posts as the sentence's subject:
`杨树湾水库属于小型水库,镇包库领导、所属行政村负责人及相关责任人要高度重视,…;东窑等其他水利工程镇包坝段领导及
相关责任人要…`. The posts are the clause's leaders and the bodies whose posts they are answer for it (README round
139, as rounds 95/106 read a head made answerable): the first body leads (the town written `镇`, as a minute writes
its own `政府`), the others help; `及相关责任人` names no one. A run only opens so when one of its posts is a 包X post:
a bare `行政村负责人要…` is a head made answerable (`notice_issuers`), not this system.

The same plans charge the town by `由镇协调X做好…` (the town leads, the body it coordinates helps) and then the
villages along the works as a later sentence's subject with no `要` (`沿渠有关行政村密切关注…`): they help (README
rounds 139/143, `有关` kept in the group's name). Near cases: `由镇协调解决` (no body coordinated), a county's
`由县水利局协调…` (no town's own level: other readers' work).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import CO, LISTED

_TOWN = r"(?:镇|乡)"
_VILLAGE = r"(?:所属|所在|辖区|沿[\u4e00-\u9fff]{1,2}|有关|相关|各)*行政村|各村"
_HELD_POST = r"包[\u4e00-\u9fff]{1,3}?(?:领导|干部)"
_POST_RE = lazy_compile(
    rf"(?P<body>{_TOWN}|{_VILLAGE})(?P<post>{_HELD_POST}|(?:主要)?负责人)(?=[、及和]|要(?![求点]))",
    needs="负责人|领导|干部",
)
# Between two posts of one run: `、`, `和`, `及`; after its last, a vague `及相关责任人` naming no one, then `要`.
_JOIN_RE = lazy_compile(r"[、和及]")
_CLOSE_RE = lazy_compile(r"(?:及(?:相关|有关)责任人)?要(?![求点])")
_COORDINATED_RE = lazy_compile(
    rf"(?:^|[,;。:])\s*由(?P<body>{_TOWN})协调(?P<other>[\u4e00-\u9fff]{{2,10}}?(?:局|所|站|中心|办|委|公司|处))做好",
    needs="协调",
)
_LATER_VILLAGES_RE = lazy_compile(
    r"[,;。]\s*(?P<names>(?:沿[\u4e00-\u9fff]{1,2}|所属|辖区)(?:有关|相关)?行政村)(?=[\u4e00-\u9fff])(?!的)",
    needs="行政村",
)


def _runs(norm: str) -> list[list[tuple[int, int, str, str]]]:
    """Runs of posts joined by `、` / `及`, each closed by `要`: (start, end, body, post) a post."""
    runs: list[list[tuple[int, int, str, str]]] = []
    current: list[tuple[int, int, str, str]] = []
    for m in _POST_RE.finditer(norm):
        if current and _JOIN_RE.fullmatch(norm[current[-1][1] : m.start()]) is None:
            current = []  # a post that does not follow the last one: a new subject
        current.append((m.start(), m.end(), m["body"], m["post"]))
        if _CLOSE_RE.match(norm, m.end()):
            runs.append(current)
            current = []
    return runs


def held_post_charge(text: str) -> Responsibility | None:
    """The bodies whose assigned posts a town's plan charges, the posts its leaders; None where no run of posts
    holding a work (`包X领导`) is the subject, and no `由镇协调X做好` charge stands."""
    norm = normalise(text)
    found = Responsibility(origin="正文开头")
    for run in _runs(norm):
        if not any(post.startswith("包") for *_, post in run):
            continue
        for start, end, body, _post in run:
            _add(found, text[start : start + len(body)])
            leader = text[start:end]
            if leader not in found.leaders:
                found.leaders.append(leader)
    for m in _COORDINATED_RE.finditer(norm):
        _add(found, text[m.start("body") : m.end("body")])
        _add(found, text[m.start("other") : m.end("other")])
        for later in _LATER_VILLAGES_RE.finditer(norm, m.end()):
            _add(found, text[later.start("names") : later.end("names")])
    return found if found.roles[LISTED] else None


def _add(found: Responsibility, name: str) -> None:
    if name in found.roles[LISTED] + found.roles[CO]:
        return
    found.roles[CO if found.roles[LISTED] else LISTED].append(name)
