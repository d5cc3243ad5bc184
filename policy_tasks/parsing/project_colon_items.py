"""An unnumbered list of projects, a paragraph each opening with the project's name and a colon.

A 街道's or a county's news page on the 民生实事 its congress voted, or a short plan of its projects, often
lists them with no number at all, under a paragraph that says who carries them all out and, now and then,
dates some of them by repeating their names:

    2024年,某某街道将实施十件民生实事项目。除农村黑臭水体整治项目在今年6月前完成,老旧房屋…整治项目将在
    今年10月底前完成外,其余项目均计划在今年12月完成。项目内容具体包括:
    社区党群服务中心建设项目:优化某某社区等党群服务中心建设,提升服务质效。
    农村黑臭水体整治项目:对某某村等相关区域污水及底泥进行清淤整治。

Each paragraph is a clause, in order (`project_colon_outline`, a fallback for a document with no
numbered item), as `unit_colon_items` reads `财政所:负责…` and `leader_colon_items` a leader's remit: the word
before the colon names a project (it ends in `项目` or `工程`), not the unit that does it. Two such paragraphs
in a run are the list; one alone is a notice's aside. A name must be a project's own: a field or a category
(`项目名称:`, `比赛项目:`, `重点项目:`), a list's announcement (`重点推进以下项目:`, `十件民生实事项目:`) and a
notice's labels (`工作目标:`, `活动时间:`) are none.

The lead-in's subject (`某某街道将实施…项目`) is a unit stated once for the whole list: it leads every project
that names no unit (README round 72/88, `list_doer`). A project the lead-in dates by its name (`农村黑臭水体
整治项目在今年6月前完成`) has that date as its milestone (`named_milestones`); the rest's shared deadline
(`其余项目均计划在今年12月完成`) names no project and is the list's default, no milestone of any.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .lazy_patterns import lazy_compile
from .milestones import find_milestones
from .outline import line_marker, numbered_in_order
from .outline_lines import Outline
from .responsibility import Responsibility
from .result import ParsedMilestone
from .textutil import normalise
from .unit_labels import LISTED
from .unit_lists import split_names

Warn = Callable[[int, str], None]

# A project's name, quotes allowed (`“人和基金”慈善项目`), then the colon and the project's content.
_OPENING_RE = lazy_compile(
    r"^\s*(?P<name>[“”\"\u4e00-\u9fff]{4,30}?(?:项目|工程))\s*:\s*(?P<rest>\S.{5,})", needs="项目|工程 & :"
)
# Not a project's own name: a field or a category (`项目名称`, `比赛项目`), a list announced (`以下项目`,
# `十件民生实事项目`, `2024年…项目`), an order (`推进…项目`).
_NOT_NAME_RE = lazy_compile(
    r"以下|如下|下列|包括|其他|其余|这些|上述|的|[\d一二三四五六七八九十两百]+(?:件|项|个|大|类|批)|"
    r"^(?:着力|加快|推进|推动|构建|建设|打造|深化|加强|完善|提升|实施|强化|优化|健全|建立|开展|做好|抓好|落实|"
    r"重点|主要|具体|相关|有关|全部|各类|本)"
)
# At least four characters before `项目`: `比赛项目`, `建设项目`, `服务项目` are categories, no names.
_MIN_OWN = 4


def project_colon_name(text: str) -> str | None:
    """The project's name a paragraph opens with before a colon (`农村黑臭水体整治项目:对…`), or None."""
    m = _OPENING_RE.match(normalise(text))
    if m is None:
        return None
    name = m["name"]
    own = name[:-2].strip('“”"')
    if len(re.sub(r"[“”\"]", "", own)) < _MIN_OWN or _NOT_NAME_RE.search(name):
        return None
    return name


def project_colon_outline(lines: list[tuple[str, bool]]) -> Outline | None:
    """The outline of the lines with each paragraph of a run that opens with a project's name and a colon
    numbered in order, or None when the run holds fewer than two. Only blank lines may stand between
    them; a paragraph of other words ends the run, and the page's lines after it (`下一步,…将跟踪监督`, a
    contact line) are loose, no part of the last project."""
    items: list[int] = []
    for k, (text, _) in enumerate(lines):
        if not text.strip():
            continue
        if line_marker(normalise(text).strip()) is None and project_colon_name(text) is not None:
            items.append(k)
        elif len(items) >= 2:
            break  # the run has ended
        else:
            items = []
    if len(items) < 2:
        return None
    outline = Outline.read(numbered_in_order(lines, items))
    last = outline.root.children[-1] if outline.root.children else None
    if last is not None and len(last.pieces) > 1:
        outline.loose[:0] = last.pieces[1:]
        del last.pieces[1:]
    return outline


# The lead-in's subject, after the year it is written for: `2024年,某某街道将实施十件民生实事项目`.
_DOER_RE = lazy_compile(
    r"(?:(?:\d{4}年度?|今年|本年度?)[,,]?)?(?P<names>[\u4e00-\u9fff()、]{2,30}?)(?:将|要|计划|拟)?"
    r"(?:实施|办理|推进|建设|落实|开展|实行)[^。;]*?(?:项目|实事|工程)",
    needs="项目|实事|工程",
)
_SENTENCE_RE = re.compile(r"[^。;!?\n]+")


def _lead_in(header: list[tuple[int, str]]) -> str:
    """The paragraph right above the list: the last line of the header with words on it."""
    return next((text for _, text in reversed(header) if text.strip()), "")


def list_doer(header: list[tuple[int, str]]) -> tuple[Responsibility, str] | None:
    """The units the lead-in's sentence names as carrying out the projects (`某某街道将实施…项目`), or None."""
    from .role_sentences import reads_as_units  # role_sentences is read by units, which this reads

    text = _lead_in(header)
    norm = normalise(text)
    for sentence in _SENTENCE_RE.finditer(norm):
        start = sentence.start() + len(sentence[0]) - len(sentence[0].lstrip())
        m = _DOER_RE.match(norm, start, sentence.end())
        if m is None or not reads_as_units(m["names"]):
            continue
        found = Responsibility(origin="项目清单开头")
        found.roles[LISTED] = split_names(text, norm, m.start("names"), m.end("names"))
        if found.found:
            return found, "项目清单开头"
    return None


_PART_RE = re.compile(r"[^,;。:!?\n]+")


def named_milestones(
    text: str, header: list[tuple[int, str]], milestones: list[ParsedMilestone], year: int, warn: Warn
) -> list[ParsedMilestone]:
    """`milestones` (the project's own), with the date the lead-in gives the project by its name added
    (`…整治项目在今年6月前完成`), where no milestone of its own falls that day."""
    name = project_colon_name(text)
    norm = normalise(_lead_in(header))
    if name is None or name not in norm:
        return milestones
    for part in _PART_RE.finditer(norm):
        at = part[0].find(name)
        if at < 0:
            continue
        words = part[0][at:].strip()
        opens = max(norm.rfind(mark, 0, part.start()) for mark in "。;!?\n") + 1
        if norm[opens:].lstrip().startswith("除"):
            words = words.removesuffix("外")  # `除A…完成,B…完成外,其余…`: the 除…外 frame is no part of it

        def report(offset: int, message: str) -> None:
            warn(0, message)  # the lead-in's checks (`6月前` read as the month's end), at the clause's start

        dated = [m for m in find_milestones(words, year=year, default_due=None, warn=report) if m.due_date]
        if dated and not any(m.due_date == dated[0].due_date for m in milestones):
            # No part of the clause's text: its span is empty, as a stage heading's date above it is.
            return [*milestones, replace(dated[0], text=words, start=0, end=0)]
    return milestones
