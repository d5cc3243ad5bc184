"""A list of duties by department: unnumbered paragraphs, each opening with the department it charges.

A district's division of a campaign's work among its departments (round 135, `村庄环境整治`) numbers nothing: after
its lead-in (`现将…任务作如下明确:`) it gives one paragraph a department, each opening with that department's name
and the verb that charges it. Most write `负责` (`区住建局负责全区…总协调工作,…`), which `charged_parts` reads as a
part's assignment; the same list words others `要` (`区委农办要结合全区“三新”建设任务,负责…`), and lists elsewhere
`务必`, `应` / `应当`, `须` / `必须`, `需` / `需要`. Where the paragraphs make such a list, a department right before any
of those verbs opens its paragraph's clause, that department leading, whatever verb the paragraph chose.

The list: three paragraphs at least so opening, and they are most (two in three) of the paragraphs from the first
to the last of them; the lead-in closing with a colon and the text above it are the document's own, no paragraph of
the list. Near cases: a vague or group subject (`各部门要…`, `相关单位要…`, the lead-in's or a closing exhortation)
charges no department and opens nothing; a body of persons set up for the work (`领导小组要…`) is no department; a
paragraph opening with a department but no charge (`区住建局于去年…`) is prose, no clause of its own; two such
paragraphs are a notice's sentences, no list; a line above the lead-in (`区委区政府要…。现将…明确如下:`) is none.

Where a paragraph of such a list opens with a department's name yet no clause starts with it (a charge worded
otherwise, prose run into the paragraph above), the review page marks it 待核对 (`unread_departments`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lazy_patterns import lazy_compile
from .org_ends import ORG_END_RE
from .outline import line_marker
from .responsibility import Responsibility
from .result import ParsedDocument, ParseWarning
from .role_sentences import CHARGING_YAO, reads_as_units
from .textutil import normalise
from .unit_labels import LISTED
from .unit_lists import split_names
from .unit_names import VAGUE_RE, looks_like_units

SIGN = "a department's paragraph outside every clause"

_LEAST = 3
# The verbs that charge a department: `应` not the first character of a word (应急, 应用, 应对, 应收, 应届, 应聘,
# 应答: `区政府应急办` is a name), `需` not in 需求.
_CHARGE = rf"(?:负责(?![同人])|{CHARGING_YAO}|应当|应(?![急用对收届聘答])|务必|必须|须|需要|需(?!求))"
# The name right at the paragraph's start: a numbered item (`(三)由市农业局负责…`) is no paragraph of such a list.
_OPENING_RE = lazy_compile(
    rf"\s*(?P<names>[\u4e00-\u9fff][\u4e00-\u9fff()、]{{1,29}}?)(?P<verb>{_CHARGE})", needs="负责|要|应|务必|须|需"
)
# Groups and vague subjects (`各部门`, `相关单位`, `全区上下`) and bodies of persons (`领导小组`) charge no department.
_NOT_A_DEPARTMENT_RE = lazy_compile(r"各|相关|有关|其他|其它|所有|成员单位|^全|(?:领导小组|工作小组|小组|专班|指挥部)$")
_LEAD_IN_RE = re.compile(r"[:：]\s*$")
_SENTENCE_END_RE = re.compile(r"[。;!?]\s*")


def _department(names: str) -> bool:
    """A department by name: a unit naming its place (`区委农办`), or a unit's full name of four characters or more
    (`规划分局`), no group, no vague subject and no body of persons."""
    if _NOT_A_DEPARTMENT_RE.search(names) or VAGUE_RE.search(names):
        return False
    return reads_as_units(names) or (len(names) >= 4 and looks_like_units(names))


def _opening(norm: str) -> re.Match[str] | None:
    if line_marker(norm.strip()) is not None:
        return None  # `一、区住建局负责…`: a numbered item, read as the numbering says
    m = _OPENING_RE.match(norm)
    return m if m is not None and _department(m["names"]) else None


def _list_paragraphs(norms: Sequence[str]) -> list[int]:
    """The indices of the lines opening with a department and its charge, where they make such a list."""
    opened = [k for k, norm in enumerate(norms) if _opening(norm) is not None]
    # The lead-in closing with a colon, above the list's paragraphs, ends the document's own text (`区委区政府要…。`
    # above it is none of them).
    leads_in = [k + 1 for k, norm in enumerate(norms) if _LEAD_IN_RE.search(norm)]
    start = max((k for k in leads_in if sum(o >= k for o in opened) >= _LEAST), default=0)
    opened = [k for k in opened if k >= start]
    if len(opened) < _LEAST:
        return []
    written = [k for k in range(opened[0], opened[-1] + 1) if norms[k].strip()]
    return opened if 3 * len(opened) >= 2 * len(written) else []


def department_starts(lines: Sequence[tuple[str, bool]]) -> list[tuple[int, int]]:
    """(line number, 1-based; where its department starts) of each paragraph of a department list opening with its
    department and a charging verb; empty where the lines make no such list."""
    norms = [normalise(text) for text, _ in lines]
    found = []
    for k in _list_paragraphs(norms):
        found.append((k + 1, len(norms[k]) - len(norms[k].lstrip())))
        # A paragraph a copy ran into this one, its break lost (`…新社区。区环保局要…`): its own part too.
        found += [(k + 1, m.end()) for m in _SENTENCE_END_RE.finditer(norms[k]) if opens_department(norms[k], m.end())]
    return found


def opens_department(norm: str, start: int) -> bool:
    """Whether `norm` from `start` opens with a department and its charge: a paragraph run into the one above (a copy
    that lost the break, `…新社区。规划分局负责…`) still opens its own part."""
    return _opening(norm[start:]) is not None


def department_charge(text: str) -> Responsibility | None:
    """The department a list's paragraph opens with (`区环保局务必…`), leading it."""
    norm = normalise(text)
    m = _opening(norm)
    if m is None:
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = split_names(text, norm, m.start("names"), m.end("names"))
    return found if found.found else None


def _named_first(norm: str) -> str | None:
    """The department's name a paragraph opens with, charged or not (`区住建局于去年…`): its shortest opening that
    ends as a body does and reads as a department."""
    text = norm.strip()
    if not re.match(r"[\u4e00-\u9fff]", text) or line_marker(text) is not None:
        return None
    for end in range(2, min(len(text), 16) + 1):
        if ORG_END_RE.search(text[:end]) and _department(text[:end]):
            return text[:end]
    return None


def unread_departments(lines: Sequence[tuple[str, bool]], parsed: ParsedDocument) -> list[ParseWarning]:
    """A paragraph of a department list, below its first, that opens with a department's name though no clause
    starts with it: a charge the parse did not read, left inside the paragraph above or outside every clause."""
    norms = [normalise(text) for text, _ in lines]
    opened = _list_paragraphs(norms)
    starts = {_compact(t.text)[:10] for t in parsed.tasks}
    out = []
    for k in range(opened[0] + 1 if opened else len(norms), len(norms)):
        name = _named_first(norms[k])
        if name is None or _compact(norms[k])[:10] in starts:
            continue
        shown = norms[k].strip()[:20]
        out.append(ParseWarning(None, k + 1, f"第{k + 1}行“{shown}”以单位开头,未读作条款,请核对 ({SIGN})"))
    return out


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", normalise(text))
