"""Label words and role words of the genre's responsibility fields, and where a unit list ends.

`牵头单位:` / `配合单位:` / `完成时限:` and their many variants, the free forms (`A牵头`, `B配合`),
and the words that end a list (`按职责分工负责`, a sentence end, another field, a flattened table).
`units` reads a clause's responsibility with them; its public names (`LABEL_RE`, `label_role`, the
free forms, the stop words, `before_flat_table`) are shared with `units`, `unit_lists` and the line
readers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .lazy_patterns import lazy_compile
from .press_dates import PRESS_DUE_LABELS
from .remit_words import REMIT_ROLE, REMIT_STOP
from .unit_names import organisation

LEADER, LEAD, LISTED, CO, DUE = "leader", "lead", "listed", "co", "due"
# The office that oversees the item (`督办单位:县政府督查室`): the supervisor who urges and audits it,
# as Duban's own 督查员 do, neither leading nor helping; no unit of the task.
OVERSEER = "overseer"
# Labels offices use, by what they assign. Persons (领导, 责任人) are leaders, never units.
_LABELS = {
    "责任领导": LEADER,
    "牵头领导": LEADER,
    "牵头负责领导": LEADER,
    "牵头市领导": LEADER,
    "牵头区领导": LEADER,
    "牵头县领导": LEADER,
    "分管领导": LEADER,
    "联系领导": LEADER,
    "督办领导": LEADER,
    # A proposals 交办 list names the leader who takes the lead in supervising (`领衔督办:张三副市长`).
    "领衔督办": LEADER,
    "领衔督办领导": LEADER,
    "包保领导": LEADER,
    "项目责任人": LEADER,
    "责任人": LEADER,
    # `(县交通局,负责人:张三)`: the person who answers for the unit's part.
    "负责人": LEADER,
    # `(牵头责任人:A,具体责任人:B、C)`: the persons who lead and who do the work, leaders both.
    "牵头责任人": LEADER,
    "具体责任人": LEADER,
    "主要责任人": LEADER,
    "直接责任人": LEADER,
    "第一责任人": LEADER,
    "牵头单位": LEAD,
    "牵头部门": LEAD,
    "牵头责任单位": LEAD,
    "牵头责任部门": LEAD,
    "牵头处室": LEAD,
    "主办单位": LEAD,
    "主责单位": LEAD,
    "主责部门": LEAD,
    "责任单位": LISTED,
    "责任部门": LISTED,
    "责任主体": LISTED,
    "实施单位": LISTED,
    "实施主体": LISTED,
    "承办单位": LISTED,
    "配合单位": CO,
    "配合部门": CO,
    "配合责任单位": CO,
    "协办单位": CO,
    "协办部门": CO,
    "参与单位": CO,
    "参与部门": CO,
    "协同单位": CO,
    "协同部门": CO,
    "协同责任单位": CO,
    "完成时限": DUE,
    "完成时间": DUE,
    "完成期限": DUE,
    "时间节点": DUE,
    "时限要求": DUE,
    "完成时限要求": DUE,
    "时间": DUE,
    "时限": DUE,
    "时间要求": DUE,
    "截止时间": DUE,
    "办结时限": DUE,
    "完成节点": DUE,
    "进度安排": DUE,
    # A 整改 list's own deadline field (`问题整改责任单位:A 整改时限:3天`).
    "整改时限": DUE,
    "整改期限": DUE,
    "整改时间": DUE,
    # A project list's time of the work itself (`项目实施时间:2026年1月-2026年10月`, `项目建设期限:2022年`):
    # the project is due when the span it names ends.
    "实施时间": DUE,
    "项目实施时间": DUE,
    "建设时间": DUE,
    "项目建设时间": DUE,
    "建设期限": DUE,
    "项目建设期限": DUE,
}
# A publicity plan's piece and the day it runs (`发稿时间:8月上旬`, `press_dates`).
_LABELS.update(dict.fromkeys(PRESS_DUE_LABELS, DUE))
_LABELS.update({"部门分工": LISTED, "责任分工": LISTED, "任务分工": LISTED, "分工": LISTED})
# A 交办 list of deputies' and members' proposals writes its roles short (`(主办:A;会办:B、C)`, `协办:D`):
# the 主办 leads and the 会办 / 协办 help, as 主办单位 / 会办单位 / 协办单位 do (`proposal_authors` reads
# the same lists' authors). Bare, they are fields only where no word runs into them.
# `分办` (split handling) hands each unit its own part, which it handles and answers for: every 分办
# unit leads (`(分办单位:A、B)`: A and B both lead).
_BARE_ROLE_LABELS = {"主办": LEAD, "会办": CO, "协办": CO, "分办": LEAD}
# A short form of the plain roles too, in a bracket or on a line of its own (`(牵头:A;配合:B)`).
_BARE_ROLE_LABELS.update({"牵头": LEAD, "配合": CO, "参与": CO, "协同": CO})
# `主责:A 协同:B`, `(主责:A;协助:B)`: the unit that answers first and those that assist.
_BARE_ROLE_LABELS.update({"主责": LEAD, "协助": CO})
_LABELS.update({"分办单位": LEAD, "分办部门": LEAD})
_LABELS.update(_BARE_ROLE_LABELS)
# An inspection notice (创卫 / 创文 / 安全生产 督查) assigns each problem found as a pair of duties,
# `(主体责任:X,监督责任:Y)`: X, who bears the 主体责任, must fix it (the first listed leads); Y, the
# department bearing the 监督责任 (监管责任, the regulator's duty), answers for overseeing the fix and helps.
# Unlike a `督办单位` (the office tracking the item for the leadership, `OVERSEER`), Y is assigned a duty
# of the problem's own. Fields only where no word runs into them (`压实主体责任:` is a heading's words).
_DUTY_PAIR_LABELS = {"主体责任": LISTED, "监督责任": CO, "监管责任": CO}
_LABELS.update(_DUTY_PAIR_LABELS)
# The same duties named by who bears them (`主体责任单位:X`, `监督责任单位:Y`): Y helps, no overseer.
_LABELS.update({"主体责任单位": LISTED, "监督责任单位": CO, "监管责任单位": CO})
# A 门前三包 inspection bulletin names each point's owner beside the department it answers to
# (`权属单位为X,责任单位为Y`, or as fields): the 责任单位 answers for the point and leads, the owner that must keep
# its frontage helps, as a bare `部门` column helps beside a 责任单位 (round 64).
_LABELS.update({"权属单位": CO})
# Leaders by any title (分管省领导, 牵头市领导 …) and other units by any role (数据提供单位 …).
# `县领导:`, `县级领导:`, `包联领导:`, `挂点领导:`, `领衔领导:` too, but never a bare `领导:` (`加强组织领导:`).
_LEADER_LABEL = (
    r"(?:(?:分管|主管|牵头|责任|联系|包保|包联|包抓|挂点|挂包|督办|督导|负责|挂钩|协调|领衔)(?:省|市|区|县|州|镇|乡|旗)?级?"
    r"|(?:省|市|区|县|州|镇|乡|旗)级?)(?:政府)?领导"
    r"|(?:分管|主管|协管|联系|牵头|责任)?副?(?:省长|市长|区长|县长|秘书长|书记)"
)
# A PDF's text layer drops the space between two fields (`牵头单位:能源局 参加单位:…` read as
# `…能源局参加单位:`): a bureau's name running into a role word is no label's words.
_OTHER_UNIT_LABEL = (
    r"(?:(?![局委厅办](?:参加|参与|配合|协办|协助|牵头|责任))[\u4e00-\u9fff]){2,6}?(?:单位|部门|处室|科室|股室)"
)
_BARE_DUE_LABELS = ("时间", "时限")
# Public: every label word of the genre, for readers that find a label written without its colon
# (`label_spellings`). The bare forms (`时间`, `主办`) are too common in prose to be one there.
_GUARDED_LABELS = (*_BARE_DUE_LABELS, *_BARE_ROLE_LABELS, *_DUTY_PAIR_LABELS)
LABEL_WORDS = tuple(k for k in _LABELS if k not in _GUARDED_LABELS)
# `项目实施单位及责任人:伊州区水利局,刘文玲`: one field names the unit and the person who answers for
# it. The label assigns as its unit part does (`实施单位` answers, `牵头单位` leads); a person among
# its names is a leader, as anywhere in a unit list (`unit_names.is_person_among`).
_UNIT_AND_PERSON = r"(?P<unit>单位|部门)(?:及|和|与|、|/)其?(?:主要)?(?:责任人|负责人)"
# `责任领导及单位:张三,县交通局`, `牵头领导和牵头单位:…`, `责任单位及责任领导:…`: one field names the item's leaders
# and its units. It assigns as its unit part does (`单位` answers, `牵头单位` leads); the persons among its
# names are leaders, as in any unit list. The leader's word has its qualifier (a bare `领导和部门` is prose).
_LEADER_PART = r"(?:责任|牵头|分管|包保|包联|联系)领导"
_UNIT_PART = r"(?:责任|牵头|主责)?(?:单位|部门)"
_LEADER_AND_UNIT_LABEL = rf"(?:{_LEADER_PART}(?:及|和|与|、|/){_UNIT_PART}|{_UNIT_PART}(?:及|和|与|、|/){_LEADER_PART})"
_UNIT_AND_PERSON_LABEL = r"(?:项目)?(?:实施|建设|责任|牵头|主责|主办|承办|配合|协办|管理)?(?:单位|部门)(?:及|和|与|、|/)其?(?:主要)?(?:责任人|负责人)"
# Public: a field label of the genre followed by its colon (`牵头单位:`, `配合部门:`, `完成时限:`,
# `分管副市长:`, `数据提供单位:`), group 1 the label's words (`label_role` tells what it assigns).
# Used by the unit reader (`units`) and the line readers (`outline_lines`, `field_cells`,
# `label_items`) to tell a field line from prose. Longest first, so that 牵头责任单位 is not read as
# 责任单位; a bare `时间:` / `时限:` is a field only where no word runs into it (`明确时间:…` is prose).
LABEL_RE = re.compile(
    # A salutation is no field: `各承办单位:` / `各成员单位:` addresses the offices the notice goes to.
    "(?<!各)(?!各)("
    + _LEADER_AND_UNIT_LABEL
    + "|"
    + _UNIT_AND_PERSON_LABEL
    + "|"
    + "|".join(sorted((k for k in _LABELS if k not in _GUARDED_LABELS), key=len, reverse=True))
    + f"|{_LEADER_LABEL}|{_OTHER_UNIT_LABEL}"
    + r"|(?<![\u4e00-\u9fff])(?:"
    + "|".join(sorted(_GUARDED_LABELS, key=len, reverse=True))
    + ")"
    + r")\s*[:]"
)

# The most characters a label's words can take before their colon (the longest alternatives take
# 13); tests/parsing/test_regex_equivalents.py holds the pattern to it.
LABEL_REACH = 32


def find_labels(norm: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """`LABEL_RE.finditer(norm, pos, endpos)`, the same matches, tried only within a label's reach
    of each colon. Every match ends in a colon and no label's words hold one, so a match ends at the
    first colon after the one before; the alternation has no common first character for the
    engine to skip ahead on, and trying it at every character was a tenth of the seed's parse."""
    end = len(norm) if endpos is None else min(endpos, len(norm))
    at = pos
    colon = norm.find(":", at, end)
    while colon >= 0:
        words_end = colon
        while words_end > at and norm[words_end - 1].isspace():  # `\s*` before the colon
            words_end -= 1
        m = LABEL_RE.search(norm, max(at, words_end - LABEL_REACH), colon + 1)
        if m is not None:
            yield m
            at = m.end()
        colon = norm.find(":", colon + 1, end)


def find_label(norm: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """`LABEL_RE.search(norm, pos, endpos)`, as `find_labels` finds it."""
    return next(find_labels(norm, pos, endpos), None)


# A field of the clause's own that is not about who (`责任单位:莲塘镇任务目标:…` when a line
# break was lost): a unit list ends where it starts.
OTHER_FIELD_RE = re.compile(
    r"(?:任务|工作|建设|改造|主要|具体|年度|预期|考核|实施|整改)?"
    r"(?:目标|内容|措施|要求|进度安排|进度|标准|指标|举措|成效|规模|地点)\s*[:]"
    r"|(?:实际)?(?:完成|进展|推进|落实|工作)情况\s*[:]|工作进展\s*[:]"
    # A task list's contact for the item (`联系人:张三 联系电话:…`): no one who answers for it.
    r"|(?:联系|办公)?电话\s*[:]|联系方式\s*[:]|联系人\s*[:]|手机(?:号码)?\s*[:]"
    # An event's attendees (`参加人员:区级相关领导;各镇街分管领导`, `参会对象:`): the posts that attend the
    # lecture or meeting, neither its units nor the leaders who answer for it.
    r"|(?:参加|参会|出席|列席|与会)(?:人员|对象|范围)\s*[:]"
)


_TABLE_WORD_RE = re.compile(r"^(?:合计|小计|总计|\d+(?:\.\d+)?)$")


def before_flat_table(norm: str, start: int, end: int) -> int:
    """`配合单位:A、B,各区政府 鄞州 海曙 镇海 合计 …`: a table a web page flattened after the list
    (its header row of places, then 合计 and figures) is no part of it. The list ends after the
    last space-separated run that names a unit, before the table's first word."""
    runs = [(m.start(), m.group()) for m in re.finditer(r"\S+", norm[start:end])]
    first = next((i for i, (_, token) in enumerate(runs) if _TABLE_WORD_RE.match(token)), None)
    if not first:
        return end
    i = first
    while i > 0 and not any(organisation(name) for name in re.split(r"[、,;]", runs[i - 1][1]) if name):
        i -= 1
    return start + runs[i][0] if i > 0 else end


_CONCERNED_LABEL_RE = re.compile(r"(?:涉及|涉项|所涉|相关)的?(?:单位|部门|处室|科室|股室)")


def label_role(label: str) -> str:
    """Public: what a label `LABEL_RE` matched assigns: LEADER (persons), LEAD, LISTED (units that
    answer), CO (units that help) or DUE (a deadline). A label not in the list is read by its words
    (`分管副市长` names a leader, a person; `主要责任单位` leads, `责任科室` and `负责单位` answer); any other unit role
    (`数据提供单位`) helps."""
    if label in _LABELS:
        return _LABELS[label]
    if both := re.search(_UNIT_AND_PERSON + "$", label):
        unit_part = label[: both.start()] + both["unit"]
        return LISTED if unit_part in ("单位", "部门") else label_role(unit_part)
    if re.fullmatch(_LEADER_AND_UNIT_LABEL, label) and (unit := re.search(_UNIT_PART, label)):
        return LISTED if unit[0] in ("单位", "部门") else label_role(unit[0])
    # `涉项部门:A、B、C`, `涉及部门:`, `相关单位:`: the units concerned, a label naming neither who leads nor who
    # helps. They answer for the item as a 责任单位 list does: with no 牵头 named the first listed leads (round 83).
    if _CONCERNED_LABEL_RE.fullmatch(label):
        return LISTED
    if re.search(r"领导|长|书记$", label):
        return LEADER
    # `督办单位`, `督查部门`, `监督单位`: the office overseeing the item, no unit of it (`OVERSEER`).
    if re.search(r"督办|督查|督导|监督", label):
        return OVERSEER
    # Any unit label by its words: 主要责任单位 leads, 责任科室 is responsible, 数据提供单位 helps.
    if re.search(r"配合|协办|协同|参与|参加|协助", label):
        return CO
    if re.search(r"牵头|主办|主责|主要责任|第一责任", label):
        return LEAD
    # `负责单位` (the units in charge) answers as `责任单位` does: the first listed leads.
    if re.search(r"责任|负责|实施|承办|落实", label):
        return LISTED
    return CO


# The free forms' role words, by what they assign. Offices vary the verb after the role: `A牵头抓总`,
# `A牵头推进`, `A负总责`, `A主抓` lead; `A具体负责`, `A负责推进` answer (the first listed leads);
# `B协同配合`, `B协同推进`, `B按职责配合` help. A 交办 list's pair `A承办,B协办` / `A主办,B会办` reads as its
# labels do (`承办单位` answers, `会办单位` helps).
# The helpers' role may be qualified (`积极配合`, `协调配合`, `共同参与`) or doubled (`参与配合`, `配合支持`),
# and the lead's put the other way round (`负责牵头`), as the main one (`A为主,B配合`) or as who coordinates
# (`A统筹,B配合`).
_LEAD_ROLE = r"(?:分别|共同|总|负责)?牵头(?:负责|组织实施|实施|抓总|抓落实|落实|推进|组织|统筹|办理)?|负总责|主抓|主办|主责|为主|统筹(?:协调|推进)?"
# A plain charge (`A负责`, `A负责落实`, `A具体负责`), not a note on how the units share the work.
_CHARGE = r"(?:具体)?负责(?:具体)?(?:组织实施|实施|落实|推进|统筹|组织|办理)?"
_LISTED_ROLE = REMIT_ROLE + r"|承办|分别负责|共同负责|" + _CHARGE
_CO_ROLE = (
    r"(?:积极|共同|主动|全力|密切|协调|协同)?(?:配合|参与|协助|协作|支持)(?:配合|支持)?(?:实施|落实|推进)?"
    r"|协同(?:推进|落实)?|参加|协办|会办|按(?:照)?(?:各自)?(?:职责|职能)(?:分工)?(?:分别)?(?:配合|协助|参与)"
    # `(县住建局指导,各乡镇负责)`: the unit that guides has its part in the work, but the one in charge answers
    # for it; as a supervisor reads it, the guiding unit helps (it reports its guidance, and cannot close the item).
    r"|(?:业务|技术)?指导"
)
FREE_RE = re.compile(
    # `此项工作主要由A负责`: the work named before `由` is no part of the names.
    # `以县应急局为主,各乡镇配合`: the `以` of `以A为主` is no part of the name either.
    r"^(?:(?:(?:此项|该项|本项|这项)?工作)?(?:主要)?由|以(?=[^,;]+为主$))?(?P<names>.+?)(?P<role>"
    + "|".join((_LEAD_ROLE, _LISTED_ROLE, _CO_ROLE))
    + r")$"
)


def free_role(role: str) -> str:
    """Public: what the role word a `FREE_RE` match ends in assigns: LEAD, CO, or LISTED (units
    that answer, the first listed leading)."""
    if re.fullmatch(_LEAD_ROLE, role):
        return LEAD
    return CO if re.fullmatch(_CO_ROLE, role) else LISTED


# `(A,牵头;B,配合)`, `(A,牵头单位;B、C,配合单位)`: a role word or a role noun standing as a part of its own
# after the units it assigns.
_ROLE_WORD_RE = re.compile("|".join((_LEAD_ROLE, _LISTED_ROLE, _CO_ROLE)))


def role_alone(part: str) -> str | None:
    """Public: what a part that is a role word alone (`牵头`, `配合`) or a role noun (`牵头单位`) assigns
    to the units named before it (LEAD, LISTED or CO), or None."""
    if part in _LABELS and _LABELS[part] in (LEAD, LISTED, CO):
        return _LABELS[part]
    return free_role(part) if _ROLE_WORD_RE.fullmatch(part) else None


# Public: a plain charge as a free form's whole role word (`prose_assignments` tells `A负责落实,B配合` by it).
CHARGE_RE = lazy_compile(_CHARGE)
# What a unit list says about how its units work, never a unit: cut there.
STOP_RE = re.compile(REMIT_STOP + r"|分别负责|共同负责|。")
NAME_SEPS = "、,;/ \n"
