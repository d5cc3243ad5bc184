"""The corpus's responsibility brackets rewritten into more forms real documents write them in.

As tests/parsing/convention_swaps.py (whose helpers these use): a bracket `(责任单位:A、B、C)` is
restated only where its clause's annotation is the genre's reading of it, A leading and B and C
helping, so the gold stays as it is. The forms: the bracket moved out into a sentence of its own
after the clause (`…。由A牵头,B、C配合。`, `…。A牵头,B、C参与。`); the due date inside the bracket after
the units (`(责任单位:A、B;完成时限:2023年10月底前)`), only a date the gold has for that clause; labels
or role words a PDF spaced apart (`(牵头单位:A 配合单位:B、C)`, `(A 牵头;B、C 配合)`); the lead marked in the
list (`责任单位:A(牵头)、B、C`); other label pairs (`主责单位` / `协同单位`, `主办` / `协办`)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

from policy_tasks.parsing.scoring import GoldClause
from tests.parsing.convention_swaps import _labelled_brackets, _plain_units, _rewrite

Swap = Callable[[str, list[GoldClause]], str]


def trailing_sentence(lead: str, co: str, alone: str) -> Swap:
    """A bracket closing a sentence moved out into a sentence of its own after it:
    `…。(责任单位:A、B、C)` or `…(责任单位:A、B、C)。` → `…。{lead}A牵头,B、C{co}。` (`{alone}` for one unit,
    `由A负责`), `lead` being `由` or nothing. Only where the bracket ends its line."""

    def rewrite(text: str, gold: list[GoldClause]) -> str:
        out, last = [], 0
        for start, end in _labelled_brackets(text):
            units = _plain_units(text[start + 1 : end], gold)
            stop = end + 1 + (text[end + 1 : end + 2] == "。")
            if units is None or text[stop:].split("\n", 1)[0].strip() or start == 0:
                continue
            clause = _clause_at(text, gold, start)
            if clause is not None and re.search(r"-\d+$", clause.get("ref", "")):
                continue  # the gold cuts this item at its brackets (one clause a bracket), which a sentence does not
            if len(units) == 1:
                sentence = f"{alone.format(units[0])}。"
            else:
                sentence = f"{lead}{units[0]}牵头,{'、'.join(units[1:])}{co}。"
            if text[start - 1] == "。":
                out += [text[last:start], sentence]
            elif stop > end + 1:
                out += [text[last:start], "。", sentence]
            else:
                continue
            last = stop
        return "".join([*out, text[last:]])

    return rewrite


def _clause_at(text: str, gold: list[GoldClause], position: int) -> GoldClause | None:
    """The gold clause whose start is the last one found in `text` before `position`."""
    found = [(text.find(c["start"]), i) for i, c in enumerate(gold) if c.get("start")]
    before = [(at, i) for at, i in found if 0 <= at < position]
    return gold[max(before)[1]] if before else None


def _due_phrase(day: date) -> str:
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return f"{day.year}年{day.month}月底前"
    return f"{day.year}年{day.month}月{day.day}日前"


def due_in_bracket(text: str, gold: list[GoldClause]) -> str:
    """`(责任单位:A、B)` → `(责任单位:A、B;完成时限:2023年10月底前)`, any labelled bracket naming its clause's
    lead (`(牵头单位:A;配合单位:B)` too) and no time of its own, with the clause's last dated milestone of the
    gold as its time limit, so that the gold stays right; a bracket whose clause has none is kept."""
    out, last = [], 0
    for start, end in _labelled_brackets(text):
        inside = text[start + 1 : end]
        clause = _clause_at(text, gold, start)
        if clause is None or not clause.get("milestones") or re.search(r"\d|时限|时间|年|月|前", inside):
            continue
        if not clause.get("lead") or any(lead not in inside for lead in clause["lead"]):
            continue
        due = max(date.fromisoformat(m["date"]) for m in clause["milestones"])
        colon, semicolon = (":", ";") if text[start] == "(" or ":" in inside else ("：", "；")
        out += [text[last:end], f"{semicolon}完成时限{colon}{_due_phrase(due)}"]
        last = end
    return "".join([*out, text[last:]])


def _labels(lead_label: str, co_label: str, between: str) -> Swap:
    def rewrite(text: str, gold: list[GoldClause]) -> str:
        def swap(opener: str, inside: str, closer: str) -> str | None:
            units = _plain_units(inside, gold)
            if units is None:
                return None
            colon = "：" if "：" in inside else ":"
            gap = "；" if between == ";" and colon == "：" else between
            co = f"{gap}{co_label}{colon}{'、'.join(units[1:])}" if units[1:] else ""
            return f"{opener}{lead_label}{colon}{units[0]}{co}{closer}"

        return _rewrite(text, swap)

    return rewrite


# `(牵头单位:A 配合单位:B、C)`: the semicolon a PDF's text layer dropped, a space in its place.
spaced_labels = _labels("牵头单位", "配合单位", " ")
main_and_joint = _labels("主责单位", "协同单位", ";")
host_and_assist = _labels("主办", "协办", ";")


def spaced_words(text: str, gold: list[GoldClause]) -> str:
    """`(责任单位:A、B、C)` → `(A 牵头;B、C 配合)`, `(A 负责)`: role words set off by a space, as a PDF
    gives a line justified between names and words."""

    def swap(opener: str, inside: str, closer: str) -> str | None:
        units = _plain_units(inside, gold)
        if units is None:
            return None
        if len(units) == 1:
            return f"{opener}{units[0]} 负责{closer}"
        return f"{opener}{units[0]} 牵头;{'、'.join(units[1:])} 配合{closer}"

    return _rewrite(text, swap)


def lead_marked(text: str, gold: list[GoldClause]) -> str:
    """`(责任单位:A、B、C)` → `(责任单位:A(牵头)、B、C)`, the lead marked after its name in the
    bracket's width; a bracket of one unit is kept."""

    def swap(opener: str, inside: str, closer: str) -> str | None:
        units = _plain_units(inside, gold)
        if units is None or len(units) < 2:
            return None
        mark = "(牵头)" if opener == "(" else "（牵头）"
        label = re.match(r"[^:：]+[:：]", inside)
        assert label is not None
        return f"{opener}{label.group(0)}{units[0]}{mark}、{'、'.join(units[1:])}{closer}"

    return _rewrite(text, swap)
