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
from datetime import date

from .annexed_divisions import disagreeing, with_annexed_rows_merged
from .assembly import Assembler
from .assigned_lines import WARNING as GUESSED_WARNING
from .clause_doubts import heading_units, unread_fields, unread_rows
from .clauses import choose_clauses
from .continued_tables import joined_tables
from .copy_spacing import plain_spaces, spoken_lines
from .done_lists import reports_list_done
from .due_fields import gather_year_warnings
from .header import choose_year, header_year, read_header
from .line_numbers import renumber
from .line_repairs import repaired_lines
from .list_doubts import list_doubts
from .list_owners import list_owner
from .minute_subjects import is_minute
from .notice_kinds import notice_kinds
from .open_brackets import joined_open_brackets
from .outline_lines import Outline
from .outline_node import Node
from .page_tail import tail_lines
from .publication_lines import published_date
from .relative_periods import meeting_date
from .restated_lists import with_unrestated_points
from .result import ParsedDocument, ParseError, ParseWarning
from .script import WARNING as TRADITIONAL_WARNING
from .script import simplified_blocks
from .sole_addressees import sole_addressee
from .sources import Source, Table, read_source
from .tables import table_lines
from .unnumbered_items import GUESSED, unnumbered_clauses


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
    # `…整改复耕。〔县自然资` / `源局、…〕`: a paragraph a page broke inside its bracket goes on (`open_brackets`).
    lines, origins = joined_open_brackets(lines, origins)
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
    parsed = Assembler(outline, clauses, year, minute=minute, how=how, done=done).build(header)
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
