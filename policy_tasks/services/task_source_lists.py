"""An .xlsx (or .xls, .csv) list of source tasks: 批示件, 会议议定事项, 建议提案, 交办事项 (issue 16).

Offices keep these lists in Excel with their own headers; columns are read by meaning
(类别/来源, 事项/内容, 批示领导, 日期, 牵头单位, 配合单位, 完成时限 …), like the document
tables. A file is such a list when one table has a header with the item, the lead unit and
the deadline, and a source column (类别/来源) or a leader column: the import page then reviews
it as a list (web/task_sources.py) instead of parsing it as a plan.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from accounts.models import Unit, User
from policy_tasks.errors import ServiceError
from policy_tasks.models import SourceKind, TaskSource
from policy_tasks.parsing import ParseError
from policy_tasks.parsing.sources import Table, read_source
from policy_tasks.services.audit import RequestMeta
from policy_tasks.services.task_sources import SourceTaskInput, leader_users, task_source_create

# (meaning, header words), first match wins; checked in this order so 批示内容 is not 内容 alone.
COLUMNS = [
    ("number", ("序号",)),
    ("kind", ("类别", "来源", "类型")),
    ("instruction", ("批示内容", "批示意见", "领导批示")),
    ("leader", ("批示领导", "交办领导", "领导")),
    ("proposal_number", ("建议号", "提案号", "编号", "案号")),
    ("proposer", ("代表", "委员", "提出人", "领衔人")),
    ("meeting", ("会议",)),
    ("due", ("完成时限", "办结时限", "完成时间", "时限", "截止")),
    ("date", ("日期", "时间")),
    ("co", ("配合单位", "协办单位", "协助单位")),
    ("lead", ("牵头单位", "责任单位", "承办单位", "主办单位")),
    ("title", ("标题", "事项名称", "名称")),
    ("content", ("事项", "内容", "任务")),
]
KIND_WORDS = [
    (SourceKind.INSTRUCTION, ("批示",)),
    (SourceKind.MEETING, ("会议", "议定")),
    (SourceKind.PROPOSAL, ("建议", "提案")),
    (SourceKind.ASSIGNMENT, ("交办",)),
]
UNIT_SEPARATORS = re.compile(r"[、，,；;/\s]+")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月\s*(底|末)?)")


@dataclass
class ListRow:
    line: int  # the spreadsheet row, 1-based, as the office sees it
    kind: str
    content: str
    source: str = ""  # the 类别 cell as written (政协提案 vs 人大建议)
    title: str = ""
    leader: str = ""
    instructed_on: date | None = None
    instruction: str = ""
    meeting: str = ""
    proposal_number: str = ""
    proposer: str = ""
    lead: list[str] = field(default_factory=list)
    co: list[str] = field(default_factory=list)
    due: date | None = None
    errors: list[str] = field(default_factory=list)


def column_meaning(header: str) -> str | None:
    text = re.sub(r"\s+", "", header)
    for name, words in COLUMNS:
        if any(w in text for w in words):
            return name
    return None


def parse_date(text: str) -> date | None:
    """`2026-03-05`, `2026/3/5`, `2026年3月5日`, `2026年6月底` (the month's end)."""
    m = _DATE.search(text or "")
    if m is None:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        return None
    day = int(m.group(3)) if m.group(3) else calendar.monthrange(year, month)[1]
    try:
        return date(year, month, day)
    except ValueError:
        return None


def kind_of(text: str, default: str) -> str:
    for kind, words in KIND_WORDS:
        if any(w in text for w in words):
            return kind
    return default


def _header(table: Table) -> tuple[int, dict[str, int]] | None:
    for i, row in enumerate(table.rows[:5]):
        columns: dict[str, int] = {}
        for j, cell in enumerate(row):
            name = column_meaning(cell)
            if name and name not in columns:
                columns[name] = j
        if {"content", "lead", "due"} <= columns.keys() and _names_sources(table, i, row, columns):
            return i, columns
    return None


def _names_sources(table: Table, header: int, row: tuple[str, ...], columns: dict[str, int]) -> bool:
    """A plan's task table has content, lead unit and deadline too (and may name a 责任领导):
    a list of sources says so in a header (批示领导, 交办领导) or in its 类别 column's values."""
    if any(word in cell for cell in row for word in ("批示", "交办")):
        return True
    j = columns.get("kind")
    if j is None:
        return False
    values = [r[j] for r in table.rows[header + 1 :] if j < len(r) and r[j].strip()]
    return bool(values) and all(any(w in v for _, words in KIND_WORDS for w in words) for v in values)


def read_list(data: bytes, filename: str) -> list[ListRow] | None:
    """The rows of a source-task list, or None when the file is not one (then it is a plan)."""
    if not filename.lower().endswith((".xlsx", ".xls", ".csv")):
        return None
    try:
        source = read_source(data, filename)
    except ParseError:
        return None
    for block in source.blocks:
        if not isinstance(block, Table):
            continue
        found = _header(block)
        if found is None:
            continue
        start, columns = found
        rows = []
        for i, cells in enumerate(block.rows[start + 1 :], start=start + 2):
            row = _row(i, cells, columns)
            if row is not None:
                rows.append(row)
        return rows
    return None


def _row(line: int, cells: tuple[str, ...], columns: dict[str, int]) -> ListRow | None:
    def cell(name: str) -> str:
        j = columns.get(name)
        return cells[j].strip() if j is not None and j < len(cells) else ""

    content = cell("content") or cell("instruction")
    if not content and not cell("lead"):
        return None  # a blank or closing line
    default = SourceKind.INSTRUCTION if cell("leader") else SourceKind.ASSIGNMENT
    row = ListRow(
        line=line,
        kind=kind_of(cell("kind"), default),
        content=content,
        source=cell("kind"),
        title=cell("title"),
        leader=cell("leader"),
        instructed_on=parse_date(cell("date")),
        instruction=cell("instruction"),
        meeting=cell("meeting"),
        proposal_number=cell("proposal_number"),
        proposer=cell("proposer"),
        lead=[n for n in UNIT_SEPARATORS.split(cell("lead")) if n],
        co=[n for n in UNIT_SEPARATORS.split(cell("co")) if n],
        due=parse_date(cell("due")),
    )
    if not row.content:
        row.errors.append("缺少事项内容")
    if not row.lead:
        row.errors.append("缺少牵头单位")
    if row.due is None:
        row.errors.append(f"完成时限“{cell('due')}”无法识别" if cell("due") else "缺少完成时限")
    if cell("date") and row.instructed_on is None:
        row.errors.append(f"日期“{cell('date')}”无法识别")
    return row


def leader_account(name: str, leaders: list[User]) -> User | None:
    """The leader's account when the written name is one (display name or user name)."""
    return next((u for u in leaders if name and name in (u.display_name, u.username)), None)


def new_unit_names(rows: list[ListRow]) -> list[str]:
    """Names no unit or alias has yet: the import creates them (the review lists them)."""
    names = dict.fromkeys(n for r in rows for n in (*r.lead, *r.co))
    return [n for n in names if Unit.objects.resolve(n) is None]


def task_sources_import(*, user: User, rows: list[ListRow], meta: RequestMeta | None = None) -> list[TaskSource]:
    """Create every row's task in one transaction: all of the list or nothing."""
    bad = [r for r in rows if r.errors]
    if bad:
        raise ServiceError(f"第 {bad[0].line} 行:" + "；".join(bad[0].errors))
    if not rows:
        raise ServiceError("表格中没有可导入的事项")
    leaders = list(leader_users())
    created: list[TaskSource] = []
    with transaction.atomic():
        units: dict[str, Unit] = {}
        for name in dict.fromkeys(n for r in rows for n in (*r.lead, *r.co)):
            units[name] = Unit.objects.resolve(name) or Unit.objects.create(name=name)
        for r in rows:
            account = leader_account(r.leader, leaders)
            assert r.due is not None, "a row without a due date has an error: refused above"
            data = SourceTaskInput(
                kind=r.kind,
                content=r.content,
                title=r.title,
                lead_units=[units[n] for n in r.lead],
                co_units=[units[n] for n in r.co],
                due_date=r.due,
                leader=account,
                leader_name="" if account else r.leader,
                instructed_on=r.instructed_on,
                instruction=r.instruction,
                meeting_name=r.meeting,
                meeting_on=r.instructed_on if r.kind == SourceKind.MEETING else None,
                proposal_kind=_proposal_kind(r),
                proposal_number=r.proposal_number,
                proposer=r.proposer,
            )
            created.append(task_source_create(user=user, data=data, meta=meta))
    return created


def _proposal_kind(row: ListRow) -> str:
    if row.kind != SourceKind.PROPOSAL:
        return ""
    return TaskSource.ProposalKind.CPPCC if "提案" in row.source + row.proposal_number else TaskSource.ProposalKind.NPC
