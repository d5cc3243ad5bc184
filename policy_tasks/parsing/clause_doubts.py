"""Signs that a clause was read wrongly, for the review page's 待核对 mark.

A reviewer of a document the parser has never seen needs to know where a reading is unsure.

A unit name that does not look like the name of a body: a name
that ends as no body, place or group of either does (`请市文明办协调解决`, a cell's request read whole;
`张局长`, a person's title) is the sign a part of the sentence was taken for a unit: the clause is
marked 待核对 with the name, so it is checked before anything is written. Places (`岳麓区`, `赣州经开区`),
groups (`各县(市、区)`, `相关镇街区`) and bodies with their other name in brackets
(`县发改局(粮食局)`) are names; so is every body ORG_END_RE knows.

A clause holding the same responsibility field more than once (`整改责任单位:A … 整改责任单位:B`): every
layout the parser reads gives each item its own field, so two in one clause are items it ran together, and
all but the first item's units are lost. A field's label stands after a break or punctuation; within a
longer label (`牵头责任单位`, `协同责任单位`) it is another field.

A clause whose units come from a place heading on its last line (`…占道乱停车现象严重` / `通会桥社区(责任单位:X)`)
with the numbering starting again at 1 right below that line: the heading heads the problems below it (a place over
its numbered problems, corpus README round 73), and a reading that ends the clause there gives the place's units to
the problem above it. Where `place_headings` reads such a list, no clause ends so; where it could not (a layout it
does not know), every unit is one place early, so the clause is marked.
A numbered item beside the clauses, after the first of them, that no clause holds although a line of its own is
a unit's name (a table's row flattened a cell a line, its 责任部门 cell on the last line): rows the parser did not
read, which would otherwise leave the review page with no trace of them (round 91).
A line closing a group of projects with their lead (`上述项目由区体育局牵头负责。`, `group_leads`) that no clause
holds is such a field too: the projects above it were left unread (round 100).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cadre_posts import village_team
from .criterion_items import sanction_only
from .glued_items import GLUED_RE
from .group_leads import closing_lead
from .list_doubts import SIGNS as LIST_SIGNS
from .minute_subjects import minute_charge
from .org_ends import ORG_END_RE
from .outline import line_marker
from .outline_node import Node
from .place_headings import place_heading
from .placed_subjects import sector_organs
from .result import ParsedDocument, ParseWarning
from .textutil import normalise
from .unit_labels import LISTED
from .unit_names import looks_like_units

# What a place or a zone ends in: a district, county or city, a development zone or park, a
# neighbourhood or village, a market town (`五金城`), a unit's outlets (`各营业网点`); and a state
# investment company's short name (`区城投`, `市交投`); the press a campaign charges (`新闻媒体`, round 95).
# `村居`: a town's villages and residents' committees together, as its plan charges them (round 154).
_PLACE_END = re.compile(
    r"(?:区|县|市|州|盟|旗|园|开发区|新区|社区|村|村居|街|城|网点|药店|医疗机构|专班|国企|厂|场|地|地区|镇街|片区|港|岛|投|媒体)$"
)
# A department written by its sector alone, as a list closed by `等有关职能部门` writes those after the first
# (`县安监、经贸、国土、公安、交通、建设、质监等有关职能部门`): the sector names the body. `市监` is the market
# regulator's own short form (`市监局`), as `市住建、市监、消防…等部门` writes it (round 162).
_SECTOR_END = re.compile(
    r"^(?:省|市|县|区|州|旗|镇|乡)?(?:安监|经贸|经信|国土|公安|交通|建设|住建|质监|工商|财政|教育|民政|环保|水利|农业|林业|商务|文化|城管|规划|"
    r"发改|审计|税务|统计|司法|人社|卫生|卫健|药监|食药监|市场监管|市监|物价|粮食|旅游|消防)$"
)
# A school by its short name, its number and 中 / 小 (`一机一中`, `包四中`, `内科大附中`): a body (round 130).
_SCHOOL_END = re.compile(r"(?:[一二三四五六七八九十]{1,3}[中小]|附中|附小)$")
# A group of addressees, however it ends (`各园区`, `相关盟市`, `有关设区市`, `全市各级`).
_GROUP_START = ("各", "相关", "有关", "全", "所属", "其他", "其它")
# A body's other name, or its sections, in brackets after it: `区商务局(区药发中心)`.
_TRAILING_BRACKET = re.compile(r"[(（〈<〔][^()（）〈〉<>〔〕]*[)）〉>〕]$")

# The English tail of each sign's message, which tells them from the parser's other warnings.
SIGNS = (
    "unit name looks doubtful",
    "several items read as one",
    "a field outside every clause",
    "units of the heading below",
    "a row outside every clause",
    *LIST_SIGNS,
)


def is_doubt(message: str) -> bool:
    return message.endswith(tuple(f"({sign})" for sign in SIGNS))


def review_marked(parsed: ParsedDocument) -> set[int]:
    """The indexes of the clauses the review page marks 待核对: a warning about the clause (its number, the last
    clause so numbered starting before the warning's line), or no lead unit read. The signs above are the document's;
    a clause read with no unit (`第一条未写明责任单位`) is marked by this rule alone, so a score counting the signs
    only shows none for it (round 129's first look)."""
    marked = {i for i, task in enumerate(parsed.tasks) if not task.lead_units}
    for w in parsed.warnings:
        candidates = [i for i, t in enumerate(parsed.tasks) if w.task is not None and t.number == w.task]
        before = [i for i in candidates if parsed.tasks[i].line <= w.line]
        marked.update((before or candidates)[-1:])
    return marked


# A standby team (`民兵应急队伍`, `抢险队伍`) charged as a point's body (`counted_subjects`, round 184).
_TEAM_END = re.compile(r"(?:应急|抢险|救援|突击)队伍$")
_LEVELS_ORGANS = re.compile(r"[两三]级[\u4e00-\u9fff]{0,10}(?:机关|部门|单位|政府)$")


def doubtful(name: str) -> bool:
    """True when `name` ends as no body, place or group does."""
    base = name.strip()
    while _TRAILING_BRACKET.search(base):
        base = _TRAILING_BRACKET.sub("", base).strip()
    if base.startswith("“") and base.endswith("”"):
        base = base[1:-1]  # `“四区”`: places named by their count in quotes (`carry_out_parts`, round 167)
    if not base:
        return True
    if base.startswith(_GROUP_START) or village_team(base):  # `村级两委班子`: the villages' body (round 166)
        return False
    if sector_organs(base):  # `公安机关`: a sector's organs by kind (`placed_subjects`, round 178)
        return False
    # The organs of two or three levels written once (`县、乡两级兵役机关`, round 173): one addressee.
    if _LEVELS_ORGANS.search(base):
        return False
    # A group behind the place it is of (`经开区各级`, `开发区各部门`, round 120): the place's group.
    if (at := base.find("各")) > 0 and _PLACE_END.search(base[:at]):
        return False
    ends = (ORG_END_RE, _PLACE_END, _SECTOR_END, _SCHOOL_END, _TEAM_END)
    return not any(end.search(base) for end in ends)


# What no person's name or title holds: a figure (a phone number), a contact field's word, a label's colon.
_NO_PERSON = re.compile(r"[0-9０-９]|电话|联系|手机|邮箱|[:：]")


def doubtful_leader(name: str) -> bool:
    """True when a leader read from a document is a body's name or a contact field, not a person. Cadres by post
    (`机关中层干部`, `村干部`) end as a ministry (部) does, and are persons (round 107)."""
    body = ORG_END_RE.search(name.strip()) and not name.strip().endswith("干部")
    return bool(_NO_PERSON.search(name) or body)


def doubt_message(label: str, names: Sequence[str], leaders: Sequence[str] = ()) -> str | None:
    odd = [n for n in names if doubtful(n)]
    persons = [n for n in leaders if doubtful_leader(n)]
    parts = []
    if odd:
        parts.append(f"单位{'、'.join(f'“{n}”' for n in odd)}不像单位名称")
    if persons:
        parts.append(f"领导{'、'.join(f'“{n}”' for n in persons)}不像人名或职务")
    if not parts:
        return None
    return f"第{label}条的{','.join(parts)},请核对 (unit name looks doubtful)"


_FIELD = re.compile(
    r"(?<![\u4e00-\u9fff])(整改责任单位|责任单位|牵头单位|牵头部门|责任部门|主办单位|主体责任)\s*(?:为|[:：])"
)


def merged_message(label: str, text: str) -> str | None:
    seen: dict[str, int] = {}
    for m in _FIELD.finditer(text):
        seen[m.group(1)] = seen.get(m.group(1), 0) + 1
    repeated = [f"{name}({count}处)" for name, count in seen.items() if count > 1]
    if not repeated:
        return None
    return f"第{label}条含多处{'、'.join(repeated)},可能是几条合在了一起,请核对 (several items read as one)"


# A field's first name: up to the first separator, at most 20 characters.
_FIRST_NAME = re.compile(r"\s*[^、,，;；。)）〉】\]\s]{0,20}")


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def unread_fields(lines: list[tuple[str, bool]], parsed: ParsedDocument, minute: bool = False) -> list[ParseWarning]:
    """A responsibility field, from the first heading over the clauses on (or the first clause, where no heading is
    above it), that no clause or area holds: items the parser did not take for clauses (a list whose lines it could
    not tell apart; a heading's first item run into the heading), whose units reach no task. On the line of the
    first heading or clause only the text from that item on counts (a copy with no line breaks holds the whole
    plan, notice and all, on one line); a heading's own bracket is the heading's (`_headings_own`).
    The field is matched up to the end of its first name, so a clause cut just after it still holds it.
    In a meeting minute (`minute`), a decision names its units as its sentences' subjects (`党政办负责…`,
    `minute_subjects`) rather than in a field: such a line no clause holds is named the same way."""
    held = "\n".join([_compact(t.text) for t in parsed.tasks] + [_compact(a.title + a.intro) for a in parsed.areas])
    first = min((t.line for t in parsed.tasks), default=0)
    start = min([a.line for a in parsed.areas if a.line <= first], default=first)
    out = []
    before = ""  # the last line with text: a group's line (`上述项目由A牵头负责。`) is held with its project
    for number, (text, _) in enumerate(lines, start=1):
        above, before = before, (text if text.strip() else before)
        if number < start or (number in (start, first) and not (text := _from_first_item(text, number, parsed))):
            continue
        own = _headings_own(parsed, number) if number <= first else ()
        shown = next(
            (s for s in _shown_fields(text, minute) if _compact(s) not in held and not any(u in s for u in own)), None
        )
        if shown is None and (at := closing_lead(normalise(text))) is not None:
            # `上述项目由A牵头负责。`, alone on its line or run onto its last project: those above it went unread
            if _compact(text if at else above.strip()[-12:] + text) not in held:  # with its project's end
                shown = text[at:].strip()
        if shown is not None:
            out.append(
                ParseWarning(None, number, f"第{number}行“{shown}”未读入任何条款,请核对 (a field outside every clause)")
            )
    return out


def _headings_own(parsed: ParsedDocument, number: int) -> list[str]:
    """The lead units of the headings on line `number` whose bracket is their own: a heading's short title stops at
    its bracket, and one that holds an item's number glued into it (`一、优服务1.加快…`) ran into that item, whose
    bracket it took (`glued_items`)."""
    return [
        unit
        for area in parsed.areas
        if area.line == number and not GLUED_RE.search(normalise(area.title))
        for unit in area.lead_units
    ]


def _from_first_item(text: str, number: int, parsed: ParsedDocument) -> str:
    """Line `number` from the first item read on it (an area or a clause) on: a copy that removed every line break
    holds the whole plan on one line, and the fields it leaves unread lie there (round 96). Before that item is the
    notice's own text, which charges no clause."""
    own = [a.title for a in parsed.areas if a.line == number] + [t.text for t in parsed.tasks if t.line == number]
    starts = [at for item in own if (opening := item.strip()[:8]) and (at := text.find(opening)) >= 0]
    return text[min(starts) :] if starts else ""


# Where a place heading's name ends: its units' bracket.
_HEADING_NAME = re.compile(r"[(（【〔\[<〈]")


def heading_units(lines: list[tuple[str, bool]], parsed: ParsedDocument) -> list[ParseWarning]:
    """Clauses closed by a place heading (`X(责任单位:A)`, a line of its own) under which the numbering starts again
    at 1: the heading's units are the problems' below it, not this clause's. Lines as `parsed` counts them."""
    norms = [normalise(text).strip() for text, _ in lines]
    out = []
    for task in parsed.tasks:
        own = [part for part in task.text.split("\n") if part.strip()]
        if len(own) < 2 or not place_heading(last := normalise(own[-1]).strip()) or line_marker(last):
            continue
        at = next((k for k in range(max(task.line - 1, 0), len(norms)) if norms[k] == last), None)
        below = next((norms[k] for k in range(at + 1, len(norms)) if norms[k]), "") if at is not None else ""
        marker = line_marker(below)
        if at is None or marker is None or marker.value != 1:
            continue
        out.append(
            ParseWarning(
                task.number,
                at + 1,
                f"第{task.label}条的责任单位取自其末行的标题“{_HEADING_NAME.split(last)[0].rstrip(':')}”,"
                "该行下方重新从1编号,单位可能属于下方各条,请核对 (units of the heading below)",
            )
        )
    return out


def _shown_fields(text: str, minute: bool) -> list[str]:
    """Each responsibility field of a line, up to its first name; in a minute, the subject parts too."""
    shown = []
    for m in _FIELD.finditer(text):
        name = _FIRST_NAME.match(text, m.end())
        shown.append(text[m.start() : name.end() if name else m.end()].strip())
    marker = line_marker(normalise(text).strip()) if minute and not shown else None
    body = text.strip()[marker.end :] if marker is not None else text  # `1、党政办负责…`: the decision after its number
    charge = minute_charge(body) if minute and not shown else None
    for unit in charge.roles[LISTED] if charge is not None else ():
        said = re.search(re.escape(unit) + r"\s*(?:负责|要)", text)
        shown.append(said.group() if said else unit)
    return shown


def unread_rows(clauses: Sequence[Node], parsed: ParsedDocument) -> list[ParseWarning]:
    """Items numbered as the clauses beside them, under the same heading and after the first of them, that no
    clause holds though one of their lines is nothing but units: a table's rows left unread."""

    chosen = {id(c) for c in clauses}
    held = "\n".join(_compact(t.text) for t in parsed.tasks)
    out: list[ParseWarning] = []
    seen: set[int] = set()
    for clause in clauses:
        parent = clause.parent
        if parent is None or id(parent) in seen:
            continue
        seen.add(id(parent))
        kids = [k for k in parent.children if k.style == clause.style]
        first = next(n for n, k in enumerate(kids) if id(k) in chosen)
        for kid in kids[first + 1 :]:
            if id(kid) in chosen or any(id(d) in chosen for d in kid.walk()):
                continue
            if sanction_only(kid.own_text):
                continue  # a 责任书's penalty term and the book's signatures below it (`criterion_items`, round 171)
            lines = [line.strip() for line in kid.own_text.split("\n")[1:] if line.strip()]
            title = _compact(kid.own_text.split("\n")[0])[:12]
            if title and title not in held and any(len(line) <= 20 and looks_like_units(line) for line in lines):
                shown = kid.raw_first.strip()[:20]
                out.append(
                    ParseWarning(
                        None, kid.line, f"“{shown}”一项写有责任单位,未读作条款,请核对 (a row outside every clause)"
                    )
                )
    return out
