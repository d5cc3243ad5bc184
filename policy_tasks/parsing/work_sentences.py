"""`此项工作由A负责组织,B具体实施。`: an item's responsibility as a sentence about its work.

A list of works (民心工程, 为民办实事) closes each item with a sentence whose subject is the item's
own work (`此项工作`, `该项任务`, `本项工程`), then `由` and parts that each name units and what they
do: the units that organise the work (`负责组织`, `牵头组织`, `牵头`, `主办`) lead, those that carry
it out (`具体实施`, `组织实施`, `负责实施`, `负责`) answer for it (the first leads when no unit
organises), and those that help (`配合`, `协助`, `参与`, `协办`) help. The subject says the sentence
assigns the item, so a bare `负责` counts here, where in prose at large it is too common a verb to
read as an assignment (`units._read_sentences` asks for a `牵头` there). A sentence closing a section's
items whose subject is those items (`以上工作由A牵头,B配合。`, `上述任务均由A负责。`) assigns them so too:
it joins the last item, and the section, naming its units through it, is read as a heading that names them.
An assessment's rules say who runs the assessment so (`考核工作由A(以下简称“A办”)组织实施,B有关成员单位参加`,
round 119): the subject is the document's own work, and the alias a name is given after it (`(以下简称“…”)`) is
no part of the name. A copy that lost its line breaks runs the item's heading into that sentence (`考核组织考核工作由…`):
a heading's few words, with no punctuation, may come before the subject at the item's start.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .run_on_sentences import sentences
from .textutil import split_top, strip_span
from .unit_labels import CO, LEAD, LISTED
from .unit_names import TRIM, looks_like_units

_SUBJECT_RE = re.compile(
    r"(?:(?:此|该|本|这)(?:一)?(?:项|个)?|(?:以上|上述)(?:各项|几项|\d{1,2}项|[一二三四五六七八九十]{1,3}项)?)"
    r"(?:工作|任务|工程|项目|实事|措施)(?:均|都)?由"
    r"|(?:考核|考评|评估|督查|检查|验收)工作由"
)
# The alias a unit's name is given on first use: `市全面推行林长制工作领导小组办公室(以下简称“市林长办”)`.
# A heading's length of words and no punctuation (`考核组织`), before the item's first sentence.
_HEADING_RE = re.compile(r"\s*[\u4e00-\u9fff]{2,8}\s*")
_ALIAS_RE = lazy_compile(r"\((?:以下|下文)?简称[“\"]?[^()“”\"]{1,20}[”\"]?\)", needs="简称")


def drop_alias(name: str) -> str:
    """`name` without the alias bracket it is given (`A(以下简称“B”)有关成员单位` → `A有关成员单位`)."""
    return _ALIAS_RE.sub("", name.replace("\n", ""))  # a name a line break cut is one


def without_aliases(text: str, norm: str, start: int, end: int) -> tuple[str, str, int, int]:
    """`text` and `norm` with the alias brackets of `[start, end)` taken out, with the line break or space a copy put
    before one, and the line breaks that cut a name; and the span's new end."""
    cut = {i for i in range(start, end) if norm[i] == "\n"}
    for m in _ALIAS_RE.finditer(norm, start, end):
        gap = len(norm[start : m.start()]) - len(norm[start : m.start()].rstrip())
        cut.update(range(m.start() - gap, m.end()))
    if not cut:
        return text, norm, start, end

    def join(s: str) -> str:
        return s[:start] + "".join(c for i, c in enumerate(s[start:end], start) if i not in cut) + s[end:]

    return join(text), join(norm), start, end - len(cut)


_ROLES = (
    (LEAD, r"(?:负责|牵头)组织(?:协调)?|组织协调|牵头(?:负责|抓总)?|主办|主责"),
    (CO, r"(?:配合|协助)(?:实施|落实)?|参与|参加|协办"),
    (LISTED, r"(?:具体|组织|负责)(?:实施|落实|承办)|具体负责|负责|实施|承办|落实"),
)
_PART_RE = lazy_compile(r"(?s)^由?(?P<names>.+?)(?P<role>" + "|".join(f"(?:{p})" for _, p in _ROLES) + r")$")


def _role(word: str) -> str:
    return next(role for role, pattern in _ROLES if re.fullmatch(pattern, word))


def work_assignments(norm: str) -> list[tuple[str, int, int, int, int]]:
    """Each unit list of a `此项工作由…` sentence in `norm`: (role, names start, names end,
    sentence start, sentence end); empty unless every part of the sentence names units and a role."""
    for sentence_start, sentence_end in sentences(norm):  # run on across a break mid-sentence (`run_on_sentences`)
        subject = _SUBJECT_RE.search(norm, sentence_start, sentence_end)
        if subject is None:
            continue
        if norm[sentence_start : subject.start()].strip(TRIM):
            # `考核组织考核工作由…`: the item's heading, run into its first sentence by a copy that lost its breaks.
            if norm[:sentence_start].strip() or not _HEADING_RE.fullmatch(norm, sentence_start, subject.start()):
                continue
            sentence_start = subject.start()
        found: list[tuple[str, int, int]] = []
        for s, e in split_top(norm, ",", subject.end(), sentence_end):
            s, e = strip_span(norm, s, e, TRIM)
            m = _PART_RE.match(norm[s:e])
            if m is None or not looks_like_units(drop_alias(m["names"]).strip(TRIM)):
                found = []
                break
            found.append((_role(m["role"]), s + m.start("names"), s + m.end("names")))
        if found:
            start, end = strip_span(norm, sentence_start, sentence_end, TRIM)
            return [(role, s, e, start, end) for role, s, e in found]
    return []
