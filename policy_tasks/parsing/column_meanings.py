"""What a task table's header cell means: the kind of column it names.

Offices name the same column their own way (`牵头单位`, `主办部门`, `牵头单位及主要负责人`; `完成时限`,
`时间节点`, `6月底前任务`), so a column is known by the words its header contains, not by exact
names; the first meaning that matches wins, and a column that names units is told apart from one
that names persons. `header_row` picks, among a table's top rows, the one that is its header.
Shared by the tables read as tables (`tables`) and those a page flattened into text (`flat_tables`).
"""

from __future__ import annotations

import functools
import re

from .textutil import normalise

GROUP = "group"
OTHER = "other"  # units that score or supervise, not responsible
NUMBER, AREA, TITLE, CONTENT, LEADER, LEAD, LISTED, CO, DUE, NOTE = (
    "number",
    "area",
    "title",
    "content",
    "leader",
    "lead",
    "listed",
    "co",
    "due",
    "note",
)
# The kinds of column that name units (a 责任领导 column names persons: LEADER).
UNIT_KINDS = (LEAD, LISTED, CO)
# First match wins: a 牵头领导 column holds persons even though it says 牵头.
_MEANINGS = [
    (LEADER, r"领导|责任人|负责人|包保"),
    (CO, r"配合|协办|协同|参与|协助"),
    # `主要责任单位` beside a 配合 column leads, as the label of that name does (unit_labels).
    (LEAD, r"牵头|主办|主责|主要责任|第一责任"),
    # `任务清单 | 责任清单 | 时限清单`: the "three lists" layout heads its unit column 责任清单.
    (LISTED, r"责任单位|责任部门|责任主体|责任清单|实施单位|实施主体|承办|单位|部门"),
    (DUE, r"时限|时间|期限|年限|起止|节点|进度|日期|计划|安排"),
    (NUMBER, r"^(?:序号|编号|序|号|No\.?)$"),
    (AREA, r"领域|类别|大类|板块|方面|分类|类型|专项|部分|大事"),
    # A 交办 table of deputies' proposals names each by its title (`建议题目`, `提案标题`, `案由`).
    (TITLE, r"任务|事项|项目|名称|工作|指标|题目|标题|案由"),
    # `具体分解`: the task broken down, a task detail column (`责任分解` would name who).
    # `细化分工`: the task worked out in detail (what each office does), a task detail column too.
    # `职责分工`: each department's duties, the row's words (a unit column names 部门 / 单位).
    (CONTENT, r"内容|措施|举措|目标|要求|标准|说明|(?<!责任)分解|细化|职责"),
    (NOTE, r"备注|进展"),
]
# Every kind a column can have that holds a clause's words, in the order the meanings are tried.
KINDS = tuple(kind for kind, _ in _MEANINGS)
# `一季度`, `3月目标`, `6月底前任务`: a column of what is due by then.
TIME_LABEL_RE = re.compile(
    r"^(?:第?[一二三四1-4]季度|[上下]半年|\d{1,2}月(?:份|底|末)?|年底|全年)(?:前|以前)?(?:目标|任务|计划|节点|安排|要求)?$"
)
# A column of figures: a count or quantity, as 民生实事 and project lists carry one (`数量(个)`,
# `个数`, `规模`, `户数`, `工程量`), or a rate of completion (`完成率`, `完成比例`). Like a money
# column it dates nothing and names no unit.
FIGURE_COLUMN_RE = re.compile(r"数量|个数|规模|工程量|[户人件套所处座台]数|完成率|比例|百分比")


def bare_header(text: str) -> str:
    """A header cell without the bracket qualifying it (`重点工作任务(民生实事项目)`, `进展情况(一季度)`): the column's
    name is the words before it, however long the qualifier."""
    return re.sub(r"[(（][^()（）]{1,12}[)）]$", "", text.strip())


# A function of the header's text alone, asked of every top row of every table (the same few
# dozen headers, a hundred and fifty thousand times in tests/sources/test_table_swaps.py).
@functools.lru_cache(maxsize=4096)
def meaning(header: str) -> str | None:
    text = re.sub(r"\s+", "", normalise(header)).rstrip(":")
    if not text or len(text) > 16:
        return None
    if text in ("单位", "计量单位"):
        return NOTE  # a bare 单位 column holds the measure (%, 万元), not who answers
    if re.search(r"评分|考评|考核部门|考核单位|(?:监督|督查|督办|督导)(?:单位|部门|科室|处室)", text):
        return OTHER  # departments that score or supervise the work, not ones that do it
    if re.search(r"(?:单位|部门|处室|科室|股室)(?:主要)?(?:领导|负责人|责任人)$", text) and not re.search(
        r"[及和与、/]", text
    ):
        return LEADER  # `责任单位主要领导`, `牵头部门负责人`: the unit's head, a person
    if re.search(r"单位|部门|处室|科室|股室", text):
        # `牵头单位及主要负责人`: a unit column, whatever person it also names.
        for kind in (CO, LEAD):
            if re.search(dict(_MEANINGS)[kind], text):
                return kind
        # A unit column of another named role (`政策处理单位`, `要素保障单位`): units that help.
        # `涉及部门` (a 职责分工 table's departments concerned, each answering for its own duties) answers.
        role = re.sub(r"单位|部门|处室|科室|股室|名称|责任人|负责人|涉及|[省市区县乡镇街直级各]|[()/、及和]", "", text)
        if role and not re.search(r"责任|主体|实施|承办|建设|业主|主管|归口|落实|负责|主要|具体|直接", role):
            return CO
        return LISTED
    if re.search(r"进展|推进情况|完成情况|落实情况|存在问题|备注|是否|说明", text):
        return NOTE
    if text.endswith("评价") and not re.search(r"评价(?:单位|部门)|任务|事项|指标|内容", text):
        return NOTE  # `工作评价` (达到时序进度, 已完成): how the work is judged, no task's words
    # `最新进度(8月24日)`: a progress register's column of the latest report, dated by when it was written; its
    # `9月底前完成` reports how the work stands, as a 完成情况 cell does (README round 83), no column of due dates.
    if re.search(r"形象进度|进度(?:状态|情况)|(?:当前|目前|实际|最新)进度", text):
        return NOTE  # how far the work has got (`形象进度` 100%, `进度达标`), not when it is due
    if re.search(r"资金|投资|金额|经费|[万亿]元", text) and not re.search(r"项目|任务|事项|名称|内容", text):
        return NOTE  # money (`计划投入资金`, `总投资(万元)`): a figure, whatever 计划 it says
    if FIGURE_COLUMN_RE.search(text) and (
        not re.search(r"项目|任务|事项|名称|内容", text) or re.search(r"(?:数量|个数)(?:\(个\))?$", text)
    ):
        # A count or rate (`数量(个)`, `建设规模`, `完成率`): dates nothing, names no unit; so too a
        # count of what the header names first (`民生实事项目数量`: the last word is the column's).
        return NOTE
    if TIME_LABEL_RE.match(text):
        return DUE
    for kind, pattern in _MEANINGS:
        if re.search(pattern, text):
            return kind
    return None


# `监考单位`, `考核单位`, `负责考核部门`: the office examining a target (rounds 67 and 103).
EXAMINER_RE = re.compile(r"^(?:责任|负责)?(?:监考|考核)(?:单位|部门)$")
# The other columns show a table of targets to be assessed (`目标任务`, `考核指标`, `分值`).
TARGET_TABLE_RE = re.compile(r"目标|指标|分值")


def examines_targets(header: list[str]) -> bool:
    """Whether a header names an examiner column beside a target or score column: a target table whose only unit
    column says who examines (README rounds 67 and 103), a table header though no column says who answers."""
    texts = [re.sub(r"\s+", "", normalise(h)) for h in header]
    examiners = [i for i, t in enumerate(texts) if EXAMINER_RE.match(t)]
    return len(examiners) == 1 and any(TARGET_TABLE_RE.search(t) for i, t in enumerate(texts) if i != examiners[0])


def header_row(rows: list[list[str]]) -> tuple[int, list[str | None]] | None:
    """Of the top rows whose cells name a responsibility (units or persons) or deadline column and
    one more, the one naming the most columns: a page's metadata rows above the table (`发布单位 |
    区政府 | 发文日期`) can pass for a small header."""
    best: tuple[int, int, list[str | None]] | None = None
    for i, row in enumerate(rows[:8]):
        kinds = [meaning(c) for c in row]
        known = [k for k in kinds if k]
        if len(set(known)) >= 2 and (any(k in (LEAD, LISTED, CO, DUE, LEADER) for k in known) or examines_targets(row)):
            if best is None or len(set(known)) > best[0]:
                best = (len(set(known)), i, kinds)
    return None if best is None else (best[1], best[2])


# A 序号 cell of a task row: a serial (`1`, `12`), as a table numbers its rows.
_SERIAL_RE = re.compile(r"^\d{1,3}$")
# A header naming tasks (`任务名称`, `年度任务及目标`, `工作事项`), not a list's things (`文件名称`, `姓名`).
_TASK_WORD_RE = re.compile(r"任务|事项|工作|项目|指标|措施|内容|目标")


def numbered_header_row(rows: list[list[str]]) -> tuple[int, list[str | None]] | None:
    """A task table that names no unit or deadline column (`序号 | 任务名称 | 年度任务及目标 | 全年完成情况`, a district's
    report on the tasks it is assessed on, round 106): a top row naming a 序号 column and a task column, the rows
    under it numbered by serials in that column. Each row is a task, whoever answers for it; a list of things
    (`序号 | 文件名称 | 文号`, `序号 | 姓名 | 职务`) names no task column, and a table of metadata no serials."""
    for i, row in enumerate(rows[:8]):
        kinds = [meaning(c) for c in row]
        tasks = [c for c, k in zip(row, kinds, strict=True) if k in (TITLE, CONTENT)]
        if NUMBER not in kinds or not any(_TASK_WORD_RE.search(normalise(c)) for c in tasks):
            continue
        column = kinds.index(NUMBER)
        serials = [r[column].strip() for r in rows[i + 1 :] if column < len(r) and r[column].strip()]
        if serials and all(_SERIAL_RE.match(normalise(s)) for s in serials):
            return i, kinds
        return None
    return None


# `开工时间` beside `竣工时间`: a register's time line, the start and the end in two columns.
_START_COLUMN_RE = re.compile(r"^(?:计划)?(?:开工|开建|动工|开始|启动|起始)(?:时间|日期|年月|年份)$")


def settle_start_column(kinds: list[str | None], header: list[str]) -> list[str | None]:
    """A 开工 column beside another deadline column (`开工时间 | 竣工时间`) is the project's time line: the project is
    dated at the span's end (README's time line rule, round 128); its start is no deadline. A 开工 column alone
    (a list of projects to start) keeps its dates: starting by then is what the row commits to."""
    starts = [
        i
        for i, (k, h) in enumerate(zip(kinds, header, strict=False))
        if k == DUE and _START_COLUMN_RE.match(re.sub(r"\s+", "", normalise(h)))
    ]
    if not starts or not any(k == DUE and i not in starts for i, k in enumerate(kinds)):
        return kinds
    return [None if i in starts else k for i, k in enumerate(kinds)]
