"""Units an item names as the subjects of its sentences, beyond the opening `A要…` (`role_sentences`).

A county's notice (挂牌督办, 隐患整改, a 林长制 office's task notice) names no bracket and no label: each item says who
must act as the subject of its sentences. `role_sentences` reads a unit's name right before `要` / `负责` opening the
item; the same notices also write:

- the subject, then the circumstance of the duty, then `要`: `各乡镇在制定本级方案时,要…` (the subject charges);
- a subject list of the units that must fix their hazards, each with what put it on the list, over several parts:
  `列入市级隐患单位的县甲厂、县乙有限公司,列入整治单位的县丙厂,以及本次公布的县级重大安全隐患单位(名单附后),要…`:
  the words before a part's last `的` and a bracket after it are no names; the first listed leads, the others help.
  An enterprise is named as a body is (`县甲厂`, `县乙有限公司`), its place first;
- a subject list closed by `等有关职能部门` whose first name names its place (`县安监、经贸、公安等有关职能部门要`): the
  names after the first drop the prefix, as a list closed by `等部门` does (`stage_openings`);
- a group of governments with the departments addressed beside it (`各乡镇政府、各部门要`): the group leads and the
  departments taken together (`各部门`, as the salutation's `县各部门`) help as one addressee;
- after the subject's `要`, the units it works with: `县教育局要协同县应急局、县消防救援大队加大…` (`协同`, `会同`): they help;
- a campaign plan's stage opening with its span (`督查阶段(9月)。市…领导小组将…`): its sentences' subjects
  (`stage_subjects`);
- a later sentence (after `。` or `;`, possibly after a leading `届时,`) whose subject is another addressee taking a part
  of the work: `…;各乡镇政府要加大督办力度`, `届时,县府办将组织检查验收`, `其他各行业主管部门要…` (the sector
  departments together, `其他` no part of the name), or after the event it follows (`火灾发生后,市气象部门要…`): those
  help, as a step's next addressee does (`dated_subjects`); so does a named body whose sentence says when its part of
  the work starts (`省政务服务和数字化局自2021年7月起,对…进行检查`, round 113), or its own deadline (`各市(州)于6月20日18:00前…报送自查报告`,
  round 124).

A vague subject (`各地`, `有关部门`) and the departments taken together charge no one on their own (a notice's
salutation may make `各地`, `各部门` its group addressees: `addressee_groups`, read after these).
"""

from __future__ import annotations

import re

from .cadre_posts import village_team
from .group_openings import government_group
from .later_parties import later_party
from .lazy_patterns import lazy_compile
from .role_sentences import reads_as_units
from .stage_subjects import stage_subjects
from .supervising_offices import supervises_at
from .unit_labels import CO, LISTED
from .unit_names import ETC_RE, PLACE_FIRST_RE, TRIM

# `要`, possibly after the duty's circumstance: `在制定本级方案时,要`.
_VERB_RE = lazy_compile(r",?(?:在[^,。;\n]{1,30}?(?:时|中|期间),)?要(?![求点])")
_SENTENCE_END_RE = re.compile(r"[。;\n]")
# `县龙腾聚醚制品厂`, `县日升合金有限公司`: an enterprise named with its place.
_ENTERPRISE_RE = lazy_compile(r"^(?:县|市|区)[\u4e00-\u9fff]{2,20}?(?:有限责任公司|股份有限公司|有限公司|公司|厂)$")
# The departments addressed together beside a named addressee: `各部门`, `(其他)各行业主管部门`.
_DEPARTMENTS_RE = lazy_compile(r"^(?P<other>其他|其它)?(?P<names>各(?:行业主管|项目主管|职能)?部门)$")
_LEADING_PART_RE = lazy_compile(r"(?:以及|及|和|并)")
# The later sentence may open with the moment its part of the work comes (`火灾发生后,市气象部门要…`,
# an emergency plan's step after the event).
_LATER_RE = lazy_compile(
    r"(?:(?:届时|同时|此外|另外|其中|[\u4e00-\u9fff]{2,8}(?:发生后|发生时|结束后)),)?(?P<names>[\u4e00-\u9fff()、]{2,30}?)(?P<verb>要(?![求点])|将|负责(?![同人])|(?=自[^。,;:\n]{2,12}?起,)"
    # `各市(州)于6月20日18:00前…报送`: the subject the notice gives a day of its own (round 124).
    r"|(?=[于在](?:\d{4}年)?\d{1,2}月[^。,;\n]{0,12}?(?:之前|以前|前))"
    # `镇禁毒工作站适时组织…督促检查`: the subject, then when it acts, then its verb (round 139).
    r"|(?=(?:适时|定期)(?:组织|开展|进行|召开)))"
)
# A handoff: the clause names a body to report to, and the next clause makes it the subject
# (`发现苗头及时联系派出所,派出所要坚决查处…`, round 139): the body named twice helps.
_HANDOFF_RE = lazy_compile(
    r"(?:联系|报告|移交|移送|通报|告知|报送)(?P<name>[\u4e00-\u9fff]{2,12}?),(?P=name)(?:要(?![求点])|负责|将|应)"
)
_BODY_END_RE = lazy_compile(r"(?:所|站|局|办|队|院|委|中心|大队|中队)$")
_WITH_RE = lazy_compile(r"(?:协同|会同)")


def _one_name(name: str) -> bool:
    # `各行政村支两委`: the villages' leadership team, one addressee (`cadre_posts.village_team`, round 166).
    return reads_as_units(name) or government_group(name) or bool(_ENTERPRISE_RE.match(name)) or village_team(name)


def _part_names(norm: str, s: int, e: int) -> tuple[int, int]:
    """The names of one part of a subject: after its leading `以及` and the words up to its last `的`, before a
    closing bracket (`(具体名单附后)`)."""
    if m := _LEADING_PART_RE.match(norm, s):
        s = m.end()
    if (of := norm.rfind("的", s, e)) >= 0:
        s = of + 1
    if norm[s:e].endswith(")") and (opener := norm.rfind("(", s, e)) > s:
        e = opener
    return s, e


def _subject_names(norm: str, s: int, e: int) -> list[tuple[str, int, int]] | None:
    """(role, start, end) of each name of the subject `norm[s:e]`, or None when it is no subject of units."""
    found: list[tuple[str, int, int]] = []
    for part in norm[s:e].split(","):
        ps, pe = _part_names(norm, s, s + len(part))
        s += len(part) + 1
        names, at = [], ps
        for name in norm[ps:pe].split("、"):
            names.append((at, at + len(name)))
            at += len(name) + 1
        if not names or not norm[ps:pe]:
            return None
        listed = norm[ps:pe]
        if ETC_RE.search(listed) and PLACE_FIRST_RE.match(listed):
            # `县安监、经贸、公安等有关职能部门`: the first names the place for all.
            last = ETC_RE.search(norm, names[-1][0], names[-1][1])
            names[-1] = (names[-1][0], last.start() if last else names[-1][1])
            found += [(LISTED, a, b) for a, b in names if b - a >= 2]
            continue
        for a, b in names:
            if _one_name(norm[a:b]):
                found.append((LISTED, a, b))
            elif found and (group := _DEPARTMENTS_RE.match(norm[a:b])) is not None:
                found.append((CO, a + group.start("names"), b))  # `各乡镇政府、各部门`: the departments help
            else:
                return None
    return found if any(role == LISTED for role, _, _ in found) else None


def opening_subjects(norm: str, starts: list[int]) -> tuple[list[tuple[str, int, int]], int] | None:
    """The names of a subject opening the item at one of `starts` before its `要` (a part or more, a circumstance
    between), and where the verb ends; None when no start opens so. A campaign stage's subjects are read first
    (`stage_subjects`), and no later reader looks past them."""
    if (stage := stage_subjects(norm)) is not None:
        return stage
    for start in starts:
        sentence = _SENTENCE_END_RE.search(norm, start)
        end = sentence.start() if sentence else len(norm)
        for verb in _VERB_RE.finditer(norm, start, end):
            names = _subject_names(norm, start, verb.start())
            if names is not None:
                return names, verb.end()
    return None


def with_units(norm: str, after: int) -> list[tuple[int, int]]:
    """The units the subject works with, right at `after` (`要协同A、B…`, `负责会同各项目主管部门…`): they help. The
    departments together (`各项目主管部门`, those in charge of the projects) are one addressee there (round 108)."""
    if (with_ := _WITH_RE.match(norm, after)) is None:
        return []
    stop = re.compile(r"[,。;\n]").search(norm, with_.end())
    end = stop.start() if stop else len(norm)
    for e in range(with_.end() + 2, end):
        names = norm[with_.end() : e]
        if norm[e] != "、" and (reads_as_units(names) or _DEPARTMENTS_RE.fullmatch(names)):
            return [(with_.end(), e)]
    return []


def later_subjects(norm: str, after: int) -> list[tuple[int, int]]:
    """The units that help: those the subject works with (`要协同A、B…`) right at `after`, and the subjects of
    the item's later sentences (`;各乡镇政府要…`, `届时,县府办将组织…`, `其他各行业主管部门要…`)."""
    found = with_units(norm, after)
    for sentence in _SENTENCE_END_RE.finditer(norm, after):
        if supervises_at(norm, sentence.end()) is not None:
            continue  # `市政府办公室将…全程跟踪督办`: the issuing office's tracking, no unit (`supervising_offices`)
        m = _LATER_RE.match(norm, sentence.end())
        names = m["names"].strip(TRIM) if m is not None else ""
        if m is not None and _one_name(names) and (m["verb"] != "将" or reads_as_units(names)):
            found.append((m.start("names"), m.end("names")))
            # `县发改委要会同县督查落实办对…督导`: the later subject's partners help too (round 108's `会同`, round 150).
            found += with_units(norm, m.end()) if m["verb"] == "要" else []
        elif m is not None and m["verb"] == "要" and (group := _DEPARTMENTS_RE.match(m["names"])):
            found.append((m.start("names") + group.start("names"), m.end("names")))
        else:
            found += later_party(norm, sentence.end())  # `相关部门和辖区政府要…`, `A日报社…等媒体要…`
    for handoff in _HANDOFF_RE.finditer(norm, after):
        name = handoff["name"]
        if _one_name(name) or (_BODY_END_RE.search(name) and not name.startswith(("各", "有关", "相关"))):
            found.append((handoff.end("name") + 1, handoff.end("name") + 1 + len(name)))
    return found
