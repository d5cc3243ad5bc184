"""A numbered `职责分工` item's paragraphs, each charging the department that opens it, and a group set up by a body.

A town's plan (round 139, `社区戒毒工作方案`) numbers its stage's items `1、组织机构` and `2、职责分工`; under the latter it
gives one paragraph a department, each opening with the body it charges, worded as such a division words its duties:

    镇政府是社区戒毒(康复)工作的责任主体。社区戒毒(康复)工作领导小组负责…。社区戒毒(康复)监护小组负责…。
    社区戒毒人员的戒毒医疗和护理由县卫生局指定的医疗机构负责。
    镇社会事务办将戒毒人员家庭符合低保条件的对象纳入低保范围。
    镇司法所负责对刑满释放…

Each paragraph is a clause of its own, under the item (`2-1`, `2-2`, by order), as round 135's unnumbered list of
department paragraphs is; the item's title is none. A paragraph opens with a sentence that charges a department: the
department before `是…责任主体`, before `负责`, `将`, `要`, `应`, or named in a closing `由X负责` (the body as written,
`县卫生局指定的医疗机构`, README rounds 61 and 64). A later sentence whose subject is a group set up for the work
(`…领导小组负责…`) stays in the paragraph and helps (round 85); it opens none, so the parts are found with or
without the copy's line breaks. Three opening sentences at least, the first right after the title, make the list.
Near cases: an item under any other title; a sentence whose subject is a group (`各部门要…`) or persons (`社区戒毒人员
要…`); `由X负责` naming persons or no body; fewer than three departments.

A 政策解读 gives the plan's division of work under a section titled by the units that carry it out (`三、受理单位`,
also `承办单位`, `执行机构`), one paragraph of sentences and `;` parts each opening with its units (round 181's reading
of a city's grain plan): `市政府及各区、镇、街道按照…要求,积极组织落实…。A、B负责…;C负责…;D会同区、镇、街道负责…`.
Each part is read as a division's paragraph; the opening one may give its units' manner first (`按照…要求,`) instead of
a role verb, and a part's `A会同B负责` names B working with A: B helps (as round 108's `负责会同`), a list of bare
levels after it (`区、镇、街道`) one group as written. Near cases: the same paragraph under a section titled otherwise
(`三、主要内容`), fewer than three parts opening with units, `按照…` opening with no units before it.

The group an item sets up (`镇政府成立…领导小组,组长由镇长担任,领导小组负责…`): the body setting it up leads, the
group helps, the post made its head is the clause's leader (round 89). Near cases: a group set up by no named body,
`组长由张三担任` (a person, no post).
"""

from __future__ import annotations

import re

from .clause import Clause, cut_clause, spans_from
from .department_paragraphs import _department
from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .role_sentences import CHARGING_YAO
from .textutil import normalise
from .unit_labels import CO, LISTED
from .unit_lists import split_names

# The item's title: the division of duties, nothing after it on its line but the first paragraph (a copy that ran
# them together).
_TITLE_RE = re.compile(
    r"\s*(?:职责分工|责任分工|工作职责分工|部门职责|工作分工|受理单位|承办单位|执行机构)\s*[:：]?\s*"
)
_NAMES = r"[\u4e00-\u9fff][\u4e00-\u9fff()、]{1,29}?"
# The units' manner before their verb (`A按照…要求,积极组织落实…`), read like a role verb.
_MANNER = r"(?=按照[^。;,]{2,30}?(?:要求|部署|规定),)"
_OPENING_RE = lazy_compile(
    rf"(?P<names>{_NAMES})(?:是[^。;]{{0,30}}?责任主体|负责(?![同人])|将(?!来)|{CHARGING_YAO}|应当|应(?![急用对收届聘答])"
    rf"|{_MANNER})",
    needs="是|负责|将|要|应|按照",
)
# `A会同B负责…`: B works with A (round 181); bare levels joined by `、` after it are one group (`区、镇、街道`).
_WITH_RE = re.compile(r"(?P<lead>.+?)会同(?P<with>.+)")
_JOINED_RE = re.compile(r"及|和")
_LEVELS_RE = re.compile(r"(?:区|县|市|乡|镇|街道|村|社区)(?:、(?:区|县|市|乡|镇|街道|村|社区))+")
# `…由县卫生局指定的医疗机构负责。`: the body named in the closing frame, an office or an institution by its end.
_FRAMED_RE = lazy_compile(
    r"[^。;]*?由(?P<names>[\u4e00-\u9fff()、]{2,30}?(?:局|委|办|所|站|院|中心|机构|政府|部门|单位))负责\s*[。;]?\s*$",
    needs="由 & 负责",
)
# A later sentence's subject: a group set up for the work, or a department.
_GROUP_RE = lazy_compile(rf"(?P<names>{_NAMES}(?:领导小组|工作小组|监护小组|小组|专班|指挥部))负责", needs="负责")
_SENTENCE_RE = re.compile(r"[^。;!?]+[。;!?]?")


def _sentences(norm: str, start: int) -> list[tuple[int, int]]:
    return [m.span() for m in _SENTENCE_RE.finditer(norm, start) if m.group().strip()]


def _opening(sentence: str) -> tuple[int, int] | None:
    """The span (in `sentence`) of the department a sentence opens a division's paragraph with, or None."""
    lead = len(sentence) - len(sentence.lstrip())
    m = _OPENING_RE.match(sentence, lead)
    # The first named must be a department: `A会同B`, `A及各区、镇` (a group after it) open with A.
    if m is not None and _department(_JOINED_RE.split(_WITH_RE.sub(r"\g<lead>", m["names"]), maxsplit=1)[0]):
        return m.span("names")
    m = _FRAMED_RE.match(sentence, lead)
    if m is not None and not re.search(r"人员|群众|个人", m["names"]):
        return m.span("names")
    return None


def _openings(norm: str) -> list[int]:
    """Where each paragraph of a division's item opens (offsets in `norm`), the title passed; empty where none do."""
    title = _TITLE_RE.match(norm)
    if title is None:
        return []
    spans = _sentences(norm, title.end())
    found = [a + (len(norm[a:b]) - len(norm[a:b].lstrip())) for a, b in spans if _opening(norm[a:b]) is not None]
    if (
        len(found) < 3
        or not spans
        or found[0] != spans[0][0] + len(norm[spans[0][0] :]) - len(norm[spans[0][0] :].lstrip())
    ):
        return []
    return found


def holds_division_paragraphs(text: str) -> bool:
    """Whether an item's text is a division's paragraphs under its title (`受理单位` over `A负责…;B负责…`)."""
    return bool(_openings(normalise(text)))


def split_at_division_paragraphs(clause: Clause) -> list[Clause]:
    """The item as one clause per department paragraph (`2-1`, `2-2`), its title dropped; else as it is."""
    starts = _openings(normalise(clause.text))
    if not starts:
        return [clause]
    # The first part keeps the item's title (`职责分工`): the item's number opens it, as the review's list expects.
    return cut_clause(clause, spans_from([0, *starts[1:]], len(clause.text)))


def division_charge(clause: Clause) -> Responsibility | None:
    """A division paragraph's department leading, the groups its later sentences charge helping; None for any clause
    no `职责分工` item's paragraph."""
    first = clause.node.pieces[0][1] if clause.node.pieces else ""
    if not _TITLE_RE.match(normalise(first)) or "-" not in clause.label:
        return None
    text = clause.text
    norm = normalise(text)
    title = _TITLE_RE.match(norm)
    spans = _sentences(norm, title.end() if title is not None else 0)
    if not spans or (opened := _opening(norm[spans[0][0] : spans[0][1]])) is None:
        return None
    found = Responsibility(origin="职责分工段落")
    a = spans[0][0]
    s, e = a + opened[0], a + opened[1]
    if (joint := _WITH_RE.fullmatch(norm, s, e)) is not None:  # `A会同B负责`: B helps
        e = joint.end("lead")
        w, we = joint.span("with")
        found.roles[CO] = [text[w:we]] if _LEVELS_RE.fullmatch(norm, w, we) else split_names(text, norm, w, we)
    found.roles[LISTED] = split_names(text, norm, s, e)
    for s, e in spans[1:]:
        m = _GROUP_RE.match(norm, s + len(norm[s:e]) - len(norm[s:e].lstrip()))
        if m is not None and m.end() <= e:
            names = split_names(text, norm, m.start("names"), m.end("names"))
            found.roles[CO] += [n for n in names if n not in found.roles[CO] and n not in found.roles[LISTED]]
    return found if found.found else None
