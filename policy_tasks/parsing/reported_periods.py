"""A report's own period dates nothing: it says what was done, not what is due.

A progress report (进展情况, 完成情况, a 督查 bulletin) states its figures for the months gone or as of
a day: `1-6月,我区数字经济完成产值1175亿元,同比增长仅为1.2%`, `1-9月份全市有课后服务需求的学生32402人`,
`截至2019年12月底,全市完成减少农村扶贫对象7.497万人`. The work is done (or not); nothing is committed
by the period's end, and the figures its sentence states from there on are no targets (`milestones`).
The corpus README says so of a past year (`截至2022年底已完成`); a report written in the year it counts
reads the same.

- A span of months counted from January (`1-6月`, `1—9月份`, `1至11月`) is such a tally. A plan commits
  by a period's end (`6月底前`, `上半年`, `一季度`) or labels a step of its schedule with its months
  (`1-3月:摸底调查`, `2024年1-3月:…` from a period column, `period_columns`): a colon after the span, or
  `底` / `末` / `前`, keeps it a date; so does a space after a span opening the text, a table's step cell
  (`1月至4月 修改…考核办法`, `step_cells`, round 124), where its sentence states no figure (a report's
  `1-6月 全市完成产值1175亿元` tallies).
- A date after `截至` / `截止(到)` is the day the figures are counted at, unless a word of intent follows
  in its sentence (`截至2025年底,力争建成…`: a target).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile

_TALLY_RE = lazy_compile(r"(?<![\d.年])1\s*(?:月份?)?\s*[-—–~至到]\s*(?:[2-9]|1[01])\s*月份?(?!\s*[:底末前])")
# `截至2019年12月底`, `截止到12月26日`: the date runs to the next punctuation.
_AS_OF_RE = lazy_compile(r"(?:截至|截止到|截止)(?P<date>[^,;。!?\n]{1,20})")
_INTENT_RE = lazy_compile(r"确保|力争|争取|预计|目标")
_SENTENCE_END_RE = lazy_compile(r"[;。!?\n]")
_STEP_AFTER_RE = lazy_compile(r" +[\u4e00-\u9fff]")
_FIGURE_RE = lazy_compile(r"\d")


def _step_label(norm: str, m: re.Match[str]) -> bool:
    """`1月至4月 修改…`: the span labels the step its cell opens with (see the module docstring)."""
    if norm[: m.start()].strip() or not _STEP_AFTER_RE.match(norm, m.end()):
        return False
    end = _SENTENCE_END_RE.search(norm, m.end())
    return not _FIGURE_RE.search(norm, m.end(), end.start() if end else len(norm))


def reported_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) naming the period a report counts (see the module)."""
    spans = [(m.start(), m.end()) for m in _TALLY_RE.finditer(norm) if not _step_label(norm, m)] if "月" in norm else []
    if "截" in norm:
        for m in _AS_OF_RE.finditer(norm):
            end = _SENTENCE_END_RE.search(norm, m.end())
            if not _INTENT_RE.search(norm, m.end(), end.start() if end else len(norm)):
                spans.append((m.start("date"), m.end("date")))
    return sorted(spans)
