"""The assembly of a parsed document from its outline and chosen clauses: each clause's responsibilities (its own,
carried forward, or its heading's, in that order), its areas, milestones, warnings and task fields (see `document`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .clause import Clause
from .clause_doubts import doubt_message, merged_message
from .clause_labels import cited, clause_labels
from .clause_milestones import clause_milestones
from .clause_numbers import numbering_warnings
from .clause_parts import clause_text, split_by_brackets
from .counted_subjects import counted_charge
from .division_items import division_charge
from .duty_headings import division_item, duty_heading
from .duty_passages import duty_passage_charge
from .field_cells import stated_above
from .field_owners import stated_owner
from .governing_sentences import heading_adds, preamble_adds
from .header import Header, default_due
from .heading_charges import heading_lead, nearest_heading_charge, with_own_leaders
from .issued_demands import issued_leaders
from .leader_headings import with_heading_leaders
from .letter_titles import letter_owner
from .list_owners import list_owner
from .made_lists import made_list_owner
from .milestones import find_milestones
from .notice_issuers import own_government
from .notice_kinds import notice_kinds
from .outline_lines import Outline
from .outline_node import Node
from .period_headings import period_due
from .project_colon_items import list_doer, named_milestones
from .redacted_names import unredacted_leaders
from .responsibility import Responsibility
from .result import ParsedArea, ParsedDocument, ParsedTask, ParseWarning
from .semicolon_runs import semicolon_runs
from .sentence_charges import sentence_charge
from .sole_addressees import addressed, sole_addressee
from .stage_headings import stage_milestones
from .subject_runs import run_milestones
from .target_books import book_holder, with_assessors
from .task_titles import short_title, task_title
from .unit_colon_items import unit_colon_charge
from .unit_names import UnitBook
from .unit_work_headings import unit_work_clause, with_heading_units
from .units import CO, read_responsibility
from .unnumbered_items import ORDERS, PROJECTS


class Assembler:
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
                if self.minute:  # `二是城建专班对…`: a counted point's body right after its `是` (round 184)
                    charged = counted_charge(clause.node.style, clause.text, charged)
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
        if chiefs := issued_leaders(self.outline.header):  # `林长令要求各级林长,一要…`: the points' leaders
            found = [(r if r.found or r.leaders else replace(r, leaders=list(chiefs)), o) for r, o in found]
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
