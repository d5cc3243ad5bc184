"""Who does a campaign plan's stage: the subjects of the sentences under a stage that opens with its span.

A 专项行动 plan's 时间安排 writes each stage as its name and span, `(二)集中整治阶段(5月下旬-8月)。`, over sentences
naming who does the stage's work as their subjects, with no bracket and no label (README, round 77). Those subjects
are written as the plan addresses its own campaign's bodies, which elsewhere charge no one:

- a group of the levels below, with the campaign's body each has set up (`各县(市、区)环保专项行动领导小组`), or the
  levels' governments (`各行署、市、县政府`, `各县(市、口岸)`, a 行署 and a 口岸 being levels too);
- the plan's own body for the campaign (`市环保专项行动领导小组将…`): in a stage the 领导小组 is the one at work;
- after verbs beyond `要`: `对…进行检查`, `组织有关部门…`, `结合实际…`, `组成若干个小组…`, `将…`;
- in a town's plan (round 148), its villages leading a list with the bodies concerned (`各村、各有关单位要…`, one
  addressee each, round 139), its own group whose `会` before `要` is no part of the name (`镇…领导小组会要…`, the page's
  slip or the group's meeting), and the offices that group organises to do the work (`组织镇派出所、应急办进入…`).

The first sentence's subject leads; a later sentence's subject (`各地市…领导小组要于7月15日前将…报…`, `…办公室将…
进行考核`) helps. An office named only as the one that receives the reports (`报…办公室`) is no subject and no unit;
a vague subject (`各地`, `有关部门`) charges no one.

A stage whose first sentence charges only the bare `各单位` (`各单位要精心组织,…`: every body the plan addresses,
naming no one) and whose later sentence names the body that checks the stage's work (`区教育体育局将适时组织明查暗访`)
has that checker as its one unit, and it leads: round 77 makes a checker co beside the unit that leads the stage, and
here none is named (round 157). A bare `各单位` with no checker after it, or a checker after a first sentence naming
no one at all, still charges no one.
"""

from __future__ import annotations

from .group_openings import addressee_list
from .lazy_patterns import lazy_compile
from .person_names import is_person
from .role_sentences import reads_as_units
from .run_on_sentences import sentences
from .school_groups import school_group
from .unit_labels import CO, LISTED
from .unit_names import PLACE_FIRST_RE, TRIM, VAGUE_RE, looks_like_units

# A stage's name and its span in brackets, at the item's start: `集中整治阶段(5月下旬-8月)。`. An assessment's
# 考核程序 names each step by its act, closed by a full stop (`县级自查。`, `材料审核。`, `现场核实。`, round 119).
_STAGE_RE = lazy_compile(
    r"^(?:[\u4e00-\u9fff]{2,16}?阶段\s*\([^()\n]{0,24}?月[^()\n]{0,12}\)[。:\s]*"
    r"|[\u4e00-\u9fff]{0,4}(?:自查|自评|审核|核实|核查|评定|评审|复核|抽查|验收|审定|认定)。\s*)"
)
# The step's date before its subject: `10月5日前,市林长办组织…`.
_LEADING_DATE_RE = lazy_compile(r"(?:于|在)?\d{1,2}月(?:\d{1,2}日)?(?:底|中旬|上旬|下旬)?(?:前|以前|之前)?,")
# The units a step's subject organises to do its work (`组织市林长制领导小组有关成员单位在10月12日前完成…`): they help.
_ORGANISED_RE = lazy_compile(
    r"组织(?P<names>[\u4e00-\u9fff()\n]{4,30}?(?:成员单位|单位|部门))(?=在|于|对|开展|参加|共同)"
)
# The offices a town's group organises to go out and do the stage's work (`组织镇派出所、应急办进入村…`): they help.
_SENT_OUT_RE = lazy_compile(r"组织(?P<names>[\u4e00-\u9fff、()]{2,30}?)(?=进入|深入|到|开展|对)")
_AFTER_SUBJECT_RE = lazy_compile(r"会?要")
_VERB_RE = lazy_compile(r"要(?![求点])|将|负责(?![同人])|对|组织|结合|组成|按照|根据")
# `…领导小组会要`: the group, its `会` no part of the name.
_GROUP_MEETING_RE = lazy_compile(r"(?:小组|专班|指挥部)会$")
_LEVEL = r"(?:县级市|县|市|区|乡|镇|旗|州|街道|行署|地市|地|口岸|盟)"
# `各县(市、口岸)`, `各行署、市、县`: the group of levels; what follows names their body, or nothing (the governments).
_GROUP_RE = lazy_compile(rf"^各(?:{_LEVEL}(?:\({_LEVEL}(?:、{_LEVEL})*\))?、?)+")
_TOWN_GROUP_RE = lazy_compile(r"^各(?:行政)?(?:村|社区)")
_GOVERNMENT_RE = lazy_compile(r"^(?:人民政府|政府|党委和政府|党委、政府)?$")
_VAGUE_RE = lazy_compile(r"^(?:各地(?![市州])|各部门|各单位|有关|相关|其他|其它|所有)")
# The stage's first sentence charging every body addressed and naming none: `各单位要精心组织,…`.
_BARE_UNITS_RE = lazy_compile(r"各单位(?:要(?![求点])|应当|须|务必)", needs="各单位")
# A later sentence's subject checking the stage's work: `将适时组织明查暗访`, `将组织督查组进行抽查`.
_CHECKS_RE = lazy_compile(r"明查暗访|暗访|督查|督导|检查|抽查|巡查|考核|评估|验收", needs="查|访|督|考|评|验")


def _stage_unit(name: str) -> bool:
    """A subject a stage's sentence names as the one at work (see the module docstring)."""
    if addressee_list(name, reads_as_units) and _TOWN_GROUP_RE.match(name):
        return True  # `各村、各有关单位`: a town's villages leading the bodies concerned
    if school_group(name):
        return True  # `各中小学校根据…,进行…`: the schools a campaign's stage sets to work (`school_groups`, round 157)
    if not name or _VAGUE_RE.match(name) or VAGUE_RE.search(name) or is_person(name):
        return False
    if (group := _GROUP_RE.match(name)) is not None:
        rest = name[group.end() :]
        return group.group().rstrip("、") == group.group() and (
            # `各县(市、区)林长办`: the levels' office of the chief system (`林长办`, `河长办`) is a body too
            bool(_GOVERNMENT_RE.match(rest)) or ((len(rest) >= 4 or rest.endswith("长办")) and looks_like_units(rest))
        )
    return "、" not in name and bool(PLACE_FIRST_RE.match(name)) and looks_like_units(name)


def _subject(norm: str, start: int, end: int) -> tuple[int, int] | None:
    for verb in _VERB_RE.finditer(norm, start, end):
        if verb.start() - start < 2:
            continue
        stop = verb.start()
        if verb.group().startswith("要") and _GROUP_MEETING_RE.search(norm, start, stop):
            stop -= 1  # `镇消防安全检查领导小组会要…`: the group
        if _stage_unit(norm[start:stop].strip(TRIM)):
            return start, stop
    return None


def _checker(norm: str, verb: int, end: int) -> bool:
    """Whether the subject whose verb opens at `verb` checks the stage's work (`…局将适时组织明查暗访`): its own `将` /
    `要` / `负责` right after its name, not a verb it is the object of (`迎接县教育局组织的督查`)."""
    return norm.startswith(("将", "要", "负责"), verb) and _CHECKS_RE.search(norm, verb, end) is not None


def _sent_out(names: str) -> bool:
    """Offices a town's group sends out (`镇派出所、应急办`): the first names its place, the others are short."""
    parts = names.split("、")
    return bool(PLACE_FIRST_RE.match(parts[0])) and all(looks_like_units(p) and not VAGUE_RE.search(p) for p in parts)


def stage_subjects(norm: str) -> tuple[list[tuple[str, int, int]], int] | None:
    """(role, start, end) of each subject of a stage item's sentences, the first listed, and the end of the item
    (nothing left for other readers of later subjects); None when `norm` opens with no stage and its span, or its
    first sentence names no subject."""
    stage = _STAGE_RE.match(norm)
    if stage is None:
        return None
    found: list[tuple[str, int, int]] = []
    bare_first = False  # the first sentence charged only the bare `各单位` (above)
    # A sentence a PDF's line cut runs on past the break (`组织…\n有关成员单位在…`, `run_on_sentences`).
    for sentence_start, sentence_end in sentences(norm, stage.end()):
        sentence = norm[sentence_start:sentence_end]
        start = sentence_start + len(sentence) - len(sentence.lstrip(TRIM + " "))
        if (date := _LEADING_DATE_RE.match(norm, start)) is not None:
            start = date.end()
        span = _subject(norm, start, sentence_end)
        if span is None:
            if not found and not bare_first and _BARE_UNITS_RE.match(norm, start):
                bare_first = True  # `各单位要…`: a checker named later is the stage's one unit
                continue
            if not found:
                return None  # the stage's first sentence must say who does its work
            continue
        if bare_first and not found and not _checker(norm, span[1], sentence_end):
            return None  # after a bare `各单位`, only the body checking the work is the stage's unit
        names = [norm[s:e] for _, s, e in found]
        if norm[span[0] : span[1]] not in names:
            found.append((CO if found else LISTED, *span))
        for m in _ORGANISED_RE.finditer(norm, span[1], sentence_end):
            if looks_like_units(m["names"].replace("\n", "")) and m["names"] not in names:
                found.append((CO, m.start("names"), m.end("names")))
        verb = _AFTER_SUBJECT_RE.match(norm, span[1])
        sent = _SENT_OUT_RE.match(norm, verb.end()) if verb is not None else None
        if sent is not None and _sent_out(sent["names"]):
            found.append((CO, sent.start("names"), sent.end("names")))
    return (found, len(norm)) if found else None  # a bare `各单位` with no checker after it names no one
