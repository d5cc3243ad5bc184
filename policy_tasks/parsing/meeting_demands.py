"""A meeting report's demands written with no number after the meeting's verb, each charging its own subject.

A bureau's, a county's or a town's news report of a work meeting numbers nothing: after the account of who met, the
meeting's demands follow the meeting's verb (`会议要求,` / `会议强调,` / `会议指出,` / `会议明确,` / `会议提出,`), each a
`;`-separated part or a sentence opening with its subject and `要`. One verb may open a paragraph of them (rounds 162,
163), or each demand may have a frame of its own, a paragraph or a sentence (rounds 166-170):

    会议要求,统一思想,提高认识,各乡办、各有关部门思想上要高度重视,…;转变思路,强化责任,各乡办、各有关部门要强化责任
    担当,…;突出重点,狠抓落实,各乡办、各有关单位要按照…要求,持续抓好…。

    会议强调,各相关单位要高度重视…。各行业管理部门要严格落实…。市安委会办公室要充分发挥…。市住建、市监、消防、公安、
    商务、交通等部门要开展联合执法,…。各单位要加大…宣传力度,市融媒体中心要充分运用…。

    会议要求,全镇要按照…做好服务工作;各村要梳理…;农技站要做好…;春季是用种、用肥的高峰期,市场监督管理所要查清…。
    会议指出,高标准农田建设是…重要抓手和关键举措,…。各有关部门要…。相关设计单位要…。各相关部门要…。

    会议要求,参会的30家责任单位要高度重视,…。
    会议强调,各责任单位要盯住审计反映的问题清单,…在10月中旬前将全部问题整改到位,…。同时要引以为戒,…。
    会议指出,市审计局要认真履行督促检查职责,…。对…的单位和问题,移送市纪委监委…进行问责处理。

A paragraph of parts (`demand_starts`): a part opens a demand when it opens by charging its subject (`思想上要` too),
after at most a paired heading (`统一思想,提高认识,`) or one clause of reason (`春季是…高峰期,X要…`); the opening
statement before the first (`高标准农田建设是…`) is no part of it, and a later part with no subject goes on with the one
before. Each is an order of `charged_parts` (round 62's `;`-orders, round 114's sentences). A paragraph after them
telling what was done after the meeting and asking a body for more (`会后,…要求农技站做好…,各部门紧密配合,…`) is an
order too: the body asked leads, the one told to work with it helps.

Frames (`frame_demands`): a frame (also `会议要求要…` with no comma, a sentence opening `强调X要…`, `,要求X要…` in the
report's own `;` list, `会议对…提出了明确要求,要求各单位每季度…` charging with no `要`, round 176) holds a demand from
its first part charging anyone (after a view of up to four clauses, round 177, or `要` right after the verb); a later part opening with its own subject and `要` (`各镇(区、街道)要…`, `责任上要…`) opens another, and so
does a later sentence written as a headline (`要` and two short parts, round 159) unless it follows a short closed one
(`措施上要进一步加强。`, elaborated after it); inline points (`一要…。二要…`) under a charged sentence are its demands,
that sentence their frame. A frame's demand with no subject goes on with the one before it in the frame; a new frame
with no subject (`会议要求要…`, `会议指出,认识上要…`) is the meeting's general demand and carries no one (rounds 114,
167). The frames are the items (`ref` by order) before `charged_parts` only where they read every part the paragraph
reading reads and more; else after `speaker_demands`.

Who a subject names is `meeting_subjects`'. Two demands at least make the list, or one charging two bodies in turn
(`会议强调,…各部门要…,各乡镇要…,县纪委等部门要…`, round 177). Near cases that stay as they were: a
paragraph numbering its demands (`会议要求,一是…`, `minute_points`); a lone demand; a meeting's `会议认为,…` (a finding)
or `按照会议要求,` (the report's own frame); a part opening with a date (`3月10日,…`: a report, not demands); subjects
that are no units (`有关部门要…`, `工作要…`, `我们要…`); a frame stating views only; a `会后,` paragraph with no demand
in it, or in a report with no such demands.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from .lazy_patterns import lazy_compile
from .meeting_subjects import MODAL, VERB, as_written, body, frame_units, named
from .outline_lines import Outline
from .outline_node import Node
from .post_subjects import persons_charge, persons_subject
from .responsibility import Responsibility
from .target_points import after_targets
from .textutil import normalise
from .unit_labels import CO, LISTED

_LEAST = 2
# The meeting's verb: after a line's start, a sentence or part end, a comma (`就…工作,会议要求,`) or a space where a
# copy ran lines together; `会议要求要…` with no comma. A paragraph of parts opens at its first verb after a sentence.
# The meeting assigning its work to a subject charged at once (`会议布置各学校要于…`, round 172) is a frame too; a photo's
# caption with no stop may stand before it in a one-line copy (`图为县委副书记、代县长某某讲话会议指出,`, round 173).
_HEAD_RE = lazy_compile(
    rf"(?:^|(?<=[。;!?,\s])|(?<=讲话))(?<!按照)(?<!根据)\s*会议(?:(?:要求|强调|指出|明确|提出)(?:\s*[,:]|(?={VERB}))"
    rf"|(?:布置|部署)(?=[\u4e00-\u9fff()()、]{{2,16}}?{VERB}))",
    needs="会议",
)
# The report's own verb over a charged subject: `。强调各村…要…`, `,要求各社区要…`; in its account of what the meeting
# did, `…,布置…工作,强调要切实…` (round 172): the meeting's general demand.
_BARE_HEAD_RE = lazy_compile(
    rf"(?:(?<=[。;])\s*强调|(?<=[,;。])要求)(?=[\u4e00-\u9fff()()]{{2,16}}?{VERB})|(?<=,)强调(?={VERB})"
)
# Numbered demands are `minute_points`' (`一是`, `(一)`, `1.`), not a figure in an address a one-line copy ran in
# (`…/001271.html`, round 172); a frame reads `一要` points itself.
_NUMBERED = r"(?<![0-9A-Za-z/.])[一1](?:是|、|\.)|\(一\)|①"
_NUMBERED_RE = lazy_compile(_NUMBERED)
_NUMBERED_OR_POINTS_RE = lazy_compile(rf"{_NUMBERED}|一要")
# A part: a `;`-separated one or a sentence.
_PART_RE = re.compile(r"[^。;!?]+[。;!?]?")
# A subject and its `要`: names, their frame of mind or a modal (`思想上要`, `务必要`).
_SUBJECT = rf"(?P<names>[\u4e00-\u9fff()()、0-9“”]{{2,40}}?){MODAL}{VERB}"
_OWN_SUBJECT_RE = lazy_compile(rf"\s*{_SUBJECT}", needs="要")
# After one clause of reason or view (`春季是…高峰期,X要…`, `“创卫”工作是…系统工程,各级各部门要…`).
_CLAUSE_SUBJECT_RE = lazy_compile(rf"\s*[^,;。:要]{{2,40}},{_SUBJECT}", needs="要")
# What may stand before a paragraph part's subject: nothing, a paired heading (`统一思想,提高认识,`) or a clause.
_OPENINGS = [
    _OWN_SUBJECT_RE,
    lazy_compile(rf"\s*[\u4e00-\u9fff]{{2,6}},[\u4e00-\u9fff]{{2,6}},{_SUBJECT}", needs="要"),
    _CLAUSE_SUBJECT_RE,
]
# A frame's first subject may follow a view of a few clauses (`高温、汛期来临,暑假将至,用水需求量加大,各单位要…`).
_VIEW_SUBJECT_RE = lazy_compile(rf"\s*(?:[^,;。:要]{{2,40}},){{1,4}}{_SUBJECT}", needs="要")
# `会议对…提出了明确要求,要求各单位每季度…推荐…`: the meeting's verb after its topic, its charge with no `要`.
_ASKED_HEAD_RE = lazy_compile(r"会议(?:对|就)[^。;!?]{2,60}?提出了?[^。;!?,]{0,6}?要求\s*[,:]\s*要求", needs="会议")
_ASKED_GROUP_RE = lazy_compile(r"各[\u4e00-\u9fff]{0,6}?(?:单位|部门|乡镇|街道|镇街|社区|村)", needs="各")
_LATER_RE = lazy_compile(rf"[,;。]\s*{_SUBJECT}", needs="要")  # any later subject in a demand (`…,市融媒体中心要…`)
_BARE_RE = lazy_compile(VERB, needs="要")
_HEADLINE_RE = lazy_compile(rf"{VERB}[^,。;:!?]{{2,12}},[^,。;:!?]{{2,14}}[,。;]", needs="要")
_POINT_RE = lazy_compile(rf"[一二三四五六七八九十]+(?={VERB})")
# `会后,…要求农技站做好各项技术服务,各部门紧密配合,…`: the body asked after the meeting, and its helpers; run on after
# the demands where a copy lost its breaks.
_AFTER_RE = lazy_compile(r"\s*会后\s*,", needs="会后")  # matched at its start
_RUN_ON_AFTER_RE = lazy_compile(r"(?<=[。!?])\s*(?=会后\s*,)", needs="会后")
_ASKED_RE = lazy_compile(
    r"要求(?P<names>[\u4e00-\u9fff()()]{2,20}?)"
    r"(?=做好|做实|抓好|加强|开展|落实|负责|及时|切实|全力|积极|认真|主动|进一步|确保|严格)",
    needs="要求",
)
_HELPER_RE = lazy_compile(
    r",(?P<names>[\u4e00-\u9fff()()]{2,20}?)(?:紧密|密切|积极|全力|主动)?(?:配合|协助|协作)", needs="配合|协"
)


@dataclass
class Demand:
    line: int  # 1-based
    start: int
    cut: int  # where the piece before it ends (a point's numeral)
    end: int  # the frame's end: the demand runs to the next one or here
    charge: Responsibility | None  # None: no subject of its own (carried, or no one)


@dataclass
class MeetingDemands:
    """A report's unnumbered demands: `starts` the paragraph parts' (line, start) for `charged_parts`, `outline` the
    frames' demands as items, `first` whether the frames go before `charged_parts` (they read more)."""

    starts: list[tuple[int, int]]
    outline: Outline | None
    first: bool


_CHARGES: weakref.WeakKeyDictionary[Node, Responsibility] = weakref.WeakKeyDictionary()


def _subject(part: str) -> re.Match[str] | None:
    """The subject a paragraph's part opens by charging, read as a group, a short form, a unit or a body."""
    for pattern in _OPENINGS:
        if (m := pattern.match(part)) is not None and (named(m["names"]) is not None or body(m["names"])):
            return m
    return None


def _frame_subject(part: str) -> re.Match[str] | None:
    """The subject a frame's first part opens with, after at most one clause."""
    return _VIEW_SUBJECT_RE.match(part) or _OWN_SUBJECT_RE.match(part)


def demand_starts(norm: str) -> list[int]:
    """Where each demand of the paragraph `norm` starts (after its part's spaces), or nothing when the paragraph numbers
    its demands or gives fewer than two parts opening with their subjects."""
    # A paragraph of parts opens at a verb opening a sentence, a comma after it (not `就…工作,会议要求,`, a frame).
    heads = (m for m in _HEAD_RE.finditer(norm) if norm[m.end() - 1] in ",:" and norm[m.start() - 1 : m.start()] != ",")
    head = next(heads, None)
    if head is None or _NUMBERED_OR_POINTS_RE.search(norm, head.end()):
        return []
    found = [
        p.start() + len(p.group()) - len(p.group().lstrip())
        for p in _PART_RE.finditer(norm, head.end())
        if _subject(p.group()) is not None
    ]
    return found if len(found) >= _LEAST else []


def after_meeting_start(norm: str, start: int = 0) -> int | None:
    """`会后,…要求X做好…`: where the paragraph (from `start`) opens, when it asks a body for work after the meeting."""
    if _AFTER_RE.match(norm, start) is None:
        return None
    end = norm.find("。", start)
    asked = _ASKED_RE.search(norm, start, end if end >= 0 else len(norm))
    return start if asked is not None and body(asked["names"]) else None


def _paragraph_starts(lines: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for number, (text, _) in enumerate(lines, 1):
        norm = normalise(text)
        if starts := demand_starts(norm):
            after = (after_meeting_start(norm, m.end()) for m in _RUN_ON_AFTER_RE.finditer(norm, starts[-1]))
            found += [(number, start) for start in starts + [at for at in after if at is not None][:1]]
        elif found and (start := after_meeting_start(norm)) is not None:
            found.append((number, start))
    return found


def _frames(norm: str) -> list[tuple[int, int]]:
    """Each frame's (start after the verb, end) in the paragraph `norm`."""
    heads = sorted(m.span() for p in (_HEAD_RE, _BARE_HEAD_RE, _ASKED_HEAD_RE) for m in p.finditer(norm))
    frames = []
    for i, (_, end) in enumerate(heads):
        stop = heads[i + 1][0] if i + 1 < len(heads) else len(norm)
        if norm[end - 2 : end] == "要求" and not norm[:end].rstrip().endswith("会议要求"):
            part_end = re.search(r"[;。]", norm[end:])  # `,要求X要…;`: the part alone
            stop = min(stop, end + part_end.end() if part_end else stop)
        frames.append((end, stop))
    return frames


def _later_units(norm: str, start: int, units: list[str]) -> list[str]:
    """`units` with the subjects charged later in the demand's first sentence (`…,各乡镇、…学校要引导…`)."""
    end = re.search(r"[。;!?]", norm[start:])
    sentence = norm[start : start + end.start() if end else len(norm)]
    for m in re.finditer(r",", sentence):
        later = _OWN_SUBJECT_RE.match(sentence, m.end())
        for name in (frame_units(later["names"]) or []) if later is not None else []:
            if name not in units:
                units = [*units, name]
    return units


def _frame_demands(norm: str, start: int, stop: int) -> list[tuple[int, int, list[str] | None]]:
    """The demands of one frame: (cut, start, units named or None for no subject of its own)."""
    demands: list[tuple[int, int, list[str] | None]] = []
    carried: list[str] | None = None  # the points' frame's subject
    points = [m.start() for m in _POINT_RE.finditer(norm, start, stop) if norm[m.start() - 1] == "。"]
    every = _every_sentence_charged(norm, start, stop)
    for part in _PART_RE.finditer(norm, start, stop):
        at = part.start() + len(part.group()) - len(part.group().lstrip())
        text = norm[at : part.end()]
        after_sentence = at == start or norm[at - 1] in "。!?:,"
        if points and at < points[0]:
            m = _frame_subject(text)
            if m is not None and (units := frame_units(m["names"])) is not None:
                carried = units
            continue
        if points and carried is not None and (point := _POINT_RE.match(norm, at)) is not None:
            demands.append((at, point.end(), carried))
            continue
        m = _frame_subject(text) if not demands else _OWN_SUBJECT_RE.match(text)
        units = frame_units(m["names"]) if m is not None else None
        if m is not None and units is not None:
            opens = at + m.start("names")
            demands.append((opens, opens, _later_units(norm, opens, units)))
        elif at == start and _BARE_RE.match(text):
            demands.append((at, at, None))
        elif at == start and m is not None and persons_subject(m["names"]):  # `镇村干部、护林员要…` (round 179)
            demands.append((at + m.start("names"), at + m.start("names"), []))
        elif at == start and norm[at - 2 : at] == "要求":  # `…提出了明确要求,要求各单位每季度…`
            group = _ASKED_GROUP_RE.match(text)
            demands.append((at, at, (frame_units(group.group()) or []) if group is not None else []))
        elif demands and after_sentence and _HEADLINE_RE.match(text) and not _closed_headline(norm, demands[-1][1]):
            demands.append((at, at, None))
        elif demands and every and norm[at - 1] in "。!?" and _BARE_RE.match(text):
            demands.append((at, at, []))  # addressed to all, as the speaker's (round 173)
    return demands


def _every_sentence_charged(norm: str, start: int, stop: int) -> bool:
    """Whether each of the frame's sentences after its first opens with a charge (`全县上下要…。要充分利用…`, round
    173): each is a demand of its own, one opening with `要` alone addressed to all, naming no one."""
    # A page's address run on after the frame in a one-line copy is no sentence of it.
    sentences = [
        m for m in re.finditer(r"[^。!?]+[。!?]?", norm[start:stop]) if re.search(r"[\u4e00-\u9fff]", m.group())
    ]
    return len(sentences) >= 2 and all(
        _OWN_SUBJECT_RE.match(m.group()) or _BARE_RE.match(m.group().lstrip()) for m in sentences[1:]
    )


def _closed_headline(norm: str, start: int) -> bool:
    """Whether the demand at `start` opens with a short closed headline (`措施上要进一步加强。`): the `要` sentences after
    it are its elaboration, no demands of their own."""
    end = norm.find("。", start)
    return 0 <= end - start <= 14 and "," not in norm[start:end]


def _charge(units: list[str]) -> Responsibility | None:
    return Responsibility.first_leading(units, "正文开头") if units else None


def frame_demands(lines: list[tuple[str, bool]]) -> list[Demand]:
    """Each demand of the report's meeting frames (see above), or nothing where fewer than two are found."""
    found: list[Demand] = []
    for number, (text, _) in enumerate(lines, 1):
        norm = normalise(text)
        if len(norm) != len(text):
            continue
        for start, stop in _frames(norm):
            if _NUMBERED_RE.search(norm, start, stop):
                # `…总体目标是实现“五个确保”:一是…。同时,X要…`: the counted targets, then the demands (round 184)
                if (resumed := after_targets(norm, start, stop)) is None or _NUMBERED_RE.search(norm, resumed, stop):
                    continue  # numbered points are `minute_points`'
                start = resumed
            before: Responsibility | None = None
            for cut, at, units in _frame_demands(norm, start, stop):
                charge = _charge(units) if units else (before if units is None else None)
                if units == [] and (persons := persons_charge(norm, at)) is not None:
                    charge = persons  # `镇村干部、护林员要…`: the posts its leaders, no unit (round 179)
                found.append(Demand(number, at, cut, stop, charge))
                before = charge
    # A lone demand is a news item's sentence, unless it charges bodies of its own in turn (`各乡镇要…,县纪委要…`).
    # So does a frame written with a colon whose charge runs on through `;`-parts (`会议要求:各牵头单位要…;要压实…;
    # 要加强…`, round 183): the meeting's list of demands, one demand as its parts have no subject of their own.
    lone = (
        len(found) == 1
        and found[0].charge is not None
        and (len(found[0].charge.roles[LISTED] + found[0].charge.roles[CO]) >= 2 or _listed_frame(lines, found[0]))
    )
    return found if len(found) >= _LEAST or lone else []


def _listed_frame(lines: list[tuple[str, bool]], demand: Demand) -> bool:
    """Whether `demand` opens a frame headed with a colon (`会议要求:`) whose first sentence runs on in two `;`-parts
    or more: a list, not a news item's sentence."""
    norm = normalise(lines[demand.line - 1][0])
    head = norm[: demand.start].rstrip()
    end = norm.find("。", demand.start)
    return head.endswith(("要求:", "强调:")) and norm.count(";", demand.start, end if end >= 0 else None) >= 2


def _frames_outline(lines: list[tuple[str, bool]], demands: list[Demand]) -> Outline | None:
    """The outline whose items are the frames' demands: each runs to the next one or its paragraph's end."""
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


def _reads_more(lines: list[tuple[str, bool]], demands: list[Demand], starts: list[tuple[int, int]]) -> bool:
    """Whether the frames read every demand the paragraph reading holds and more: the first charged part with no body
    for subject, or a headline (`全县上下要…。要强化…,…`)."""
    found = {(d.line, d.start) for d in demands}
    read = set()
    for number, start in starts:
        # A part read from the meeting's verb (`会议强调,各责任单位要…`, a copy run onto one line) is the frame's demand.
        head = _HEAD_RE.match(normalise(lines[number - 1][0]), start)
        read.add((number, head.end() if head is not None and (number, head.end()) in found else start))
    return bool(read) and read < found


def meeting_demands(lines: list[tuple[str, bool]]) -> MeetingDemands:
    """A report's unnumbered meeting demands (see above), read both ways."""
    starts = _paragraph_starts(lines)
    demands = frame_demands(lines)
    return MeetingDemands(starts, _frames_outline(lines, demands), _reads_more(lines, demands, starts))


def demand_charge(text: str, *, reports: bool = True, node: Node | None = None) -> Responsibility | None:
    """The bodies a demand charges. Given the `node` of a frame's demand, its frame's charge alone (empty where it names
    no one; None for any other node). Else every subject `text` names as a group, a short form or a unit, the first
    leading and the later ones helping; else (in a report, `reports`) the one body its first part opens with, or the
    body asked after the meeting (lead) and the one told to work with it (co). None where it names no one."""
    if node is not None:
        framed = _CHARGES.get(node)
        return framed.copy() if framed is not None else None
    norm = normalise(text)
    first = _PART_RE.match(norm)
    opening = _subject(first.group()) if first is not None else None
    found = Responsibility(origin="纪要正文")
    for m in ([opening] if opening is not None else []) + list(_LATER_RE.finditer(norm)):
        for name in as_written(text, norm, named(m["names"]) or []):
            if name not in found.roles[LISTED] + found.roles[CO]:
                found.roles[CO if found.roles[LISTED] else LISTED].append(name)
    if found.roles[LISTED] or not reports:
        return found if found.roles[LISTED] else None
    found = Responsibility(origin="正文开头")
    if _AFTER_RE.match(norm) is not None:
        asked = _ASKED_RE.search(norm)
        if asked is None or not body(asked["names"]):
            return None
        found.roles[LISTED] = [text[asked.start("names") : asked.end("names")]]
        helper = _HELPER_RE.search(norm, asked.end())
        if helper is not None and body(helper["names"]):
            found.roles[CO] = [text[helper.start("names") : helper.end("names")]]
        return found
    # A bare group (`各单位要…`) opens a demand but names no one.
    if opening is None or named(opening["names"]) is not None or not body(opening["names"]):
        return None
    found.roles[LISTED] = [text[opening.start("names") : opening.end("names")]]
    return found
