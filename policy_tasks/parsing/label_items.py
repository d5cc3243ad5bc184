"""Unnumbered items, each followed by label lines of its own: one clause an item.

A page that reposts a few items of a list (`2023年通州区重要民生实事项目` on an education site)
may drop their numbers and keep each item a line of its own, followed by its label lines:

    建成台湖公租房配套小学,提供学位1200个
    责任单位:区教委
    完成期限:2023年12月底前

Each such line with its labels is a clause, a single one too (a page may repost one item); the
page's other lines (its lead line, `相关阅读`, links, a source statement) are none. It is only a fallback, for a document in which no numbered
item holds the clauses (document.py): the items are numbered in order (`1、`, `2、` …) as the
table readers number a table's rows, and the outline is read again.

A city's 实事 task table names the leader in charge first (`主管领导:王某`, then `责任单位:` / `主要责任人:` /
`进度安排:`), or all its fields in one bracket (`(主管领导:王某;责任单位:市民政局)`): a field line assigns the
item by the units it names, whatever label opens it; lines naming persons alone make no item.

An inspection notice (督查通报, as a city paper prints its 创卫 findings) writes each problem found the
same way, its labels in a bracket on the line after it, and may mark each problem with a bullet:

    ● 白茶市场存在空闲摊位乱堆乱放…现象。
    (主体责任:某村委会,监督责任:市工商局)

A line that is only such a bracket of labels is the item's label line, and a bullet (`●` `■` `◆` `▲`
`•`, a `-` set off by a space; not `★`, which marks a lead unit) is no part of the item's text. A
bulleted line that closes with its own assignment (`● 问题…。(责任单位:A)`) is an item as well: the
bullet marks it as one of the list, as a number would.

A city's 门前三包 bulletin (as a news site quotes it) writes each point inspected as a paragraph with no number
and no bullet, closing with a sentence that only names who answers for it, each part a role noun and its unit:

    车站路16号,门前有多辆汽车乱停放;门口有大量烟蒂。权属单位为某银行支行,责任单位为市某局。

Two such lines or more are a list whose items those sentences close, one clause each (a single one is a
news paragraph's sentence); the lines around them (the bulletin's lead-in) are none. So are lines whose one
sentence closes with such a part (`…增长8%,责任单位为区经信局;`, a report's targets): `closing_roles`.

A digest of a 分工意见 (a news site or an industry body quoting the items of the State Council's or a province's
重点工作分工 that touch its field) may strip the document's item numbers and keep the bracket as the only structure,
each task a paragraph of its own, sometimes under an unnumbered topic heading:

    提升科技创新能力
    实施基础研究十年规划,加强长期稳定支持。(A、B等按职责分工负责,年内持续推进)
    支持各地加大科技投入。(A牵头,有关部门按职责分工负责,年内持续推进)

A paragraph whose sentences are closed by its own responsibility bracket is an assignment whether or not it is
numbered, as such lines under a numbered heading are (`outline_lines._listed_under_heading`): two such paragraphs or
more are the list, one clause each (`_closed_by_bracket`); a single one may be a news paragraph's aside, and prose
with no closing bracket (the digest's lead paragraph, a notice's preamble) is none. A report that retells each
bracket in its sentence (`…,《意见》要求A、B等按职责分工负责,年内持续推进。`, round 101, `retold_brackets`) is such
a list too.
"""

from __future__ import annotations

import re

from .closing_roles import closes_with_roles
from .lazy_patterns import lazy_compile
from .outline import line_marker, numbered_in_order
from .retold_brackets import retold_parts
from .textutil import normalise
from .unit_labels import LABEL_RE, LEAD, LISTED, label_role
from .units import read_responsibility

# Any short field name before a colon (`文号:`, `发布单位:`, `声明:`): a page's metadata or
# a label, never an item's own line.
_FIELD_RE = lazy_compile(r"^\s*\S{1,8}?\s*:")
# The longest line a lone item may be: an item states a task, not a page's paragraph.
_ITEM_MAX = 80
# A list's bullet before an item (`●`, `■`, `◆`, `▲`, `•`, `- `); `★` marks a lead unit, no item.
_BULLET_RE = lazy_compile(r"^\s*(?:[●■◆▲•◇▪◦►▶◎]|-(?=\s))\s*")
# A line that is one bracket and nothing else (`(主体责任:A,监督责任:B)`).
_BRACKET_LINE_RE = lazy_compile(r"^[(\[〔](?P<inner>[^()\[\]〔〕]+)[)\]〕][。;]?$")


def _unbulleted(norm: str) -> tuple[str, bool]:
    """The line without its bullet, and whether it had one."""
    m = _BULLET_RE.match(norm)
    return (norm[m.end() :], True) if m is not None else (norm, False)


def _label_line(norm: str) -> str | None:
    """The label a line opens with (`责任单位`, `完成期限`, `责任领导`) when it is a field line that
    reads as a responsibility (units or persons) or a deadline, else None: an item's labels come in
    any order (`责任领导:` before `牵头单位:`)."""
    line = norm.strip()
    bracket = _BRACKET_LINE_RE.match(line)
    m = LABEL_RE.match(bracket["inner"].strip() if bracket is not None else line)
    if m is None:
        return None
    read = read_responsibility(norm)
    if not (read.found or read.leaders or read.due_fields):
        return None
    return m.group(1).strip()


def _names_answering_units(norm: str) -> bool:
    """A field line naming units that lead or answer, whatever label it opens with: a line of fields
    (`(主管领导:王某;责任单位:市民政局)`) assigns the item by its unit field, not by the leader's before it."""
    roles = read_responsibility(norm).roles
    return bool(roles[LEAD] or roles[LISTED])


def _one_statement(norm: str) -> bool:
    """An item's line states one task (`改造提升农贸市场2处`): no sentence ends inside it and it is
    no paragraph, as a page's prose before a stray label line would be."""
    body = re.sub(r"[。;;!?]+$", "", norm.strip())
    return len(body) <= _ITEM_MAX and not re.search(r"[。;;!?]", body)


def _closes_with_assignment(norm: str) -> bool:
    """`问题…。(责任单位:A)`: the line's own bracket or label, at its end, names who answers for it."""
    read = read_responsibility(norm)
    ends = norm.rstrip(" 。;")
    return read.found and read.origin in ("括号", "无标注括号") and read.spans[-1][1] >= len(ends)


def _closed_by_bracket(norm: str) -> bool:
    """`任务…。(A牵头,B按职责分工负责,年内持续推进)`: a paragraph of its own sentences (one ends before the
    bracket) that its own responsibility bracket closes, a 分工 digest's task stripped of its number."""
    if not _closes_with_assignment(norm):
        return False
    start = read_responsibility(norm).spans[-1][0]
    return bool(re.search(r"[。;!?]\s*$", norm[:start])) and len(norm[:start].strip()) > 1


def assigning_paragraphs(lines: list[tuple[str, bool]]) -> set[int]:
    """The indexes of the unbulleted lines closed by their own bracket or retelling one in a sentence
    (`…。(A、B等按职责分工负责)`, `…,由A、B等分工负责。`): a 分工 digest's tasks, wherever they stand."""
    return {
        k
        for k, (text, _) in enumerate(lines)
        if text.strip()
        and (norm := normalise(text).strip())
        and _BULLET_RE.match(norm) is None
        and line_marker(norm) is None
        and (_closed_by_bracket(norm) or bool(retold_parts(norm)))
    }


def number_label_led_items(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """The lines with each item that is followed by its own label lines numbered in order, or None
    when none is. An item's labels name units that lead or answer (牵头单位, 责任单位 …: not a page's
    发布单位 alone), and may add others (配合单位, 完成时限, 责任领导). A page that reposts a single
    item of a list is of the genre as much as one that reposts two: its item is one clause when its
    line states one task (`_one_statement`); a paragraph of prose that a lone label line follows
    is none."""
    filled = [k for k, (text, _) in enumerate(lines) if text.strip()]
    items: list[int] = []
    closed: list[int] = []  # lines closing with their units sentence, items when two or more do
    bracketed: list[int] = []  # paragraphs closed by their own bracket, items when two or more are
    for n, k in enumerate(filled):
        norm, bulleted = _unbulleted(normalise(lines[k][0]).strip())
        if line_marker(norm) is None and closes_with_roles(norm) and _label_line(norm) is None:
            # `指标名称:目标…,责任单位为X;`: an indicator's name before its colon is no page's field.
            closed.append(k)
            continue
        if _FIELD_RE.match(norm) or line_marker(norm) is not None:
            continue
        if bulleted and _closes_with_assignment(norm):
            items.append(k)
            continue
        if not bulleted and (_closed_by_bracket(norm) or retold_parts(norm)):
            # read on: a lone one may still be an item its label lines follow. A report retelling the bracket in
            # its sentence (`《意见》要求A、B等按职责分工负责,…`, `retold_brackets`) lists its tasks the same way.
            bracketed.append(k)
        roles = []
        for follow in filled[n + 1 :]:
            label = _label_line(field := normalise(lines[follow][0]))
            if label is None:
                break
            roles.append(label_role(label))
            if _names_answering_units(field):
                roles.append(LISTED)  # `(主管领导:A;责任单位:B)`: a leader's label first, then the units'
        if any(role in (LEAD, LISTED) for role in roles):
            items.append(k)
    if len(closed) >= 2:
        items = sorted(items + closed)
    if len(bracketed) >= 2:
        items = sorted(set(items + bracketed))
    if not items or (len(items) == 1 and not _one_statement(_unbulleted(normalise(lines[items[0]][0]))[0])):
        return None
    return numbered_in_order(lines, items, _without_bullet)


def _without_bullet(text: str) -> str:
    bullet = _BULLET_RE.match(normalise(text))
    return text[bullet.end() if bullet else 0 :]
