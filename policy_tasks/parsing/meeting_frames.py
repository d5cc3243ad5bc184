"""A meeting report's unnumbered demands over several frames, each opened by the meeting's verb.

A county's or a town's news report of a work meeting often gives each of the meeting's demands a paragraph (or a
sentence) of its own, opened by the meeting's verb and numbering nothing (rounds 166-170):

    会议要求,参会的30家责任单位要高度重视,…。
    会议强调,各责任单位要盯住审计反映的问题清单,…在10月中旬前将全部问题整改到位,…。同时要引以为戒,…。
    会议指出,市审计局要认真履行督促检查职责,…。对…的单位和问题,移送市纪委监委…进行问责处理。

Each frame (`会议要求,` / `会议强调,` / `会议指出,` / `会议明确,` / `会议提出,`, `会议要求要…` with no comma, a sentence
opening `强调X要…`, and `,要求X要…` inside the report's own `;` list) holds a demand from its first part charging anyone:
a subject and `要` (`各乡镇各部门务必要…`), after at most one clause stating a view (`“创卫”工作是…系统工程,各级各部门
要…`), or `要` right after the verb (`会议要求要持续巩固…`). In the frame, a later `;`-part or sentence opening with a
subject of its own and `要` (`各镇(区、街道)要…`, `责任上要进一步落实。`) opens another, and so does a later sentence
written as a demand's headline (`要` and two short parts at its start, `要坚持问题导向,增强忧患意识,…`, round 159); a
`;`-part with no subject (`;要落实工作举措,…`) or a sentence with a longer opening (`要严格按照上级要求完善工作方案,…`)
goes on with the demand before it. Inline points under the frame (`一要…。二要…`) are its demands, the charged sentence
before them (`各乡镇和相关部门要高度重视,…`) their frame, no demand. `ref` by order, as round 62's unnumbered orders.

The subject's units (`frame_charge`): a group by 各 and a kind of body, a role (`各责任单位`), a named office, each one
addressee; a qualifier before the group (`参会的30家责任单位`) is no part of its name (round 155's `涉及到的`); the bare
`各部门` / `各级各部门` / `相关部门` / `有关部门` name no one in a report with no salutation (rounds 96/97/98/159), also run
together with a group (`各乡镇各部门`, two addressees, round 113), so `各乡镇` leads; a frame (`在核查过程中`) or a modal
(`务必`) between the subject and `要` is no part of it. A demand with no subject goes on with the subject of the demand or
the points' frame before it in the same frame; a new frame with no subject of its own (`会议要求要…`, `会议指出,认识上
要…`) is the meeting's general demand and carries no one (rounds 114, 167).

Two demands at least make the list. Near cases: a lone `会议要求,X要…` (a news item's sentence); `会议认为,` (a
finding); `按照会议要求,` (the report's own frame); a frame stating views only (`会议指出,全县…积极改革创新,…`).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from .lazy_patterns import lazy_compile
from .outline_lines import Outline
from .outline_node import Node
from .responsibility import Responsibility
from .textutil import normalise, split_top
from .unit_labels import CO, LISTED
from .unit_names import looks_like_units

_LEAST = 2
# The meeting's verb opening a frame: after a line's start, a sentence or part end, a comma (`就…工作,会议要求,`) or a
# space where a copy ran lines together; `会议要求要…` with no comma.
_HEAD_RE = lazy_compile(
    r"(?:^|(?<=[。;!?,\s]))(?<!按照)(?<!根据)\s*会议(?:要求|强调|指出|明确|提出)(?:\s*[,:]|(?=要(?![求点素件])))",
    needs="会议",
)
# The report's own verb over a charged subject: `。强调各村…要…`, `,要求各社区要…`.
_BARE_HEAD_RE = lazy_compile(r"(?:(?<=[。;])\s*强调|(?<=[,;。])要求)(?=[\u4e00-\u9fff()()]{2,16}?要(?![求点素件]))")
_MODAL = r"(?:务必|必须|都|也)?"
_NAMES = r"[\u4e00-\u9fff()()、0-9“”]{2,24}?"
# A part opening with its subject and `要` (after at most one clause of view), or `要` alone.
_SUBJECT_RE = lazy_compile(rf"(?:[^,;。:要]{{2,40}},)?(?P<names>{_NAMES}){_MODAL}要(?![求点素件])", needs="要")
_OWN_SUBJECT_RE = lazy_compile(rf"(?P<names>{_NAMES}){_MODAL}要(?![求点素件])", needs="要")
_BARE_RE = lazy_compile(r"要(?![求点素件])", needs="要")
# A headline at a sentence's start: `要` and two short parts.
_HEADLINE_RE = lazy_compile(r"要(?![求点素件])[^,。;:!?]{2,12},[^,。;:!?]{2,14}[,。;]", needs="要")
# A field of the work before `要` (`认识上要进一步深化`): a demand's headline naming no one.
_FIELD_RE = lazy_compile(r"[\u4e00-\u9fff]{2,4}上$")
# Inline points after the frame's charged sentence (`一要…。二要…`); `一是…` points are `minute_points`'.
_NUMBERED_RE = lazy_compile(r"[一1](?:是|、|\.)|\(一\)|①")
_POINT_RE = lazy_compile(r"[一二三四五六七八九十]+(?=要(?![求点素件]))")
_PART_RE = re.compile(r"[^。;!?]+[。;!?]?")
# Subjects that are no body: the speakers, the time, a connective.
_NOT_BODY_RE = lazy_compile(r"^(?:我们|大家|同时|今年|当前|下一步|此外|另外|其次|最后|首先)|工作$|[是]")
_QUALIFIER_RE = lazy_compile(r"^(?:参会的|参会|涉及的|涉及到的|所涉及的)")
_FRAME_RE = lazy_compile(r"在[\u4e00-\u9fff]{1,10}(?:中|时|前|后)$")
# Bare groups that name no one with no salutation (rounds 96/97/98/159).
_BARE_GROUPS = ("各部门", "各级各部门", "各级", "各单位", "各地", "各方", "相关部门", "有关部门", "各有关部门")
# Society's bodies listed after a group (`各乡镇、各群团组织、企事业单位、学校`, round 95's list).
_BODY_END_RE = lazy_compile(r"(?:单位|学校|组织|企业|医院|机构)$")
_JOIN_RE = lazy_compile(r"(?:和|及|与)(?=各|相关|有关)|(?<=[\u4e00-\u9fff])(?=各(?:级各)?部门$)")


@dataclass
class Demand:
    line: int  # 1-based
    start: int
    cut: int  # where the piece before it ends (a point's numeral)
    end: int  # the frame's end: the demand runs to the next one or here
    charge: Responsibility | None  # None: no subject of its own (carried, or no one)


_CHARGES: weakref.WeakKeyDictionary[Node, Responsibility] = weakref.WeakKeyDictionary()


def _names(names: str) -> list[str] | None:
    """The units a subject names (empty: no one), or None where it is no subject at all."""
    names = _QUALIFIER_RE.sub("", names)
    names = _FRAME_RE.sub("", names)
    if not names or _NOT_BODY_RE.search(names):
        return None
    if _FIELD_RE.search(names):
        return []
    joined = _JOIN_RE.sub("、", names)
    parts = [p for p in (joined[a:b] for a, b in split_top(joined, "、")) if p]
    named = [p for p in parts if p not in _BARE_GROUPS]
    if not named:
        return []
    if all(p.startswith("各") or looks_like_units(p) or re.match(r"\d+家", p) for p in named[:1]) and all(
        p.startswith("各") or looks_like_units(p) or _BODY_END_RE.search(p) for p in named[1:]
    ):
        return named
    return [] if len(named) == 1 and len(parts) == 1 and len(names) <= 6 else None


def _later_names(norm: str, start: int, names: list[str]) -> list[str]:
    """`names` with the subjects charged later in the demand's first sentence (`…,各乡镇、…学校要引导…`)."""
    end = re.search(r"[。;!?]", norm[start:])
    sentence = norm[start : start + end.start() if end else len(norm)]
    for m in re.finditer(r",", sentence):
        later = _OWN_SUBJECT_RE.match(sentence, m.end())
        for name in (_names(later["names"]) or []) if later is not None else []:
            if name not in names:
                names = [*names, name]
    return names


def _charge(names: list[str]) -> Responsibility | None:
    if not names:
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = names[:1]
    found.roles[CO] = names[1:]
    return found


def _frames(norm: str) -> list[tuple[int, int]]:
    """Each frame's (start after the verb, end) in the paragraph `norm`."""
    heads = sorted(
        [(m.start(), m.end()) for m in _HEAD_RE.finditer(norm)]
        + [(m.start(), m.end()) for m in _BARE_HEAD_RE.finditer(norm)]
    )
    frames = []
    for i, (_, end) in enumerate(heads):
        stop = heads[i + 1][0] if i + 1 < len(heads) else len(norm)
        if norm[end - 2 : end] == "要求" and not norm[:end].rstrip().endswith("会议要求"):
            part_end = re.search(r"[;。]", norm[end:])  # `,要求X要…;`: the part alone
            stop = min(stop, end + part_end.end() if part_end else stop)
        frames.append((end, stop))
    return frames


def _frame_demands(norm: str, start: int, stop: int) -> list[tuple[int, int, list[str] | None]]:
    """The demands of one frame: (cut, start, units named or None for no subject of its own)."""
    demands: list[tuple[int, int, list[str] | None]] = []
    carried: list[str] | None = None  # the points' frame's subject
    points = [m.start() for m in _POINT_RE.finditer(norm, start, stop) if norm[m.start() - 1] == "。"]
    for part in _PART_RE.finditer(norm, start, stop):
        at = part.start() + len(part.group()) - len(part.group().lstrip())
        text = norm[at : part.end()]
        after_sentence = at == start or norm[at - 1] in "。!?:,"
        if points and at < points[0]:
            m = _SUBJECT_RE.match(text)
            if m is not None and (units := _names(m["names"])) is not None:
                carried = units
            continue
        if points and carried is not None and (point := _POINT_RE.match(norm, at)) is not None:
            demands.append((at, point.end(), carried))
            continue
        m = (_SUBJECT_RE if not demands else _OWN_SUBJECT_RE).match(text)
        units = _names(m["names"]) if m is not None else None
        if m is not None and units is not None:
            opens = at + m.start("names")
            demands.append((opens, opens, _later_names(norm, opens, units)))
        elif at == start and _BARE_RE.match(text):
            demands.append((at, at, None))
        elif demands and after_sentence and _HEADLINE_RE.match(text) and not _field_headline(norm, demands[-1][1]):
            demands.append((at, at, None))
    return demands


def _field_headline(norm: str, start: int) -> bool:
    """Whether the demand at `start` opens with a short closed headline (`措施上要进一步加强。`): the `要` sentences after
    it are its elaboration, no demands of their own."""
    end = norm.find("。", start)
    return 0 <= end - start <= 14 and "," not in norm[start:end]


def frame_demands(lines: list[tuple[str, bool]]) -> list[Demand]:
    """Each demand of the report's meeting frames (see above), or nothing where fewer than two are found."""
    found: list[Demand] = []
    for number, (text, _) in enumerate(lines, 1):
        norm = normalise(text)
        if len(norm) != len(text):
            continue
        for start, stop in _frames(norm):
            if _NUMBERED_RE.search(norm, start, stop):
                continue  # numbered points are `minute_points`'
            before: Responsibility | None = None
            for cut, at, units in _frame_demands(norm, start, stop):
                charge = _charge(units) if units else (before if units is None else None)
                found.append(Demand(number, at, cut, stop, charge))
                before = charge
    return found if len(found) >= _LEAST else []


def frames_outline(lines: list[tuple[str, bool]]) -> Outline | None:
    """The outline of a report whose items are its meeting frames' demands, or None where fewer than two are found.
    Each demand runs to the next one or its paragraph's end; the last ends with its sentence."""
    demands = frame_demands(lines)
    if not demands:
        return None
    outline = Outline()
    first = demands[0].line
    for number, (text, _) in enumerate(lines, 1):
        if not text.strip():
            continue
        here = [d for d in demands if d.line == number]
        if not here:
            # The report's account before the demands is the header; any paragraph between or after is no demand's.
            (outline.header if number < first else outline.loose).append((number, text.strip()))
            continue
        head = text[: here[0].start].strip()
        if head:
            (outline.header if number == first else outline.loose).append((number, head))
        stops = [d.cut for d in here[1:]] + [len(text)]
        for demand, stop in zip(here, stops, strict=True):
            piece = text[demand.start : min(demand.end, stop)].strip()
            if rest := text[min(demand.end, stop) : stop].strip():
                outline.loose.append((number, rest))
            value = len(outline.root.children) + 1
            node = Node("num", value, str(value), number, outline.root, raw_first=f"{value}、{piece}")
            node.pieces.append((number, piece))
            outline.root.children.append(node)
            _CHARGES[node] = demand.charge or Responsibility()
    return outline


def reads_more(lines: list[tuple[str, bool]], items: list[tuple[int, int]]) -> bool:
    """Whether the frames read every demand `items` holds (`meeting_demands`' parts opening with their subjects) and
    more: the first charged part with no body for subject, or a headline (`全县上下要…。要强化…,…`)."""
    found = {(d.line, d.start) for d in frame_demands(lines)}
    read = set()
    for number, start in items:
        # A part read from the meeting's verb (`会议强调,各责任单位要…`, a copy run onto one line) is the frame's demand.
        head = _HEAD_RE.match(normalise(lines[number - 1][0]), start)
        read.add((number, head.end() if head is not None and (number, head.end()) in found else start))
    return bool(read) and read < found


def frame_charge(node: Node) -> Responsibility | None:
    """The units of a demand this reader cut (an empty responsibility where it names no one), or None for any other
    item."""
    found = _CHARGES.get(node)
    return found.copy() if found is not None else None
