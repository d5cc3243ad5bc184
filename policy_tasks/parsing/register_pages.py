"""A 民生实事 register page for one item: its name unnumbered, label blocks, a schedule by quarter, a report.

A district's 民生实事 platform gives each item a page of its own (`光明区2020年民生实事:幼有善育(3项)`): the item's
name on a line with no number, its label blocks with the value on the line after the label (or a web list's
bullets before both), its schedule (`进度安排`) a quarter a line, then what has been done (`落实情况`):

    进一步完善托育服务体系,为不同年龄段幼儿家庭提供有针对性的服务
    牵头单位:
    光明区卫生健康局
    协办单位:
    各有关单位
    进度安排
    第一季度:按《…》要求,落实托育机构备案制度。
    …
    第四季度:1.光明区妇幼保健院:…完成100%。2.国科大深圳医院新院区:…。3.开展…5场。
    落实情况
    第三季度:1.《…通知》已于9月21日正式印发。2.稳步推动…,预计11月底完成装修。

The page is one clause (round 132): the item, `ref` `1` (the lines are rewritten so, its number given as
`label_items` gives one), its label blocks its units (a label and its value one field line, the bullets no part of
either; `协办单位:` with no value names none), and the quarter lines its schedule, each quarter's work a milestone at
the quarter's end (`schedule_entries`), each numbered step of a quarter one of its own (`第一季度:1.…。2.…。`: the
steps are the quarter's, no items, so the line is kept whole for the outline). The numbers in the report, and the
report's quarters and dates, are work done (round 84's 进展 block): its lines are not read, as a page's tail is not.
Before, the report's `1.` `2.` were read as the items, and a project's name before its colon in a step
(`1.光明区妇幼保健院:…`) as the lead.

Only such a page: one unnumbered line before the label blocks (the page's title above it), a lead or answering label
among them, a schedule label with two quarter lines at least after it, and nothing numbered before the schedule. A
page that numbers its items, or gives no quarter schedule, is left to the other readers.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .outline import line_marker
from .schedule_blocks import QUARTER_LINE
from .textutil import normalise
from .unit_labels import LABEL_RE, LEAD, LISTED, label_role

Lines = list[tuple[str, bool]]

# The page's title: the year's list and the item's category after a colon (`光明区2020年民生实事:幼有善育(3项)`), a
# title though it holds a colon (`header`).
REGISTER_TITLE_RE = lazy_compile(
    r"^[^。,;:]{2,30}(?:民生实事|为民办实事|民心工程)(?:项目)?:[^。,;:]{2,20}$", needs="民生实事|为民办实事|民心工程"
)
_BULLET_RE = lazy_compile(r"^\s*[•●■◆▲◇▪◦►▶◎·]\s*")
_SCHEDULE_RE = lazy_compile(r"^(?:进度安排|进度计划|时间安排|实施进度|工作进度)\s*:?$", needs="进度|安排")
_QUARTER_RE = lazy_compile(QUARTER_LINE, needs="季度|月底")
# The report's label run on to the last quarter's sentence end by a copy broken at the page's width.
_GLUED_REPORT_RE = lazy_compile(r"[。;](?:落实|进展|推进|完成|办理|实施)情况\s*:?$", needs="情况")
_REPORT_RE = lazy_compile(r"^(?:落实|进展|推进|完成|办理|实施)情况\s*:?$", needs="情况")


def _plain(text: str) -> str:
    """The line normalised, without its indent and its list bullet."""
    norm = normalise(text).strip()
    bullet = _BULLET_RE.match(norm)
    return norm[bullet.end() :].strip() if bullet is not None else norm


def _label(norm: str) -> tuple[str, str] | None:
    """(label, value) of a field line opening with a label of the genre, or None."""
    m = LABEL_RE.match(norm)
    return (m.group(1).strip(), norm[m.end() :].strip()) if m is not None else None


def register_page(lines: Lines) -> Lines:
    """The lines rewritten as one numbered item where they are a register page (see the module), else unchanged."""
    plain = [_plain(text) for text, _ in lines]
    filled = [k for k, norm in enumerate(plain) if norm]
    schedule = next((k for k in filled if _SCHEDULE_RE.match(plain[k])), None)
    if schedule is None:
        return lines
    after = [k for k in filled if k > schedule]
    report = next((k for k in after if _REPORT_RE.match(plain[k]) or _GLUED_REPORT_RE.search(plain[k])), len(lines))
    glued = _GLUED_REPORT_RE.search(plain[report]) if report < len(lines) else None
    quarters = [k for k in after if k <= report and _QUARTER_RE.match(plain[k])]
    if len(quarters) < 2 or any(line_marker(plain[k]) is not None for k in filled if k < schedule):
        return lines
    before = [k for k in filled if k < schedule]
    first_label = next((k for k in before if _label(plain[k]) is not None), None)
    if first_label is None:
        return lines
    above = [k for k in before if k < first_label]
    if len(above) < 2:  # the page's title, then the item's name
        return lines
    item = above[-1]
    block = [k for k in before if k >= first_label]
    roles = [label_role(found[0]) for k in block if (found := _label(plain[k])) is not None]
    if not any(role in (LEAD, LISTED) for role in roles):
        return lines
    out = list(lines)
    out[item] = (f"1、{plain[item]}", out[item][1])
    for n, k in enumerate(block):
        found = _label(plain[k])
        if found is None:
            continue
        label, value = found
        nxt = block[n + 1] if n + 1 < len(block) else None
        if value or nxt is None or _label(plain[nxt]) is not None:
            out[k] = (plain[k], out[k][1])  # the bullet is no part of the field
            continue
        out[k] = (f"{label}:{plain[nxt]}", out[k][1])  # `牵头单位:` / `光明区卫生健康局`: one field line
        out[nxt] = ("", out[nxt][1])
    if glued is not None:  # `…5场。落实情况`: a copy broken at the page's width ran the report's label on
        plain[report] = plain[report][: glued.start() + 1]
        report += 1
    for k, stop in zip(quarters, [*quarters[1:], report], strict=True):
        # `第二季度:1.…。` / `2.…。3.…。`: a quarter a copy broke before its next step (an item's number opens a line) is
        # one line again.
        more = [j for j in after if k < j < stop]
        out[k] = ("".join([plain[k], *(plain[j] for j in more)]), False)  # kept whole (`schedule_entries`)
        for j in more:
            out[j] = ("", out[j][1])
    for k in range(report, len(lines)):
        out[k] = ("", out[k][1])  # what was done: not read
    return out
