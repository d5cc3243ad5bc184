"""A news report's leader demanding by name, his demands unnumbered: one item a demand.

A county's news report of a work meeting names the leader once with his post (`副县长、…书记林琦志出席会议`) and then
gives his demands by his name, in paragraphs opening `林琦志指出,` and `林琦志强调,` (round 159's 能耗双控 meeting):

    林琦志指出,当前我县环保、能耗形势较为严峻。各部门、各乡镇(区)要提高认识,…推动环保督察问题全面整改到位。
    林琦志强调,各部门、各乡镇(区)要压实责任,通过节能减排促提升。严格执行…。要强化领导,推动节能减排见成效。严格对照…。
    要积极开展节能宣传活动,提升全民节能意识。要围绕…主题做好节能宣传,倡导…,从现在做起,从小事做起,从你我做起。

Numbered, these are round 156's `乔新光强调,一要…。二要…` points; unnumbered, each demand is still the item a
supervisor tracks, taken in order as round 62's unnumbered orders are. A paragraph's demands open at its first sentence
charging anyone (a subject and `要`, or `要` alone; the leader's view of the situation before it is no demand) and at
each later sentence written as a demand's own headline: `要` and two short parts (`要强化领导,推动节能减排见成效。`),
the sentences after it its elaboration (`严格对照…`, and a long `要围绕…,倡导…,从…做起` too). The speaker's head and the
report's account are no items. A demand with no subject goes on with the subject of the demand before it in the same
paragraph (round 114's sentence with no subject, `carried_demands`).

A subject joining a bare group to a level's governments (`各部门、各乡镇(区)要…`) charges the governments alone where no
salutation names the departments: a bare `各部门` names no one in a report or a plan (corpus README rounds 96/97/98),
and `各乡镇(区)` is one addressee (round 139's county's `各乡镇`), so it leads (`mixed_group_charge`).

A body's own report of its meeting (a bureau's page: `我局…召开党组专题会议`) gives the arrangement the meeting made for
its own work as a paragraph, `会上,我局对…再研究再部署,…争取于4月20日前完成…`: an item beside its head's demands, the
body leading as the page writes it (`我局`, as round 89 writes a minute's own `政府`), dated by the day it aims at; a
speaker's demand may charge with `必须` as with `要` (`何毅华局长强调,…,必须坚决按照…`, round 166).

Near cases: a name no post introduced (`工作要求:…`), a speaker's paragraph with a single demand and no other speaker's
paragraph demanding (a news item's sentence, no list), a headline demand of one part or of long parts (the elaboration's
`要围绕…`), a demand numbered (`一要…`, read by `minute_points`), and a subject of bare groups only (`各部门、各单位要…`).
"""

from __future__ import annotations

import itertools
import re
import weakref

from .clause import Clause
from .group_openings import government_group
from .lazy_patterns import lazy_compile
from .named_speakers import introduced
from .outline_lines import Outline
from .outline_node import Node
from .placed_subjects import BARE_GROUPS, places_part
from .responsibility import Responsibility
from .textutil import normalise, split_top
from .unit_labels import LISTED

# `林琦志强调,`: a name of two or three characters opening the paragraph, its demanding verb and a comma or colon; the
# occasion may open it (`会上,`), the speaker's posts may come before the name (`市委副书记、政法委书记周正清`) or one
# after it (`何毅华局长`), and where he spoke after it (`在会后要求:`, round 165).
_SPEAKER_RE = lazy_compile(
    r"^\s*(?:(?:会上|会后|会议上)\s*,\s*)?(?P<post>[^,。;:!?\s“”]{0,28}?(?:长|书记|主任|主席|部长|常委|成员|委员))?(?P<name>[\u4e00-\u9fff]{2,3})"
    r"(?P<title>局长|县长|市长|区长|书记|主任)?(?:在会[上后]|在讲话中)?(?:强调|指出|要求|提出)\s*[,:]",
    needs="强调|指出|要求|提出",
)
# The meeting's own word closing a speaker's paragraph (`会议明确,…由市民政局牵头,…`, round 167): a demand of its own.
_MEETING_RE = lazy_compile(r"会议(?:明确|要求|强调|决定)\s*[,:]", needs="会议")
# A `;` part or a comma part opening with its own charge: a subject (`县深化“放管服”改革领导小组办公室`, `各部门、乡镇一定`)
# and `要`, or `要` alone; not `重要`, `主要`, `需要` (round 165/169).
# `必须` charges as `要` does (`何毅华局长强调,…的具体行动,必须坚决按照…`, round 166).
# `必须` only opening the part: after a subject it is a saying's (`强国必须强军,军强才能国安。`, round 173).
_PART_RE = lazy_compile(
    r"\s*(?:(?:[\u4e00-\u9fff()、“”]{2,30}?(?<![重主需只想]))?要(?![求点素件])|必须(?!的))", needs="要|必须"
)
# A sentence charging anyone: a subject and `要`, or `要` opening it (not `要求`, `要点`).
_CHARGED_RE = lazy_compile(r"(?:[\u4e00-\u9fff()、]{2,30}?)?要(?![求点素件])", needs="要")
# A demand's own headline: `要` and two short parts, the sentence closed (`要强化领导,推动节能减排见成效。`); a
# headline may put a paired phrase of a few characters before its aim (`要强化责任,密切配合,确保…落实见效。`,
# `要坚持问题导向,精准发力,推动…再上新台阶。`, round 183): three parts, the middle one short.
_HEADLINE_RE = lazy_compile(
    r"要(?![求点素件])[^,。;:!?\n]{2,12},(?:[^,。;:!?\n]{2,6},)?[^,。;:!?\n]{2,14}[。!]", needs="要"
)
_SENTENCE_END_RE = re.compile(r"[。!?]")
# A page's chrome after the speech: no Chinese at all, or an unclosed tail opening with a separator (`| 返回米脂新闻首页
# 顶一下 (0)`, a copy run onto one line, round 175).
_CHROME_RE = re.compile(r"^[^\u4e00-\u9fff]*$|^\s*[|｜>»][^。!?]*$")
# The report's account after a speech, a paragraph of its own that a copy run onto one line or unwrapped at its margin
# joined to the speech (`…攻坚战。副市长白海峰参加会议。`, `会议解读了《…》,通报了…`, round 165; `会上,某某汇报了…`,
# round 173): the speech ends there.
_ACCOUNT_RE = lazy_compile(
    r"\s*(?:[^,。;:!?]{2,40}?(?:参加|出席|列席)(?:了)?(?:会议|本次会议|会议并讲话)[。!]|会议由[^。]{2,40}?主持"
    r"|会议(?:还|并|同时)?(?:解读|宣读|传达|通报|学习|观看|听取|审议)了|据了解"
    r"|会上\s*,[^。;]{2,60}?(?:汇报|介绍|通报|传达|宣读|解读)(?:了))",
    needs="会议|据了解|会上",
)
_SUBJECT_RE = lazy_compile(r"^\s*(?P<names>[\u4e00-\u9fff()、]{4,40}?)要(?![求点素件])", needs="要")
# A speech's headline sentence naming no one (`思想上务必要警惕警觉。`, `工作上务必要落实落细。`): a field, `务必要` or `要`
# and its aim in one short part (round 184).
_HEADLINE_ONLY_RE = lazy_compile(
    r"^\s*[\u4e00-\u9fff]{1,4}上(?:务必|一定|必须)?要[\u4e00-\u9fff]{2,8}[。!]", needs="上"
)
# `一定要`, `务必要`: the demand's weight, no part of its subject.
_ADVERB_RE = re.compile(r"(?:一定|务必|必须)$")
CARRIED = "续前要求"
# A body's own report of its meeting: the arrangement it made there for its own work, the page's `我局` its subject,
# with the day it aims to finish by (`会上,我局对…再研究再部署,…争取于4月20日前完成…`, round 166).
_OWN_RE = lazy_compile(
    r"^\s*会上\s*,\s*(?P<body>我局|我委|我办|我厅|我中心|本局|本委)(?=[^。]{4,200}?(?:争取|确保|力争)(?:在|于)?"
    r"\d{1,2}月(?:\d{1,2}日|底|中旬|上旬|下旬)(?:之)?前)",
    needs="会上",
)
# The items this reader cut: only they carry a demand's subject on (a page run onto one line shares one line among all
# its items, so the line alone does not tell a speaker's paragraph).
_DEMANDS: weakref.WeakSet[Node] = weakref.WeakSet()


def speaker_end(norm: str, earlier: str) -> int | None:
    """Where a speaker's head opening `norm` ends (`林金妹要求,`, `会上,龚德汉强调,`, `…书记周正清在会后要求:`), when the
    name is a leader's: `earlier` wrote it after a post, or the head does (`县委常委、…成员陈家秋强调,`, `何毅华局长强调,`)."""
    m = _SPEAKER_RE.match(norm)
    if m is None:
        return None
    post = m["post"]  # the head's own posts (`县委常委、县政府党组成员陈家秋强调,`)
    if m["title"] or post or introduced(m["name"], earlier):
        return m.end()
    return None


def page_chrome(part: str) -> bool:
    """Whether the sentence `part` is the page's chrome after a speech (` | 返回…首页`), no sentence of it."""
    return _CHROME_RE.match(part) is not None


def ends_speech(part: str) -> bool:
    """Whether the sentence `part` is the report's account after a speech (`会议还宣读了…`, `副市长某某参加会议。`)."""
    return _ACCOUNT_RE.match(part) is not None


def _run_in_end(norm: str, earlier: str) -> int | None:
    """Where a speaker's head run on after a sentence of the report's account ends (`…我县接着召开…推进会。吴某某指出,`,
    a copy that joined the account's short paragraph to the speech, round 173): the name introduced by a post before."""
    for m in _SENTENCE_END_RE.finditer(norm):
        at = m.end()
        if (end := speaker_end(norm[at:], earlier + norm[:at])) is not None:
            return at + end
    return None


def _charged(norm: str, at: int, stop: int) -> bool:
    m = _PART_RE.match(norm, at)
    return m is not None and m.end() <= stop


def _sentences(norm: str, after: int) -> list[tuple[int, int]]:
    bounds = [after, *(m.end() for m in _SENTENCE_END_RE.finditer(norm, after))]
    if bounds[-1] < len(norm):
        bounds.append(len(norm))
    return [(a, b) for a, b in itertools.pairwise(bounds) if norm[a:b].strip()]


def _demand_starts(norm: str, after: int) -> list[int]:
    """Where the demands of a speaker's paragraph open: its first charged sentence after `after` (or its first charged
    comma part, after the speaker's view: `…是…“一面镜子”,各部门、乡镇一定要…`), then each later headline demand after a
    sentence end; where every sentence from the first opens with a charge (`各地各部门要…。要早动手…。各地要…`), each
    sentence (one sentence of his view after the first demand apart, round 175); and in the demands' sentences each `;` part opening with its own charge (`…;各乡镇要…;各部门要…`)."""
    sentences = _sentences(norm, after)
    starts: list[int] = []
    run: list[tuple[int, int]] = []
    meeting: int | None = None
    for a, b in sentences:
        if not starts:
            parts = [a, *(a + m.end() for m in re.finditer(r"[,;]", norm[a:b]))]
            first = next((p for p in parts if p < b and _charged(norm, p, b)), None)
            if first is None:
                continue
            # `…重要举措,全市各镇街片区,各部门单位要…`: the places before the charged part are its subject (round 176).
            if (at := parts.index(first)) > 0 and places_part(norm[parts[at - 1] : first]):
                first = parts[at - 1]
            starts.append(first + len(norm[first:b]) - len(norm[first:b].lstrip()))
            run.append((first, b))
        elif _MEETING_RE.match(norm, a) and meeting is None:
            meeting = a
            break
        elif _ACCOUNT_RE.match(norm, a):
            break
        elif not page_chrome(norm[a:b]):  # a page's chrome after the speech (` | 返回…首页`) is no sentence of it
            run.append((a, b))
    if not starts:
        return starts
    charged = [True, *(_charged(norm, a, b) for a, b in run[1:])]  # the first opens a demand by construction
    # `各级各部门…要再提高…。当前…形势在变…。要进一步优化…。要科学调整…。宣传部门要…`: one sentence of the speaker's view
    # after the first demand is its elaboration, every sentence after it a demand of its own (round 175).
    every = all(charged) or (len(run) >= 4 and not charged[1] and all(charged[2:]))
    for (a, b), own in zip(run, charged, strict=True):
        if a != run[0][0] and ((every and own) or _HEADLINE_RE.match(norm, a)):
            starts.append(a)
        for m in re.finditer(";", norm[a:b]):
            at = a + m.end()
            if _charged(norm, at, b):
                starts.append(at + len(norm[at:b]) - len(norm[at:b].lstrip()))
    if meeting is not None:
        starts.append(meeting)
    return _without_grouping_headlines(norm, run, sorted(set(starts)))


def _without_grouping_headlines(norm: str, run: list[tuple[int, int]], starts: list[int]) -> list[int]:
    """`starts` without a headline naming no one (`工作上务必要落实落细。`) whose next sentence is all `;` parts each
    opening with its own charge (`气象部门要…;应急部门要…`): it only groups those demands, no demand of its own (round
    184); it stays the text of the demand before it."""
    dropped: set[int] = set()
    for (a, b), (c, d) in itertools.pairwise(run):
        if a not in starts or a == starts[0] or _HEADLINE_ONLY_RE.match(norm[a:b]) is None:
            continue
        opening = c + len(norm[c:d]) - len(norm[c:d].lstrip())
        if opening in starts and any(c < at < d for at in starts):
            dropped.add(a)
    return [at for at in starts if at not in dropped]


def speaker_demands_outline(lines: list[tuple[str, bool]]) -> Outline | None:
    """The outline of a news report whose items are a named leader's unnumbered demands, or None where fewer than two
    demands are found. Line numbers are the lines' (1-based)."""
    earlier = ""
    found: dict[int, list[int]] = {}
    for number, (text, _) in enumerate(lines, 1):
        norm = normalise(text)
        end = speaker_end(norm, earlier) if len(norm) == len(text) else None
        if end is None and len(norm) == len(text):
            end = _run_in_end(norm, earlier)
        if end is not None:
            if starts := _demand_starts(norm, end):
                found[number] = starts
        elif len(norm) == len(text) and (own := _own_start(norm)) is not None:
            found[number] = [own]
        earlier += norm
    if sum(map(len, found.values())) < 2:
        return None
    outline = Outline()
    first = min(found)
    for number, (text, _) in enumerate(lines, 1):
        if not text.strip():
            continue
        if number not in found:
            (outline.header if number < first else outline.loose).append((number, text.strip()))
            continue
        starts = found[number]
        head = text[: starts[0]].strip()
        if head:
            (outline.header if number == first else outline.loose).append((number, head))
        for start, stop in zip(starts, [*starts[1:], len(text)], strict=True):
            piece = text[start:stop].strip()
            value = len(outline.root.children) + 1
            node = Node("num", value, str(value), number, outline.root, raw_first=f"{value}、{piece}")
            node.pieces.append((number, piece))
            outline.root.children.append(node)
            _DEMANDS.add(node)
    return outline


def _own_start(norm: str) -> int | None:
    """Where a body's own arrangement opens its paragraph (at `我局`), or opens after a sentence of the report's account
    it was run on to (`…研究部署巡察反馈信访工作。会上,我局对…`): a copy whose account's last line filled the width
    (an OFD's or a PDF's lines, joined where none is short) lost the break, as `_run_in_end` reads a speaker's head."""
    for at in [0, *(m.end() for m in _SENTENCE_END_RE.finditer(norm))]:
        if (own := _OWN_RE.match(norm[at:])) is not None:
            return at + own.start("body")
    return None


def own_arrangement(norm: str) -> bool:
    """Whether `norm` opens with a body's own arrangement made at its meeting (`会上,我局对…争取于4月20日前完成`)."""
    return _OWN_RE.match(norm) is not None


def own_arrangement_charge(text: str) -> Responsibility | None:
    """`我局对…再研究再部署,…争取于4月20日前完成…`: the reporting body, as the page writes it, leads its own arrangement."""
    m = _OWN_RE.match("会上," + normalise(text).lstrip())
    if m is None:
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = [m["body"]]
    return found


def mixed_group_charge(text: str) -> Responsibility | None:
    """`各部门、各乡镇(区)要…`: a subject joining bare groups to a level's governments, read with no salutation: the
    governments alone, in order, the first leading; None where no government group is among bare ones."""
    norm = normalise(text)
    m = None
    if (head := _HEADLINE_ONLY_RE.match(norm)) is None:
        m = _SUBJECT_RE.match(norm)
    else:
        # `思想上务必要警惕警觉。当前,…,各乡镇区、各部门单位要…`: a headline with no subject of its own, charged by the
        # first subject of its elaboration's sentence (round 184).
        stop = _SENTENCE_END_RE.search(norm, head.end())
        for part in re.finditer(r"[,;]", norm[head.end() : stop.start() if stop else len(norm)]):
            if (m := _SUBJECT_RE.match(norm[head.end() + part.end() :])) is not None:
                break
    if m is None:
        return None
    names = _ADVERB_RE.sub("", m["names"])
    parts = [names[a:b].strip() for a, b in split_top(names, "、和")]
    found = Responsibility(origin="正文开头")
    # `各部门、乡镇一定要…`: one 各 over a kind of office and a level of places is one addressee (rounds 140/154, 169).
    if len(parts) == 2 and parts[0] in BARE_GROUPS and government_group("各" + parts[1]) and "和" not in names:
        found.roles[LISTED] = [names]
        return found
    bare = [p for p in parts if p in BARE_GROUPS]
    governments = [p for p in parts if p not in bare and government_group(p)]
    if not bare or not governments or len(bare) + len(governments) != len(parts):
        return None
    found.roles[LISTED] = governments
    return found


def speaker_demand(node: Node) -> bool:
    """Whether this reader cut `node`: its closing `;` parts two demands, and closes no enumeration (`semicolon_runs`)."""
    return node in _DEMANDS


def carried_demands(clauses: list[Clause], found: list[tuple[Responsibility, str]]) -> list[tuple[Responsibility, str]]:
    """`found` with a demand written with no subject (`要强化领导,…`) given the units of the demand before it cut from
    the same paragraph (the same source line), as round 114's sentence with no subject goes on with the unit before it."""
    for i in range(1, len(found)):
        resp, origin = found[i]
        before, clause = clauses[i - 1], clauses[i]
        if resp.found or origin or not found[i - 1][0].found:
            continue
        if clause.node not in _DEMANDS or before.node not in _DEMANDS:
            continue
        if clause.node.line != before.node.line or not normalise(clause.text).lstrip().startswith("要"):
            continue
        if clause.node.parent is not before.node.parent or clause.node.style != before.node.style:
            continue
        found[i] = (found[i - 1][0].without_due(), f"{CARRIED}:第{before.label}条")
    return found
