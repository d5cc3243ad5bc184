"""Lines into the outline tree: numbered items, the header before them and loose lines after.

A clause owns the lines after its number while they can still belong to it: its wrapped text
and body paragraphs until its responsibility has been read, then only responsibility lines
(`牵头单位:…`, `(责任单位:…)`). Closing paragraphs after a finished clause therefore never
become part of it, nor do the responsibility lines that follow such a paragraph: they assign the
paragraph (`各乡镇要高度重视…` / `责任单位:各乡镇人民政府` after the list), not the clause, which named
its own units. `附件` starts the outline afresh: the plan is often the notice's annex. A list's notes
after the items (`填表说明:…`, a line `说明:`; `form_notes`) and an annex of contacts are loose lines up to the
next `附件`.
"""

from __future__ import annotations

import re
from functools import partial

from .attendance_lines import attendance_line
from .figure_led_items import figure_led_marker
from .finished_items import field_line, fields_after, finished
from .form_notes import notes_line
from .group_leads import held_lines
from .header import Line
from .item_continuation import closes_enumeration, continues
from .leader_cell_lines import LEADERS, after_sentence, leader_column, person_line, unit_alone, with_leader
from .lost_numerals import lost_numeral_marker
from .lost_openers import levels_to_close, styles_to_close
from .major_headings import major_heading
from .minute_points import announces_decisions
from .notice_closes import annex_note, closing_formula, dated_alone, signed, signer_line
from .outline import Marker, bare_heading_marker, decimal_majors, enumerates, line_marker, split_inline
from .outline_node import Node
from .page_marks import cut_mid_sentence, is_page_line
from .progress_lists import fold_progress_lists, opens_progress_list
from .stacked_unit_cells import bare_lead_line, cell_after_blank, helpers_joined, restacked, stacked_line
from .table_rows import row_serial_marker
from .textutil import normalise
from .time_led_items import held_on_start, starts_item, time_led_start
from .unit_labels import LABEL_RE
from .unit_names import looks_like_units
from .units import peek_responsibility, read_responsibility

_ANNEX_RE = re.compile(r"^附件\s*\d{0,2}\s*:?\s*$")
# GB/T 9704's 附件说明 under a notice: `附件:1.…任务分解表`, then `2.…清单` on the next lines. Those
# are the attachments' names, not items of a plan (a figure-led `2.2024年…` was never taken for one).
_ANNEX_LIST_RE = re.compile(r"^附件\s*:\s*1\s*[.、]")
# `…领导小组成员名单` after the plan (`成员名单附后`): the list of a group's members, a name and a
# title a line, is appended as an annex is; its lines are no item's text. So is an annex listing
# the offices' contacts (`联络员名单`, `联系人名单`, `通讯录`), numbered or not: its lines, up to the
# next `附件`, are people to call (`1.县市场监管局 张三 138…`), no items of the plan.
_MEMBER_LIST_RE = re.compile(r"^[^。,;:]{0,40}(?:成员|组成人员|人员)名单$")
_CONTACT_LIST_RE = re.compile(r"^[^。,;:]{0,40}(?:(?:联络员|联系人)(?:名单|信息表|一览表)|通讯录)$")
# An annex's own title line (`附件2:某县…清单`, `附件3`) ends such a list.
_ANNEX_TITLE_RE = re.compile(r"^附件\s*\d{1,2}\s*(?::|$)")
# GB/T 9704's 版记 at the file's end: `抄送:…`, `某县人民政府办公室 2026年3月2日印发`, `(共印50份)`. They
# are no item's text (the 印发 date is no deadline, the offices copied in are no units).
_IMPRINT_RE = re.compile(
    r"^(?:抄送|抄报)\s*:|^(?:[\u4e00-\u9fff()\s]{0,40}[\u4e00-\u9fff()](?<![于在])\s*)?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$"
    r"|^\(?(?:共印|印数)\s*:?\s*\d+\s*份?\)?$"
)
_FILE_NAME_RE = re.compile(r"\.(?:docx?|wps|pdf|ofd|xlsx?|et|txt|zip|rar)\s*$", re.IGNORECASE)


class Outline:
    """The numbered items as a tree, plus the lines before the first one and after the last."""

    def __init__(self) -> None:
        self.root = Node("root", 0, "", 0)
        self.header: list[Line] = []
        self.loose: list[Line] = []
        # A notice's kind the reader that built the outline knows beside its header (`notice_kinds`): the notice over the
        # list it hands down cut before any unit is a breakdown's, whatever the list is called (`cut_list_notice`).
        self.kinds: frozenset[str] = frozenset()
        self._stack: list[Node] = [self.root]
        self._attached = False  # the line before went to the open item
        self._closing = False  # the line before was a paragraph after a clause that named its units
        self._annex_next = 0  # the number the notice's list of attachments goes on with, 0 when none
        self._majors: set[int] = set()  # the major numbers of a decimal outline's items
        self._enumerated: frozenset[str] = frozenset()  # lines open `一是` and `二是` (or `二要`): an enumeration
        self._bare_lead: Node | None = None  # the item whose last line is one unit's name alone
        self._stacked: Node | None = None  # the item whose last two lines are its lead's and helpers' cells
        self._joined = False  # a row writes its helpers' cell joined by `、` on one line (`stacked_unit_cells`)
        self._leader_column = False  # the table's header names a leaders' column before 牵头单位 (`leader_cell_lines`)
        self._persons: Node | None = None  # the item whose last line is its leaders' cell, a name a line
        self._norms: list[str] = []
        self._contacts = False  # inside an annex listing contacts, or a list's notes, after the plan's items
        self._row = False  # the line is a table's row (`row_serial_marker`)
        self._part = 0  # the part of the file the next item is in (`Node.part`)
        self._held: set[int] = set()  # a later group of an item's projects (`group_leads`)

    @classmethod
    def read(cls, lines: list[tuple[str, bool]]) -> Outline:
        outline = cls()
        norms = [normalise(raw.strip()) for raw, _ in lines]
        outline._majors, outline._enumerated = decimal_majors(norms), enumerates(norms)
        outline._held = held_lines(norms)
        outline._norms, outline._joined = norms, helpers_joined(norms)
        outline._leader_column = leader_column(norms)
        blank = False
        for number, (raw, splittable) in enumerate(lines, 1):
            stripped = raw.strip()
            if not stripped:  # a blank line, unless a page break inside a sentence (`page_marks.cut_mid_sentence`)
                blank = len(outline._stack) < 2 or not cut_mid_sentence(outline._stack[-1].own_text)
                continue
            if splittable and is_page_line(stripped):
                continue  # `— 3 —` where the page broke: no text, and no blank line either
            pieces = [stripped]
            if splittable:
                marker = line_marker(normalise(stripped), enumerated=outline._enumerated & {"photo"})  # `图④:…。图⑤:…`
                before = head = outline._open_values()
                if marker is not None:
                    head = _after(head, outline._stack, marker.style, marker.value)
                closed = {style: value for style, value in before.items() if style not in head}
                after = partial(fields_after, norms, number)
                pieces = split_inline(stripped, head, closed, partial(_next_marker, norms, number), after)
            outline._row = not splittable  # a table's row, as `tables` writes it
            for piece in pieces:
                outline._line(number, piece, blank)
                blank = False
        fold_progress_lists(outline.root)  # `推进情况:1.…` `2.…`: what was done, no sub-items
        return outline

    def _figure_led(self, norm: str) -> Marker | None:
        return figure_led_marker(norm, self._stack)

    def _time_led(self, norm: str) -> Marker | None:
        """`1.10月底前完成…`: an item that opens with its deadline (`time_led_items`)."""
        found = time_led_start(norm)
        if found is None:
            return None
        value, end, by_month = found
        current = self._stack[-1]
        open_value = next((n.value for n in reversed(self._stack) if n.style == "num"), None)
        before = "" if current.style == "root" else normalise(current.own_text)
        return Marker("num", value, str(value), end) if starts_item(value, open_value, before, by_month) else None

    def _open_values(self) -> dict[str, int]:
        return {node.style: node.value for node in self._stack[1:]}

    def _line(self, number: int, text: str, blank: bool) -> None:
        norm = normalise(text)
        if _ANNEX_RE.match(norm):
            # The plan is often the 通知's 附件: its numbering starts afresh, not under the notice's.
            del self._stack[1:]
            self.loose.append((number, text))
            self._contacts, self._part = False, self._part + 1
            return
        if _IMPRINT_RE.search(norm.strip()):
            del self._stack[1:]
            self.loose.append((number, text))
            self._attached = self._closing = False
            return
        closes = closing_formula(norm) or annex_note(norm, self._stack[-1])
        if _ANNEX_TITLE_RE.match(norm) or (closes and len(self._stack) > 1):
            self._contacts, self._part = False, self._part + 1
        if closes:
            # The notice's close (`notice_closes`): no part of its last item, which has ended.
            del self._stack[1:]
            self.loose.append((number, text))
            self._attached = self._closing = False
            self._bare_lead = None
            self._annex_next = 2 if _ANNEX_LIST_RE.match(norm) else 0
            return
        if self.root.children and (
            _CONTACT_LIST_RE.match(_ANNEX_TITLE_RE.sub("", norm).strip()) or notes_line(norm.strip())
        ):
            self._contacts = True
        if self._contacts:
            del self._stack[1:]
            self.loose.append((number, text))
            return
        if len(self._stack) > 1 and _MEMBER_LIST_RE.match(norm.strip()):
            del self._stack[1:]
            self.loose.append((number, text))
            return
        led = self._time_led(norm)
        marker = line_marker(norm, enumerated=self._enumerated)
        marker = marker or bare_heading_marker(norm, self._majors) or led or self._figure_led(norm)
        marker = marker or (row_serial_marker(norm) if self._row else None)  # `1092. …` (`table_rows`)
        # `、项目管理要求`: a heading whose numeral the page lost still opens the next section (`lost_numerals`).
        marker = marker or lost_numeral_marker(norm, self._stack)
        if marker is not None and _FILE_NAME_RE.search(norm):
            marker = None  # `17.…政策清单.docx`: a file's name, as pages list attachments, not an item
        if (
            marker is not None
            and marker.style == "num"
            and marker.value == self._annex_next
            and not peek_responsibility(norm).found
        ):
            marker = None  # the next attachment's name in the notice's 附件说明
            self._annex_next += 1
        else:
            self._annex_next = 2 if _ANNEX_LIST_RE.match(norm) else 0
        if marker is not None and (led is not None or not _is_date_like(norm)):
            if (major := major_heading(marker, norm, self._majors, self._stack)) is not None:
                marker, cut = major  # `3.预防` after `2.2…`: the next major's heading (`major_headings`)
                del self._stack[cut:]
            styles = [n.style for n in self._stack]
            if marker.style in styles:
                del self._stack[styles.index(marker.style) :]
            elif closed := levels_to_close(
                self._stack, marker.style, marker.value, finished=len(self._stack) > 1 and finished(self._stack[-1])
            ):
                del self._stack[-closed:]  # `(二)` after `1.`…`8.` with no `(一)`: beside them
            parent = self._stack[-1]
            node = Node(marker.style, marker.value, marker.written, number, parent, raw_first=text, part=self._part)
            node.pieces.append((number, text[marker.end :].strip()))
            parent.children.append(node)
            self._stack.append(node)
            self._attached, self._closing = True, False
            return
        current = self._stack[-1]
        if current.style != "root" and self._attached and signed(norm, current):
            # The notice's 落款 and date after its last item: the notice ends, and what follows (the plan it issues, with
            # or without an `附件` line) is a part of its own. The office and the day are no text of the item (round
            # 107): the close's lines, where the header finds the date of writing. A blank line may set them apart.
            self.loose += [current.pieces.pop(), (number, text)]
            del self._stack[1:]
            self._part += 1
            self._attached = self._closing = False
            self._bare_lead = None
            return
        if current.style != "root" and (
            (self._attached and dated_alone(norm, current, self._norms[number:])) or attendance_line(norm)
        ):
            # The page's own date under its list, with no 落款 (`notice_closes`), or a meeting report's attendance
            # line (`attendance_lines`): the items have ended.
            del self._stack[1:]
            self.loose.append((number, text))
            self._attached = self._closing = False
            self._bare_lead = None
            return
        bare_lead, stacked, self._stacked = None, self._stacked, None
        persons, self._persons = self._persons, None
        following = next((n for n in self._norms[number:] if n), "")
        if blank and current.style != "root":  # a row's cells, each in a paragraph of its own (`stacked_unit_cells`)
            blank = not cell_after_blank(norm, following, current, self._bare_lead is current, stacked is current)
        if current.style != "root" and not blank and self._attached:
            if (
                self._leader_column
                and person_line(norm)
                and (persons is current or (after_sentence(current.own_text) and not current.children))
            ):
                # `王某某` / `胡某某` after the standard's sentence: its leaders' cell, a name a line (`leader_cell_lines`).
                # A post set off by a space (`王某某 副区长`) stays with its name, not a second person.
                person = "".join(text.split())
                if persons is current:
                    at, names = current.pieces[-1]
                    current.pieces[-1] = (at, with_leader(names, person))
                else:
                    current.pieces.append((number, f"{LEADERS}{person}"))
                self._persons = current
                return
            if stacked is current and stacked_line(norm, following):
                # `发改局` / `区工信局` / `各街道办事处`: a cell written a unit a line (`stacked_unit_cells`).
                (at, lead), (at2, helpers) = current.pieces[-2:]
                lead, helpers = restacked(lead, helpers, text.strip(), self._joined)
                current.pieces[-2:] = [(at, lead), (at2, helpers)]
                self._stacked = current
                return
            if self._bare_lead is current and "。" not in norm and looks_like_units(norm):
                # `县住建局` / `县财政局、各乡镇` under a measure: its lead's cell, then its co units'.
                at, lead = current.pieces[-1]
                current.pieces[-1] = (at, f"牵头单位:{lead}")
                text = f"配合单位:{text}"
                self._stacked = current
            else:
                bare_lead = current if bare_lead_line(norm, current) else None
                if persons is current and unit_alone(norm):
                    bare_lead = current  # `住建局` after the leaders' names: the lead's cell (`leader_cell_lines`)
                text = _as_field_line(text, norm, current) or text
            norm = normalise(text)
        self._bare_lead = bare_lead
        self._attached = False
        if current.style == "root":
            (self.loose if current.children else self.header).append((number, text))
        elif number in self._held:
            current.pieces.append((number, text))
            self._attached, self._closing = True, False
        elif closes_enumeration(current, norm) or announces_decisions(current, norm):
            # `问题整改责任单位:A` after `(1)…;` `(2)…;` `(3)…。` under `1. 市科技馆`: the parent item's units, the
            # sub-items its text; `会议就…明确如下:` after `三是…`, the section's next list (`minute_points`).
            self._stack.pop()
            self._stack[-1].pieces.append((number, text))
            self._attached, self._closing = True, False
        elif opens_progress_list(norm):
            # `推进情况:1.…`: what the item has done (`progress_lists`), even after the item named its
            # units; the paragraphs between the item and its progress (`年度投资目标…`) are its too.
            after = current.pieces[-1][0] if current.pieces else current.line
            between = [line for line in self.loose if line[0] > after]
            self.loose = [line for line in self.loose if line[0] <= after]
            current.pieces += [*between, (number, text)]
            self._attached, self._closing = True, False
        elif self._closing and field_line(norm):
            # The label line of a closing paragraph is that paragraph's: no clause's, no task.
            self.loose.append((number, text))
        elif continues(current, norm, blank):
            current.pieces.append((number, text))
            self._attached, self._closing = True, False
        else:
            self.loose.append((number, text))
            self._closing = peek_responsibility(current.own_text).found
            if signer_line(text, following):  # the 落款 a blank line set apart from the last item: it ends the items
                del self._stack[1:]
                self._part += 1


_DATE_ONLY_RE = re.compile(
    r"^(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月(?:底|末|\d{1,2}\s*日)?|年底|年内|全年|[一二三四]季度|上半年|下半年)\s*(?:前|以前|之前)?$"
    r"|^(?:持续推进|长期坚持|长期|常态化)$"
)


def _as_field_line(text: str, norm: str, node: Node) -> str | None:
    """A flattened table puts a clause's cells on lines of their own: a line that is only units
    or only a date, under an item that has named none yet, is its 责任单位 / 完成时限 cell."""
    if "。" in norm or len(norm) > 120 or LABEL_RE.match(norm.strip()):
        return None  # a field line already says what it is (`责任单位:A、B`)
    own = read_responsibility(node.own_text)
    if _DATE_ONLY_RE.match(norm.strip()) and not own.due_fields:
        return None if signed(norm, node) else f"完成时限:{text}"
    if own.found:
        return None
    names = [n for n in re.split(r"[、,;]", norm) if n.strip()]
    if len(names) >= 2 and looks_like_units(norm):
        return f"责任单位:{text}"
    return None


def _next_marker(norms: list[str], number: int) -> Marker | None:
    """The number opening the next line that holds text after line `number`."""
    return next((line_marker(norm) for norm in norms[number:] if norm), None)


def _after(values: dict[str, int], stack: list[Node], style: str, value: int) -> dict[str, int]:
    """Open values once a line's own number has been placed on the stack."""
    styles = [n.style for n in stack[1:]]
    if style in styles:
        kept = stack[1 : 1 + styles.index(style)]
    else:  # `(四)` after `3、`: beside the items before it, as `_line` will place it (`lost_openers`)
        done = len(stack) > 1 and finished(stack[-1])
        kept = stack[1 : len(stack) - styles_to_close(styles, style, value, finished=done)]
    return {**{n.style: n.value for n in kept}, style: value}


def _is_date_like(norm: str) -> bool:
    # `2023.12` or `10、11月` start lines in tables and lists; they are not items.
    return bool(re.match(r"^\d{1,2}\s*[、.]\s*\d{1,2}\s*月", norm)) and not held_on_start(norm)
