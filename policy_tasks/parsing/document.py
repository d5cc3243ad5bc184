"""From a source to a ParsedDocument: header, outline, clauses, areas.

The outline comes from the numbering (see `outline`). Which level holds the clauses is not a
fixed style: it is the level that carries the responsibilities (domain.md, "the genre beyond
the seed"). Starting from the top, the reader descends into an item's children while two or
more of them name responsible units of their own (or one does, in a style that is the clause
style elsewhere in the document); an item whose children do not is a clause, and its children
are part of its text. Top-level items above the clauses are the areas (领域). Items that hold
no responsibility where their siblings do not either (总体要求, 保障措施) are neither.
How lines join items is `outline_lines`; which items are clauses, `clauses`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from .annexed_divisions import disagreeing, with_annexed_rows_merged
from .assigned_lines import WARNING as GUESSED_WARNING
from .clause import Clause
from .clause_doubts import doubt_message, heading_units, merged_message, unread_fields, unread_rows
from .clause_labels import cited, clause_labels
from .clause_milestones import clause_milestones
from .clause_numbers import numbering_warnings
from .clause_parts import clause_text, split_by_brackets
from .clauses import choose_clauses
from .continued_tables import joined_tables
from .copy_spacing import plain_spaces, spoken_lines
from .division_items import division_charge
from .done_lists import reports_list_done
from .due_fields import gather_year_warnings
from .duty_headings import division_item, duty_heading
from .duty_passages import duty_passage_charge
from .field_cells import stated_above
from .field_owners import stated_owner
from .governing_sentences import heading_adds, preamble_adds
from .header import Header, choose_year, default_due, header_year, read_header
from .heading_charges import heading_lead, nearest_heading_charge, with_own_leaders
from .leader_headings import with_heading_leaders
from .letter_titles import letter_owner
from .line_numbers import renumber
from .line_repairs import repaired_lines
from .list_doubts import list_doubts
from .list_owners import list_owner
from .made_lists import made_list_owner
from .milestones import find_milestones
from .minute_subjects import is_minute
from .notice_issuers import own_government
from .notice_kinds import notice_kinds
from .outline_lines import Outline
from .outline_node import Node
from .page_tail import tail_lines
from .period_headings import period_due
from .project_colon_items import list_doer, named_milestones
from .publication_lines import published_date
from .redacted_names import unredacted_leaders
from .relative_periods import meeting_date
from .responsibility import Responsibility
from .restated_lists import with_unrestated_points
from .result import ParsedArea, ParsedDocument, ParsedTask, ParseError, ParseWarning
from .script import WARNING as TRADITIONAL_WARNING
from .script import simplified_blocks
from .semicolon_runs import semicolon_runs
from .sentence_charges import sentence_charge
from .sole_addressees import addressed, sole_addressee
from .sources import Source, Table, read_source
from .stage_headings import stage_milestones
from .subject_runs import run_milestones
from .tables import table_lines
from .target_books import book_holder, with_assessors
from .task_titles import short_title, task_title
from .unit_colon_items import unit_colon_charge
from .unit_names import UnitBook
from .unit_work_headings import unit_work_clause, with_heading_units
from .units import CO, read_responsibility
from .unnumbered_items import GUESSED, ORDERS, PROJECTS, unnumbered_clauses


def parse_bytes(
    data: bytes, *, year: int | None = None, filename: str = "document.txt", assume_year: int | None = None
) -> ParsedDocument:
    """Read a file of any supported kind (see `sources`) and parse it."""
    return parse_source(read_source(data, filename), year=year, assume_year=assume_year)


def parse_source(source: Source, *, year: int | None = None, assume_year: int | None = None) -> ParsedDocument:
    """`assume_year` is the year to read deadlines in when the document states none at all (the
    import passes the current year); the result then says so, and the review page asks."""
    blocks = [plain_spaces(b) if isinstance(b, str) else b for b in source.blocks]
    tail = tail_lines(blocks)
    spoken = set(spoken_lines(blocks, tail)) - tail  # the spacing measured above the page's footer
    # A publication line after the article (`publication_lines`) dates the page, though it is not read.
    published = published_date(blocks, tail)
    blocks, page_headers, traditional = simplified_blocks(blocks, source.page_headers)
    blocks = joined_tables(blocks)  # a row a page break cut between a table's parts
    lines: list[tuple[str, bool]] = []  # (text, may hold a flattened list)
    origins: list[int] = []  # each line's number had no empty line been dropped
    number = 0
    above = ""  # the last line of text before a table
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            block_lines = [(line, False) for line in table_lines(block, above=above)]
        else:
            block_lines = [(line, True) for line in (block.splitlines() or [""])]
            above = next((text for text, _ in reversed(block_lines) if text.strip()), above)
        if i in spoken:
            lines.extend(block_lines)
            origins.extend(range(number + 1, number + 1 + len(block_lines)))
        number += len(block_lines)
    parsed = _parse_lines(
        lines,
        year=year,
        assume_year=assume_year,
        page_headers=page_headers,
        traditional=traditional,
        published=published,
    )
    renumber(parsed, origins)
    parsed.source_kind = source.kind
    parsed.source_text = source.text
    return parsed


def parse_document(text: str, *, year: int | None = None, assume_year: int | None = None) -> ParsedDocument:
    text = text.lstrip("\ufeff") if isinstance(text, str) else ""
    parsed = parse_source(Source.from_text(text), year=year, assume_year=assume_year)
    parsed.source_text = text
    return parsed


def _parse_lines(
    lines: list[tuple[str, bool]],
    *,
    year: int | None,
    assume_year: int | None = None,
    page_headers: Sequence[str] = (),
    traditional: bool = False,
    published: date | None = None,
) -> ParsedDocument:
    lines, block_origins, done = repaired_lines(lines)
    if not any(text.strip() for text, _ in lines):
        raise ParseError("文件内容为空 (the document is empty)")
    if year is not None and not 1900 <= year <= 2100:
        raise ParseError(f"年份无效：{year} (year out of range)")
    outline = Outline.read(lines)
    sole = sole_addressee(outline.header) is not None  # `各派出所:`, the notice's one addressee
    issuing = any(re.search(r"印发|转发", text) for _, text in outline.header)  # `关于印发…的通知`
    minute = is_minute(outline.header, outline.root)  # `…会议纪要`: decisions name their units as subjects
    # groups: `各部门:` …; a breakdown's notice: `各相关单位要…` charges a role; a 镇's own offices (`notice_kinds`)
    owned, groups = list_owner(outline.header) is not None, notice_kinds(outline)
    clauses = choose_clauses(outline.root, owned=owned, addressed=sole, issuing=issuing, minute=minute, groups=groups)
    restated: list[tuple[int, Node]] = []  # (line, annexed row) of each measure with units of its own
    clauses = with_annexed_rows_merged(outline.root, clauses, restated)  # an annexed 分工表 restating the prose
    clauses = with_unrestated_points(outline.root, clauses)  # a list's points its table leaves out
    how = ""  # how items were found where none is numbered (`unnumbered_items`)
    if (unnumbered := unnumbered_clauses(lines, outline if clauses else None)) is not None:
        outline, clauses, how = unnumbered
    if not clauses:
        raise ParseError("未找到编号条款 (no numbered clauses found)")
    header = read_header(outline.header, outline.loose, page_headers)
    header.published_on = header.published_on or published
    if minute and header.issued_on is None:  # `2011年12月13日…主持召开…会议`: a minute is dated by its meeting
        header.issued_on = meeting_date(outline.header)
    full_text = "\n".join(text for text, _ in lines)
    year_assumed, message = False, ""
    if year is None:
        year, year_assumed, message = choose_year(header, full_text, assume_year)
    if year is None or not 1900 <= year <= 2100:
        raise ParseError("无法确定文件年份，请用 --year 指定 (cannot tell the document's year; pass --year)")
    # A report that states its list done before the items (`这10项民心实事全部办理完成`): their figures are no targets.
    done = done or reports_list_done(outline.header, year)
    parsed = _Assembler(outline, clauses, year, minute=minute, how=how, done=done).build(header)
    parsed.year_assumed = year_assumed
    parsed.warnings += (
        unread_fields(lines, parsed, minute)
        + heading_units(lines, parsed)
        + unread_rows(clauses, parsed)
        + list_doubts(lines, parsed)
    )
    parsed.warnings += disagreeing(parsed.tasks, restated)  # before renumbering: the lines are the outline's
    renumber(parsed, block_origins)  # a flattened line's blocks: the line's own number
    if year_assumed or header_year(header) is None:
        # No year stated (inferred, or a reviewer's): rows naming one other year again get one warning in all.
        parsed.warnings = gather_year_warnings(parsed.warnings, year)
    parsed.source_text = full_text
    if message:
        parsed.warnings.insert(0, ParseWarning(None, 1, message))
    if traditional:
        parsed.warnings.insert(0, ParseWarning(None, 1, TRADITIONAL_WARNING))
    if how == GUESSED:
        parsed.warnings.insert(0, ParseWarning(None, 1, GUESSED_WARNING.format(count=len(parsed.tasks))))
    return parsed


# --- assembly ----------------------------------------------------------------------------


class _Assembler:
    def __init__(self, outline: Outline, clauses: list[Node], year: int, *, minute: bool, how: str, done: bool):
        self.outline, self.year, self.minute, self.how, self.done = outline, year, minute, how, done
        # the salutation's groups, charged as its items' subjects; a breakdown's roles; a 镇's offices (`notice_kinds`)
        self.groups = notice_kinds(outline)
        self.issuer = own_government(outline.header)  # `市政府有关部门:`: the notice's own government (`市政府将…`)
        self.warnings: list[ParseWarning] = []
        labels = clause_labels(clauses)
        chosen = {id(n) for n in clauses}
        self.clauses = []
        for node, label in zip(clauses, labels, strict=True):
            text, offsets = clause_text(node, chosen)
            ancestors = node.ancestors()
            area = ancestors[0] if ancestors else None
            self.clauses.extend(split_by_brackets(Clause(node, text, offsets, label, area)))
        self.split = len(self.clauses) > len(clauses)
        self.numbers = self._numbers()
        # A flattened row's fields above its measures (`stated_above`): its 责任单位 governs them,
        # its 整改时限 (empty when it has none) dates each measure with no deadline of its own.
        self.above = stated_above(outline.header)

    def warn(self, task: int | None, line: int, message: str) -> None:
        self.warnings.append(ParseWarning(task, line, message))

    def _numbers(self) -> list[int]:
        """The written number where it is unique (numbering through the document, or a typo that
        repeats one under the same heading: the import refuses that); else the order."""
        values = [c.node.value for c in self.clauses]
        if self.split:
            return list(range(1, len(values) + 1))
        siblings = {(id(c.node.parent), c.node.style, c.node.value) for c in self.clauses}
        if len(set(values)) == len(values) or len(siblings) < len(values):
            return values
        return list(range(1, len(values) + 1))

    def build(self, header: Header) -> ParsedDocument:
        self.dated = header.issued_on  # `本周完成`, `本月底前`: read from the document's date (`relative_periods`)
        due = default_due(self.outline.loose, self.year)
        area_nodes = list(dict.fromkeys(c.area for c in self.clauses if c.area is not None))
        areas = [(a, read_responsibility(a.pieces[0][1])) for a in area_nodes]
        resps = self._responsibilities()
        written = [(a.line, r.lead_and_co()[0]) for a, r in areas]
        written += [
            (c.node.line, [n for names in r.lead_and_co() for n in names])
            for c, (r, _) in zip(self.clauses, resps, strict=True)
        ]
        book = UnitBook(name for _, names in sorted(written, key=lambda x: x[0]) for name in names)
        parsed_areas = [self._area(a, r, book, due) for a, r in areas]
        tasks = [
            self._task(c, n, r, origin, book, due)
            for c, n, (r, origin) in zip(self.clauses, self.numbers, resps, strict=True)
        ]
        self.warnings += numbering_warnings(
            [(c.node, c.label, n) for c, n in zip(self.clauses, self.numbers, strict=True)]
        )
        if not header.doc_number:
            self.warn(None, 1, "未找到发文字号 (no document number found)")
        if not header.title:
            self.warn(None, 1, "未找到文件标题 (no title found)")
        self.warnings.sort(key=lambda w: w.line)
        return ParsedDocument(
            title=header.title,
            doc_number=header.doc_number,
            issued_on=header.issued_on,
            year=self.year,
            units=book.units,
            areas=parsed_areas,
            tasks=tasks,
            warnings=self.warnings,
            default_due=due,
        )

    def _responsibilities(self) -> list[tuple[Responsibility, str]]:
        """Each clause's own responsibility, or what `下同` / `以下…不再列出` carries to it."""
        found: list[tuple[Responsibility, str]] = []
        carry: tuple[Responsibility, str] | None = None
        above = self.above
        # A 责任清单's addressee named before its items; the units carrying out the orders leaders 领办, or a field's
        owner = list_owner(self.outline.header) or stated_owner(self.outline.header)
        owner = owner or letter_owner(self.outline.header)  # `X2020年度目标责任书`: the office the letter binds
        owner = owner or made_list_owner(self.outline.root)  # a 解读's `制定X责任清单`: the office its list binds
        owner = owner or (list_doer(self.outline.header) if self.how == PROJECTS else None)  # `X将实施…项目`
        holder = book_holder(self.outline.header)  # `镇党委与各村(社区)签订…目标管理责任书`: held to each target
        adds: list[str] = preamble_adds(self.outline.header)  # `(注:以下各项任务均需A落实,不再列出)`
        for clause in self.clauses:
            resp = read_responsibility(clause.text)
            # What earlier carry sentences (`以下均需C落实,不再列出`) add to this clause, in a bracket or
            # on a line of their own under a heading above it.
            governed = adds + [n for n in heading_adds(clause.node) if n not in adds]
            adds = adds + [n for n in resp.adds if n not in adds]
            if governed and (resp.found or carry is None):
                resp.roles[CO] += [n for n in governed if n not in resp.roles[CO]]
            if (work := unit_work_clause(clause.node)) is not None:
                resp = with_heading_units(resp, work)  # `(二)省审计厅牵头的工作` over its paragraph
            if resp.found and (lead := heading_lead(clause.node, resp)) is not None:
                resp = lead  # `一、县发改局牵头的工作` over `(配合单位:A)`: the heading's units lead
            if resp.found:
                origin = resp.origin
                if resp.carries:
                    carry = (resp, f"下同:第{clause.label}条")
                found.append((resp, origin))
                continue
            # `(一)党政办` in a 分工 section, `县环保局。负责…` (`duty_passages`), `政治处:负责…` (`unit_colon_items`)
            office = duty_heading(clause.node) or duty_passage_charge(clause.text) or unit_colon_charge(clause.text)
            heading = (office, f"分工标题:{clause.node.written}") if office is not None else None
            # `1.由保洁公司负责…`
            heading = heading or division_item(clause.node) or nearest_heading_charge(clause.node)
            if heading is not None:  # the item's own `责任人:` line stays its
                found.append(with_own_leaders(heading, resp))
            elif carry is not None:
                # `(A、B,下同。以下均需C落实,不再列出)`: 下同 carries A and B, the sentence adds C.
                carried = carry[0].without_due()
                named = [n for names in carried.roles.values() for n in names]
                carried.roles[CO] += [n for n in governed if n not in named]
                found.append((carried, carry[1]))
            elif above is not None:
                found.append((above[0].without_due(), above[1]))
            elif holder is not None:  # the office `由X负责考核` helps
                found.append((with_assessors(holder, clause.text), holder.origin))
            else:
                own = clause.node.part == 0  # the notice's items, no annexed plan's
                groups, issuer = (self.groups, self.issuer) if own else (frozenset(), None)
                charged = division_charge(clause) or sentence_charge(  # `2、职责分工`'s paragraphs first
                    clause.text, minute=self.minute, orders=self.how == ORDERS, groups=groups, issuer=issuer
                )
                if charged is not None and not charged.found and owner is not None:  # `由副省长某某领办`
                    charged = replace(owner[0].without_due(), leaders=charged.leaders)
                if charged is not None:
                    found.append((charged, charged.origin))
                elif owner is not None:  # `区政府要…主要承担以下工作:` above the list
                    found.append((owner[0].without_due(), owner[1]))
                else:
                    found.append((resp, ""))
        if (addressee := sole_addressee(self.outline.header)) is not None:  # `各派出所:`: the measures naming no unit
            found = addressed(addressee, found, [c.text for c in self.clauses])  # `各学校每周…` keeps its own
        return with_heading_leaders([c.node for c in self.clauses], semicolon_runs(self.clauses, found))

    def _area(self, area: Node, resp: Responsibility, book: UnitBook, due: date) -> ParsedArea:
        heading = area.pieces[0][1]
        title = short_title(heading, resp.spans[0][0] if resp.spans else len(heading))
        intro_pieces = area.pieces[1:]
        intro = "\n".join(t for _, t in intro_pieces)

        def warn(offset: int, message: str) -> None:
            line, pos = area.line, 0
            for piece_line, text in intro_pieces:
                if pos <= offset:
                    line = piece_line
                pos += len(text) + 1
            self.warn(None, line, message)

        where = f"第{area.written}部分"
        milestones = find_milestones(intro, year=self.year, default_due=due, warn=warn, where=where)
        return ParsedArea(area.value, title, book.names(resp.lead_and_co()[0]), intro, milestones, area.line)

    def _task(
        self, clause: Clause, number: int, resp: Responsibility, origin: str, book: UnitBook, due: date
    ) -> ParsedTask:
        text = clause.text
        # `(一)“十二五”时期主要规划指标` above: the plan's targets are due at the period's end.
        due = period_due(clause.node, self.year) or due

        def warn(offset: int, message: str) -> None:
            self.warn(number, clause.line_at(offset), message)

        lead_written, co_written = resp.lead_and_co()
        own = read_responsibility(text)
        where = cited(clause.label)  # `第3条`, a stage by its name (`第一阶段`)
        if not resp.found:
            warn(0, f"{where}未写明责任单位 (clause {clause.label} names no responsible unit)")
        elif not lead_written:
            warn(0, f"{where}未写明牵头单位 (clause {clause.label} names no lead unit)")
        above = self.above[2] if self.above is not None and origin.startswith("上文字段") else None
        milestones = clause_milestones(
            text,
            own,
            year=self.year,
            due=due,
            warn=warn,
            where=where,
            field_above=above,
            done=self.done,
            dated=self.dated,
        )
        milestones = stage_milestones(clause.node, milestones, self.year)  # `第一阶段(2021年5月10日前)` above it
        if self.how == PROJECTS:  # `除农村黑臭水体整治项目在今年6月前完成…外` above the list
            milestones = named_milestones(text, self.outline.header, milestones, self.year, warn)
        # A digest's row, one deadline one commitment (`subject_runs`).
        milestones = run_milestones(text, milestones, self.how == ORDERS)
        leads = book.names(lead_written)
        co = [name for name in book.names(co_written) if name not in leads]
        leaders = unredacted_leaders(resp.leaders)  # `责任领导:*`: a page's redaction mark is no leader
        for doubt in (doubt_message(clause.label, leads + co, leaders), merged_message(clause.label, text)):
            if doubt:
                warn(0, doubt)
        title = task_title(text, own.spans)
        area = clause.area.value if clause.area is not None else None
        task = ParsedTask(number, title, area, leads, co, leaders, text, milestones, clause.node.line)
        task.label = clause.label
        task.unit_origin = origin
        return task
