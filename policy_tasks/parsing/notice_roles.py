"""A breakdown's covering notice: the roles its requirements charge as their subjects, and the role that only helps.

A notice issuing a 任务分解 or 责任分工 (`…任务分解和责任分工方案》的通知`, `现将任务责任分解印发`) names no unit of its own:
its requirements charge the breakdown's roles taken together, each one addressee (`role_groups`, round 95). Such a
notice also writes the roles in two more ways (round 99):

- `各相关单位` (`各有关单位`): every unit the breakdown names, one addressee as in a bracket (corpus README). In the
  breakdown's own notice it is a role as `各责任单位` is, opening a requirement (`各相关单位要提高政治站位…`), a later
  sentence of one (`各相关单位也要完善督导机制`), or, where the item's opening names no unit, its first sentence that
  charges a role (`市政府领导按职责分工负责…。各相关单位要…`). Outside such a notice (a plan's 保障措施, a minute, a notice
  on anything else) `各相关单位要…` still charges no one as a subject.
- the role given only a helping part: `各相关单位要加强配合,…。牵头单位要…加大指导和协调力度…。各责任单位要积极配合…`
  names the units concerned first only to ask them to work together; the role that answers (`牵头单位要…`) leads, and
  the one that only helps is co though named first, as a unit is (round 62's rule). A role that helps where no later
  one answers still leads.

A meeting's report that names the notice read out at it (`马国军宣读了《…关于印发<…任务清单>的通知》`, round 169) issues
no breakdown: the notice is quoted whole inside its 《》, the report's speakers charge their own addressees.

Near cases that stay as they were: a notice issuing no breakdown (`关于做好防汛工作的通知`), or a plan, opening an item with
`各相关单位要…` (no unit, so the review page marks it); a role group that answers named first (`各责任单位要逐项研究…`) leads.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .role_groups import RELATED, ROLES, later_role_groups
from .role_sentences import CHARGING_YAO, opening_starts
from .subject_sentences import later_subjects
from .textutil import normalise
from .unit_labels import CO, LISTED
from .unit_lists import split_names

# The kind `document` adds to the salutation's groups (`addressee_groups.notice_groups`) for a breakdown's notice.
BREAKDOWN = "breakdown"
# A header line issuing a breakdown: `印发` / `转发` / `通知` with the breakdown's name on the same line.
# A fund's allocation published as a notice (`…补助资金分配方案公告`) is a breakdown too: it gives each project to the
# body that carries it out, and its requirements charge those bodies together (`项目实施主体应…`, round 105).
# `现将…确定的工作任务进行责任分解` hands the breakdown down in the notice's own words (湖北 2017, round 149).
_ISSUES_RE = lazy_compile(r"印发|转发|通知|公告|公示|现将")
# A 任务清单 (`…重点目标任务清单`) is one too: it gives each task to its 牵头部门, and its notice charges them and the
# departments that help as roles (`牵头部门需…;协同部门要…`, round 117).
# The year's list of 实事 projects a government carries out for the public (`关于组织实施2017年度为民办实事项目的通知`) is
# one too: the list gives each project its 责任部门 and 协同部门, and the notice charges those roles (round 182).
_BREAKDOWN_RE = lazy_compile(
    r"(?:任务|责任|目标|工作)(?:分解|分工)|分工(?:方案|表)|分解(?:方案|表)|资金分配(?:方案|计划)|任务清单"
    r"|组织实施[^。;,《》\n]{0,12}?实事项目"
)
# A role as a sentence's subject, then its charge (`各相关单位也要`, `牵头单位要`, `项目实施主体应`).
_ROLE_SUBJECT_RE = lazy_compile(
    rf"(?P<names>{ROLES}|{RELATED})(?:也|还|都)?(?:{CHARGING_YAO}|应当|须|需(?![要求])|应(?![急用对届收有]))"
)
# The moment a requirement's duty falls due, before its subject (`项目计划实施完成后,项目实施主体应…`).
_MOMENT_RE = lazy_compile(r"[^。,;:\n]{2,20}?(?:之后|以后|后),")
# After a subject: its charge, then a part that only asks for help (`要加强配合,`, `要积极配合、主动作为`).
_VERB_RE = lazy_compile(rf"(?:也|还|都|则)?(?:{CHARGING_YAO}|应当|须|将)?")
_HELPS_RE = lazy_compile(
    r"(?:主动|积极|全力|密切|大力|做好|加强|互相|相互)?(?:配合|支持|协助|协同)(?!推进|推动|完成|落实|做好)"
)

# `由牵头单位发挥统筹协调作用,协同单位积极配合`: the lead role and the helping role named inside one sentence (round 101).
# `各主要责任单位要主动协调,其他责任单位要积极配合`: the helping role charged with its own `要` (round 106); so is a
# later role charged in a part of its own, `各牵头单位要切实履行牵头责任,各责任单位要根据职责分工…` (round 149).
_PAIRED_RE = lazy_compile(
    rf"由(?P<names>{ROLES})(?=发挥|负责|统筹)"
    rf"|,(?P<helper>{ROLES})(?=(?:也|还|都)?(?:(?:{CHARGING_YAO}|应当|须)?{_HELPS_RE.pattern}|{CHARGING_YAO}|应当|务必))"
)


# `发挥牵头单位统筹协调作用`: the role whose part a speaker's point brings into play (round 166).
_PLAYED_RE = lazy_compile(rf"(?:充分)?发挥(?P<names>{ROLES})[\u4e00-\u9fff]{{0,8}}?作用", needs="发挥")
# A role charged in a later part of the point (`;责任单位须对照任务分工,…`).
_LATER_ROLE_RE = lazy_compile(rf"[,;。]\s*(?P<names>{ROLES})(?:也|还|都)?(?:{CHARGING_YAO}|应当|须|必须)")


def played_roles(text: str) -> Responsibility | None:
    """A meeting speaker's point on rectification naming a problem list's roles outside a breakdown's notice:
    `明确责任主体,发挥牵头单位统筹协调作用,履行牵头抓总职责;责任单位须对照任务分工,…` -- the role brought into play
    leads, the roles later parts charge help (round 95's roles, written bare; round 166). None where no role's part is
    brought into play (`发挥党员先锋模范作用` names no role)."""
    norm = normalise(text)
    if len(norm) != len(text) or (played := _PLAYED_RE.search(norm)) is None:
        return None
    found = Responsibility(origin="纪要正文")
    found.roles[LISTED] = [text[played.start("names") : played.end("names")]]
    for m in _LATER_ROLE_RE.finditer(norm, played.end()):
        name = text[m.start("names") : m.end("names")]
        if name not in found.roles[LISTED] + found.roles[CO]:
            found.roles[CO].append(name)
    return found


# A report's verb of reading out or studying a document at a meeting, right before the document's 《title》.
_READ_OUT_RE = lazy_compile(r"(?:宣读|传达|学习|解读)(?:了|学习了)?<", needs="<")


def _read_out_removed(norm: str) -> str:
    """`norm` without the 《titles》 (normalised `<…>`, nested) a meeting's report says were read out at it."""
    kept, at = [], 0
    for m in _READ_OUT_RE.finditer(norm):
        if m.start() < at:
            continue
        depth, end = 0, len(norm)
        for i in range(m.end() - 1, len(norm)):
            depth += {"<": 1, ">": -1}.get(norm[i], 0)
            if depth == 0:
                end = i + 1
                break
        kept.append(norm[at : m.end() - 1])
        at = end
    return "".join(kept) + norm[at:]


def breakdown_kind(header: list[tuple[int, str]]) -> frozenset[str]:
    """`{BREAKDOWN}` where a header line issues a breakdown (`印发…任务分解…的通知`), else empty; a notice a meeting's
    report says was read out (`宣读了《…印发<…任务清单>的通知》`) is not the document's own."""
    for _, line in header:
        norm = _read_out_removed(normalise(line))
        if _BREAKDOWN_RE.search(norm) and _ISSUES_RE.search(norm):
            return frozenset({BREAKDOWN})
    return frozenset()


def helps_only(norm: str, subject_end: int) -> bool:
    """Whether the part after the subject ending at `subject_end` only asks it to help (`要加强配合,`)."""
    verb = _VERB_RE.match(norm, subject_end)
    return _HELPS_RE.match(norm, verb.end() if verb else subject_end) is not None


def role_charge(text: str, norm: str, groups: frozenset[str]) -> Responsibility | None:
    """In a breakdown's notice, the roles an item's sentences open with (`各相关单位要…`, `牵头单位要…`): the first that
    answers leads, the others help; the units later sentences charge help (`subject_sentences`)."""
    if BREAKDOWN not in groups:
        return None
    spans = sorted(
        {(m.start("names"), m.end("names")) for start in _starts(norm) if (m := _ROLE_SUBJECT_RE.match(norm, start))}
        | set(later_role_groups(norm, 0, related=True))
        | {m.span("names") if m["names"] else m.span("helper") for m in _PAIRED_RE.finditer(norm)}
    )
    if not spans:
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = [text[spans[0][0] : spans[0][1]]]
    for s, e in [*spans[1:], *later_subjects(norm, spans[0][1])]:
        found.roles[CO] += [n for n in split_names(text, norm, s, e) if n not in found.roles[LISTED] + found.roles[CO]]
    return helper_first_after(found, norm, spans)


def _starts(norm: str) -> list[int]:
    """Where a requirement's subject may open: `opening_starts`, and after the moment its duty falls due."""
    starts = opening_starts(norm)
    return starts + [m.end() for start in starts if (m := _MOMENT_RE.match(norm, start)) is not None]


def helper_first_after(found: Responsibility, norm: str, spans: list[tuple[int, int]]) -> Responsibility:
    """`found` with its first subject moved among the helpers where its part only helps and a later subject's answers
    (`spans`: the subjects in the text's order, the first the one `found` lists)."""
    if len(spans) < 2 or not helps_only(norm, spans[0][1]):
        return found
    answering = next(((s, e) for s, e in spans[1:] if not helps_only(norm, e)), None)
    if answering is None:
        return found
    lead = norm[answering[0] : answering[1]]
    named = [n for n in found.roles[CO] if normalise(n) == lead]
    if not named:
        return found
    helpers = found.roles[LISTED] + [n for n in found.roles[CO] if n not in named]
    found.roles[LISTED], found.roles[CO] = named, helpers
    return found
