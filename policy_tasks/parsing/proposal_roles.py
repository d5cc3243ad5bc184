"""A notice handing deputies' proposals and members' 提案 to their handlers: the handling roles it charges (round 142).

A government office hands the session's proposals (`代表建议`, `政协提案`, a 人大 `议案`) to the offices that answer them
with a covering notice: `关于办理市五届人大六次会议代表建议的通知`, `《…确定议案的分解办理意见》…现印发给你们`, or a notice
on the procedure (`对会议期间提出的省建议、提案,承办单位须在4月16日前答复完毕`). The list of proposals with each one's
handler is an annex; the notice's requirements charge that list's roles as their subjects: `各承办单位要…`,
`承办单位须…`, `主办单位要…;各牵头单位要…;各配合单位要…`, `会办单位应主动将办理意见函告主办单位`, written with the
document's own bracket (`各承办(主办、协办)单位收到代表建议后要…`, `各承办单位(含主办、协办单位)要…`). Each role is one
addressee, as round 95 reads a breakdown's `各责任单位`: a clerk maps it to the offices the annex gives it. The first
subject leads, the later ones help in their order; the same role written again with or without `各` is the one
addressee, written once as first written. A unit the notice names as a proposal's handler (`议案由市工业和信息化局负责
主办`) is a subject of the same kind.

Near cases that stay as they were: a notice collecting material for proposals (`征集…建议和政协委员提案素材的通知`, no
handling), a plan's task to handle proposals (`认真办理人大代表建议`), and an event plan's header fields (`主办单位:…`,
`承办单位:…`, round 130) name no handling role charged; the offices that only receive returns or reports
(`报市政府督查室`, `函告主办单位`) are no subjects.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .outline_lines import Outline
from .proposal_role_frames import framed_role_spans
from .responsibility import Responsibility
from .role_groups import ROLE_WORD
from .role_sentences import reads_as_units
from .textutil import normalise
from .unit_labels import CO, LISTED

# The kind `notice_kinds` adds for a notice handing out proposals.
PROPOSALS = "proposals"

# The proposals themselves, and their handling (`办理`, `交办`, `分解办理`) near them in one sentence.
_PROPOSAL = r"(?:代表建议|委员提案|人大建议|政协提案|建议、提案|建议和提案|建议提案|议案|提案)"
_HANDLING_RE = lazy_compile(
    rf"{_PROPOSAL}[^。;\n]{{0,12}}?(?:办理|交办)|(?:办理|交办)[^。;\n]{{0,12}}?{_PROPOSAL}", needs="建议|提案|议案"
)
# A notice collecting material for the coming sessions' proposals handles none.
_COLLECTING_RE = lazy_compile(r"征集[^。;\n]{0,20}?(?:建议|提案)")

# The handling roles: 承办, 主办, 协办, 会办 (the proposal's main and helping handlers), 牵头, 配合, and the other role
# words a breakdown names its units by (`role_groups.ROLE_WORD`); the role of the annex, with or without `各`, and the
# document's bracket inside it (`承办(主办、协办)单位`) or after it (`承办单位(含主办、协办单位)`).
_WORD = ROLE_WORD
_ROLE = (
    rf"各?{_WORD}(?:\({_WORD}(?:、{_WORD})*\))?单位"
    rf"(?:\((?:含|包括)?{_WORD}(?:单位)?(?:、{_WORD}(?:单位)?)*\))?"
)
# Where a subject opens: the item's start, a sentence's, a part's or a clause's start, after `由`, and after a line
# break or the one space a copy joining lines writes for it.
_OPENS = r"(?:^|(?<=[。;,:\s])|(?<=由))"
# The role's charge: a modal or `负责`, or `分别` (`由各承办单位分别答复`), possibly after the moment it acts
# (`收到代表建议后要…`) or a manner (`也`, `还`).
_CHARGE = r"(?:也|还|都|则)?(?:要(?![求点])|须|需(?![要求])|应当|应(?![急用对届收有])|必须|负责|分别|务必)"
_SUBJECT = rf"(?P<names>{_ROLE})(?:(?:收到|接到)[^。;,\n]{{1,20}}?(?:后|之后),?)?{_CHARGE}"
_ROLE_SUBJECT_RE = lazy_compile(_OPENS + _SUBJECT, needs="单位")
# A copy that lost its line breaks runs the item's short title into its first subject (`高度重视,加强领导各承办单位要…`,
# `密切配合,通力协作主办单位要…`): a title of phrases, no sentence end, not ending in a verb governing the role.
_GLUED_SUBJECT_RE = lazy_compile(_SUBJECT, needs="单位")
_TITLE_RE = lazy_compile(r"^[\u4e00-\u9fff,]{4,24}$")
_GOVERNING_RE = lazy_compile(r"(?:督促|指导|要求|通知|请|由|对|向|与|和|及|,)$")
# `议案由市工业和信息化局负责主办`: the unit the notice gives a proposal to.
_HANDLER_RE = lazy_compile(r"由(?P<names>[\u4e00-\u9fff()]{2,30}?)(?:负责)?主办", needs="主办")


def proposal_kind(outline: Outline) -> frozenset[str]:
    """`{PROPOSALS}` where the notice hands out proposals: its header speaks of handling them, or (a page that lost its
    header, or whose header is a portal's chrome) most of its items speak of proposals and one of handling them; else
    empty. A header calling for proposal material (`征集…提案素材`) hands none out."""
    header = " ".join(normalise(line) for _, line in outline.header)
    if _COLLECTING_RE.search(header):
        return frozenset()
    if _HANDLING_RE.search(header):
        return frozenset({PROPOSALS})
    leaves = [normalise(n.own_text) for n in outline.root.walk() if not n.children]
    handled = [t for t in leaves if re.search(_PROPOSAL, t)]
    if leaves and 2 * len(handled) >= len(leaves) and any(_HANDLING_RE.search(t) for t in leaves):
        return frozenset({PROPOSALS})
    return frozenset()


def proposal_charge(text: str, norm: str, kinds: frozenset[str]) -> Responsibility | None:
    """In a proposal-handling notice, the roles and handlers an item's sentences charge: the first leads, the others
    help in order, a role written again with or without `各` once."""
    if PROPOSALS not in kinds:
        return None
    spans = [m.span("names") for m in _ROLE_SUBJECT_RE.finditer(norm)]
    if (glued := _glued_subject(norm)) is not None and all(s != glued[0] for s, _ in spans):
        spans.append(glued)
    spans += [m.span("names") for m in _HANDLER_RE.finditer(norm) if reads_as_units(m["names"])]
    # `各承办单位在提交…时,要…`, `…提案的承办单位,在…基础上,及时…`: a frame between role and act (round 160).
    spans += [span for span in framed_role_spans(norm) if span not in spans]
    if not spans:
        return None
    found = Responsibility(origin="正文开头")
    seen: set[str] = set()
    for s, e in sorted(spans):
        key = norm[s:e].removeprefix("各")
        if key in seen:
            continue
        seen.add(key)
        found.roles[CO if found.roles[LISTED] else LISTED].append(text[s:e])
    return found


def _glued_subject(norm: str) -> tuple[int, int] | None:
    """The role a one-line copy runs the item's short title into, or None."""
    for i in range(4, min(25, len(norm))):
        if not _TITLE_RE.match(norm[:i]) or _GOVERNING_RE.search(norm[:i]):
            continue
        if (m := _GLUED_SUBJECT_RE.match(norm, i)) is not None:
            return m.span("names")
    return None


def charges_own_role(own_text: str, kinds: frozenset[str]) -> bool:
    """Whether an item with sub-items charges a handling role in its own sentence after its heading (`二、尽快办理,确保
    时限。各承办单位要注重办理工作的时效性,…` over `(一)…`): in a proposal-handling notice a requirement of its own, a
    clause beside its sub-items. Its heading alone (`三、明确办理工作的程序和要求`) charges no one."""
    if PROPOSALS not in kinds:
        return False
    norm = normalise(own_text)
    return _ROLE_SUBJECT_RE.search(norm) is not None
