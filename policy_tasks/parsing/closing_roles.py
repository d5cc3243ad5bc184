"""Unnumbered lines each closed by their own role-noun part: `…,责任单位为X;`.

A district's report on the year's targets it sets for an assessment (`县域经济考核指标目标任务情况汇报`) lists
each indicator as a line with no number, its target and basis, then, as the line's last part, who answers
for it, a role noun and its unit:

    一、8项区人代会考核指标设置情况
    规模以上工业增加值:增长8%(依据区人代会目标设置),责任单位为区经信局;
    服务业增加值:增长8%(依据区人代会目标设置),责任单位为区发改委;

The same family as a 门前三包 bulletin's points, each closing with the sentence `权属单位为A,责任单位为B。`
(`label_items`): the line's own text, then parts that are nothing but role nouns and their units
(`role_sentences.role_noun_part`, one of them answering: 责任 / 牵头 / 主办 …), whether a sentence of their own
or the last parts of the line's one sentence. Two such lines or more are a list, one clause a line: under a
heading (`outline_lines._listed_under_heading`, as lines each ending in their own bracket are), or with no
numbered item at all (`label_items`). A line setting two targets, each closed by its own such part
(`…,责任单位为A;技改投资占比16.5%,责任单位为B;`), holds one clause a target (`一-6-1`, `一-6-2`), as a
paragraph giving each sentence its own bracket does.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .clause import Clause
from .role_sentences import role_noun_part
from .textutil import normalise, split_top, strip_span
from .unit_labels import LEAD, LISTED
from .unit_names import TRIM


def _closing_roles(norm: str, start: int, end: int) -> tuple[bool, bool]:
    """(whether the sentence norm[start:end] ends in role-noun parts with one answering, whether
    it holds text of its own before them)."""
    parts = [strip_span(norm, s, e, TRIM) for s, e in split_top(norm, ",", start, end)]
    parts = [(s, e) for s, e in parts if s < e]
    roles: list[str] = []
    while parts and (found := role_noun_part(norm[parts[-1][0] : parts[-1][1]])) is not None:
        roles.append(found[0])
        parts.pop()
    return any(role in (LEAD, LISTED) for role in roles), bool(parts)


def target_ends(norm: str) -> list[int]:
    """Where each target of the line `norm` ends (after its `;` / `。`), each closed by its own role-noun
    parts, when the line's text ends so and holds a target's own words before its first closing; else
    empty. A sentence of role nouns alone closes the sentences before it (`…烟蒂。权属单位为A,责任单位为B。`)."""
    line = norm.rstrip()
    ends: list[int] = []
    worded = False  # the target being read has words of its own so far
    for s, e in split_top(line, "。;"):
        s, e = strip_span(line, s, e, TRIM)
        if s >= e:
            continue
        closes, own = _closing_roles(line, s, e)
        worded = worded or own
        if not closes:
            continue
        if not worded:
            return []  # a role sentence that closes no words of a target: no such line
        stop = e
        while stop < len(line) and line[stop] in "。;":
            stop += 1
        ends.append(stop)
        worded = False
    if not ends or line[ends[-1] :].strip(TRIM):
        return []
    return ends


def closes_with_roles(norm: str) -> bool:
    """The line's text ends with its own role-noun part (`…,责任单位为X;`), after words of its own."""
    return bool(target_ends(norm))


def _spans(text: str) -> list[tuple[int, int, int]] | None:
    """(start, end, line index) spans of the targets in a clause's text, each closed by its own role-noun
    parts, or None when the text is not two or more such targets. The heading's own first line (no
    sentence, no role part) belongs to none of them."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    if (
        len(lines) > 1
        and not re.search(r"[。;!?]", normalise(lines[0][1]))
        and not closes_with_roles(normalise(lines[0][1]))
    ):
        lines = lines[1:]
    spans: list[tuple[int, int, int]] = []
    for index, (at, line) in enumerate(lines):
        norm = normalise(line)
        if not norm.strip():
            continue
        ends = target_ends(norm)
        if not ends:
            return None
        begin = 0
        for end in ends:
            spans.append((at + begin, at + end, index))
            begin = end
    return spans if len(spans) >= 2 else None


def split_at_closing_roles(clause: Clause) -> list[Clause]:
    """The clause (`clause.Clause`) as one clause per target closed by its own role-noun part: `一-1`,
    `一-2` a line, `一-6-1`, `一-6-2` where a line holds two (or `3-1`, `3-2` where the item is one line);
    as it is when its text is not so."""
    spans = _spans(clause.text)
    if spans is None:
        return [clause]
    indexes = sorted({index for _, _, index in spans})
    parts: list[Clause] = []
    for a, b, index in spans:
        own = [s for s in spans if s[2] == index]
        label = clause.label
        if len(indexes) > 1:
            label += f"-{indexes.index(index) + 1}"
        if len(own) > 1:
            label += f"-{own.index((a, b, index)) + 1}"
        offsets = [(max(0, o - a), n) for o, n in clause.offsets if a <= o < b] or [
            (0, clause.line_at(a) if clause.offsets else clause.node.line)
        ]
        parts.append(replace(clause, text=clause.text[a:b].strip(), offsets=offsets, label=label))
    return parts
