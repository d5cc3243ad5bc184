"""A responsibility list that names its body once, in a heading, over duties that name no unit.

A party body's 意识形态工作责任清单 (and the like for 党风廉政建设, 全面从严治党, 安全生产) gives what the body answers for
under a heading naming the body and the kind of its responsibility, then numbered duties naming no one:

    一、文化馆党支部意识形态工作主体工作职责          (一)党委(党支部)主体责任清单
    1.牢牢掌握意识形态工作的领导权……                 党委(党支部)对本地本单位意识形态工作负主体责任……
                                                      1.及时传达学习党中央和上级党委……

The body leads every duty below the heading, as a heading that is only a unit's name does (corpus README: `三、儋州市
政府`; round 68's `X职责:`; round 88's 责任清单 named for the one office it binds). `duty_headings` reads `X职责` taking
all before 职责 as names, so it misses a heading whose topic and kind stand between the body and 职责
(`意识形态工作主体`), and one ending `责任清单`. Here the body is the longest opening of the heading that reads as a unit,
and the rest must be the topic (`…工作`, `党风廉政建设`) and the kind (`主体`, `监督`) before `职责` / `责任清单`.

The list's later section for the body's head by post (`二、支部书记意识形态工作职责`, `党委书记第一责任人责任清单`): the
post is a leader, and the body whose head it is leads (README rounds 95/106), where a sibling heading names that body and
the body's name ends with the post's organisation (`文化馆党支部` for `支部书记`); its leading members (`领导班子成员`) are
its persons as well. Beside another body's list (`支部书记` in a `镇党委` list) the post alone is read, its duties kept as
clauses naming no unit, which the review page marks; with no body's list beside it, no reading.

A copy with no line breaks may run a heading into the line charging its body (`…主体责任清单党委(党支部)对…`, the body
named again) or into its one item (`…工作职责1.支部书记是…`, no `2.` to split it by): the heading is read up to there.

A list for a body named by its kind alone (`党委(党支部)`, a town's list for its party organisations) whose row gives a
duty to the level's own body as a sentence's subject (`…,镇党委每年对全镇各支部…进行一次专题督查`): the row names its own
unit and keeps it (round 88).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .outline_node import Node
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED
from .unit_names import VAGUE_RE, looks_like_units

ORIGIN = "清单标题"

# After the body: the topic, the kind of responsibility, and the list's word. A bare `X职责` / `X工作职责` is
# `duty_headings`' (which keeps `工作领导小组职责`, a group named by its kind, no office: round 68).
_TOPIC = r"(?:[\u4e00-\u9fff]{2,8}?工作|党风廉政建设|全面从严治党|安全生产)"
_KIND = r"(?:(?:主体|监督|第一)(?:工作)?(?:职责|责任)(?:清单)?|(?:工作)?(?:职责|责任清单))"
_KIND_RE = lazy_compile(
    rf"^(?:{_TOPIC}{_KIND}|(?:主体|监督|第一)(?:工作)?(?:职责|责任)(?:清单)?|(?:工作)?责任清单)$", needs="职责|责任"
)
# An item's number run onto the heading's last word.
_GLUED_ITEM_RE = lazy_compile(r"(?<=职责|清单)\d{1,2}[.、](?=[\u4e00-\u9fff])", needs="职责|清单")
# Where a heading run into its charge line may end.
_LIST_END_RE = lazy_compile(r"责任清单|职责", needs="职责|责任清单")
# A goal or a duty (`(一)压实党委主体责任`, `落实…职责`), or members as such: no body's list.
_NOT_A_BODY_RE = lazy_compile(
    r"的|成员单位|^(?:明确|压实|细化|分解|履行|夯实|落实|强化|加强|健全|建立|完善|严格|推动|推进|坚持|各)"
)
# The body's head by post (`支部书记`, `党委书记`, `党组副书记`), or its leading members (`领导班子成员`, `分管领导`).
_POST_RE = lazy_compile(
    r"^(?P<post>(?P<org>党总支|总支|党支部|支部|党工委|党委|党组)(?:副)?书记|(?:领导)?班子成员|分管领导)",
    needs="书记|成员|领导",
)
# How the body's name ends whose head the post is: `支部书记` heads `文化馆党支部`.
_ORG_TAILS = {
    "党总支": "总支",
    "总支": "总支",
    "党支部": "支部",
    "支部": "支部",
    "党工委": "党工委",
    "党委": "党委",
    "党组": "党组",
}
# A body's other name in a bracket after it: `党委(党支部)`.
_BRACKET_RE = re.compile(r"^(?P<base>[^()]+)\((?P<other>[^()]+)\)$")
# The level's own body, opening a sentence or a part, before its duty: `镇党委每年对…`.
_LEVEL = r"(?:镇|乡|街道|县|区|市|村|社区)"
_ROW_VERB = r"(?=每年|每半年|每季度|每月|定期|要|将|负责|对)"


def _heading(node: Node) -> str:
    return normalise(node.pieces[0][1] if node.pieces else "").strip().rstrip("。:")


def _body(name: str) -> str | None:
    """The body a heading names before its topic and kind (`文化馆党支部` of `文化馆党支部意识形态工作主体工作职责`)."""
    if len(name) > 40 or _NOT_A_BODY_RE.search(name):
        return None
    for end in range(len(name) - 2, 1, -1):
        body, rest = name[:end], name[end:]
        if _KIND_RE.match(rest) and not VAGUE_RE.search(body) and looks_like_units(body) and "、" not in body:
            return body
    return None


def _run_in_body(name: str) -> str | None:
    """The body of a heading a one-line copy ran into its charge line, which names the body again
    (`党委(党支部)主体责任清单党委(党支部)对本地本单位意识形态工作负主体责任`)."""
    for m in _LIST_END_RE.finditer(name):
        body = _body(name[: m.end()])
        if body is not None and name[m.end() :].startswith(body):
            return body
    return None


def _charge(text: str, name: str, leaders: list[str]) -> Responsibility:
    norm = normalise(text)
    start = norm.find(name)
    found = Responsibility(leaders=leaders, origin=ORIGIN, whole_section=True)
    found.roles[LISTED] = [text[start : start + len(name)] if start >= 0 else name]
    return found


def body_list_heading(node: Node) -> Responsibility | None:
    """The body a list's heading names as answerable for every duty below it, or its head by post (a leader, the
    body leading); None for any other item."""
    name = _heading(node)
    if not node.children:
        # A heading over the duties, never a duty itself; but a copy with no line breaks may run the heading into its
        # one item (`二、支部书记意识形态工作职责1.支部书记是…`, a list with no 2 to split it by): the heading is the clause.
        if (glued := _GLUED_ITEM_RE.search(name)) is None:
            return None
        name = name[: glued.start()]
    text = node.pieces[0][1]
    post = _POST_RE.match(name)
    if post is None:
        body = _body(name) or _run_in_body(name)
        return _charge(text, body, []) if body is not None else None
    if not _KIND_RE.match(name[post.end() :]) or node.parent is None:
        return None  # `支部书记…` names a person's post, never a body (`支部`) and a topic
    for sibling in node.parent.children:
        if sibling is node or not sibling.children or (body := _body(_heading(sibling))) is None:
            continue
        if post["org"] is None or _base(body).endswith(_ORG_TAILS[post["org"]]):
            return _charge(sibling.pieces[0][1], body, [post["post"]])
        # Another body's head (`支部书记` in a `镇党委` list): the post alone, the duties kept and marked for review.
        return Responsibility(leaders=[post["post"]], origin=ORIGIN, whole_section=True)
    return None


def _base(body: str) -> str:
    m = _BRACKET_RE.match(body)
    return m["base"] if m else body


def row_body(text: str, resp: Responsibility) -> Responsibility | None:
    """A row of a list for a body named by its kind alone (`党委(党支部)`) giving the level's own body a duty as its
    sentence's subject (`镇党委每年对全镇各支部…督查`): that body, as the row's own unit; else None."""
    if resp.origin != ORIGIN or len(resp.roles[LISTED]) != 1:
        return None
    body = normalise(resp.roles[LISTED][0])
    m = _BRACKET_RE.match(body)
    kinds = [m["base"], m["other"]] if m else [body]
    if not all(re.fullmatch(r"党委|党支部|党总支|党组|党工委|支部", k) for k in kinds):
        return None  # a body named with its place or office is the row's own already
    norm = normalise(text)
    pattern = rf"(?:^|[,。;])(?P<unit>{_LEVEL}(?:{'|'.join(kinds)})){_ROW_VERB}"
    own = re.search(pattern, norm)
    if own is None:
        return None
    found = Responsibility(origin="本条主语")
    found.roles[LISTED] = [text[own.start("unit") : own.end("unit")]]
    return found
