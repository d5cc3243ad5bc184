"""The document's lines as the outline reader needs them: what copies, tables and page breaks did to the
text undone, one repair after another, before any numbering is read.

A disclosure page's metadata table becomes the header's field lines (`disclosure_tables`); tables written
as text become rows; spelled-out numbers, spaced dates and labels written apart become
the genre's forms; page marks (`— 3 —`, `[接上页]`) and preview pages a site inserted are joined back; fields run together
on a line are split and wrapped ones joined; problems a closing unit line assigns, and a place heading
over its numbered problems, become one item a block, and so does a problem under a bracket heading over bracket fields
(`problem_brackets`); a report's retold brackets run together are parted again; a 民生实事 register page for one
item is numbered as its one item, its report left unread (`register_pages`).
"""

from __future__ import annotations

from .arrangement_heads import cut_arrangement_points
from .closed_blocks import closed_blocks
from .continuation_marks import drop_continuation_marks
from .disclosure_tables import disclosure_fields
from .field_cells import join_field_cells, join_wrapped_fields
from .flat_tables import text_tables
from .inspection_points import cut_inspection_points
from .label_spellings import spell_labels
from .minute_points import inline_points
from .named_item_lines import named_item_lines
from .one_line import one_line_cut
from .ordinal_stages import split_ordinal_stages
from .outline import spell_out_numbers
from .page_marks import rejoin_page_marks
from .place_headings import place_blocks
from .preview_pages import rejoin_preview_pages, split_hidden_marks
from .problem_brackets import problem_brackets
from .record_headings import done_record, record_fields
from .record_tables import flat_record
from .register_pages import register_page
from .retold_brackets import retold_paragraphs
from .run_on_fields import split_run_on_fields
from .task_register_pages import cut_run_on_task_page, task_register_page
from .textutil import join_spaced_dates

Lines = list[tuple[str, bool]]


def repaired_lines(lines: Lines) -> tuple[Lines, list[int], bool]:
    """The repaired lines, each one's number in the lines given (a block joined from several keeps its
    first), and whether the document is a task's completion record (`done_record`: `三、整改完成情况`
    and no deadline, so the task's fault dates nothing)."""
    lines, cut_from = one_line_cut(lines)  # a copy with no line breaks: its header cut from its body
    lines = [
        (spell_labels(join_spaced_dates(spell_out_numbers(text))), splittable)
        for text, splittable in named_item_lines(
            problem_brackets(text_tables(flat_record(drop_continuation_marks(disclosure_fields(lines)))))
        )
    ]
    lines = split_ordinal_stages(split_hidden_marks(rejoin_preview_pages(rejoin_page_marks(lines))))
    lines = split_run_on_fields(cut_run_on_task_page(lines))  # a run-on task register page cut at its labels first
    lines = register_page(lines)  # a 民生实事 register page: one item, its labels, its quarters, its report unread
    lines = task_register_page(lines)  # a key-work register's page: `任务163`, its task field, its quarters
    fields = join_wrapped_fields(join_field_cells(lines))
    done = done_record(fields)
    # `…。整改责任单位:A 整改时限:B 1.…`: problems a closing line assigns, one item a block; so is a place
    # heading `X(责任单位:A)` over its numbered problems (`place_headings`).
    lines, block_origins = place_blocks(*closed_blocks(record_fields(fields)))
    # `…年内持续推进。《意见》规定,A…等按职责分工负责,…`: a report's retold brackets run together by a page's
    # width or a copy with no breaks, each sentence its own task again (`retold_brackets`).
    lines, block_origins = retold_paragraphs(lines, block_origins)
    lines, block_origins = inline_points(lines, block_origins)  # `会议要求,一是…。二是…`: a point a line
    lines, block_origins = cut_inspection_points(lines, block_origins)  # `督导组指出:一是…;二是…`
    lines, block_origins = cut_arrangement_points(lines, block_origins)  # `…并作出工作安排。一是…`
    return (
        lines,
        [cut_from[origin - 1] + 1 if 0 < origin <= len(cut_from) else origin for origin in block_origins],
        done,
    )
