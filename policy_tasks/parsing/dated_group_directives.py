"""A notice's directive to its salutation's groups written with no charging verb: the deadline or the work after them.

A breakdown a city office sends to its counties' offices (`各县、区公共机构节能管理部门:`) states each task as the
groups' work, the deadline written straight after the group and no `要` between (`各县、区2023年底前建设…示范点不少于
3个`), or the work's verb straight after it (`各县、区做好2022年度…复核迎检工作`). Round 137 read the directive with no
verb written where the group is followed by its basis or by `于…前` (`addressee_groups._DIRECTIVE_RE`); a deadline
written bare (`2023年底前`, `6月底前`, `年内`) is the same directive, and so is a verb of doing the work (`做好`,
`抓好`, `完成`, `落实`, `开展`). The deadline form may also open the later part of the item's sentence, after
a comma: `加大…推广力度,各县、区2023年底前落地…项目不少于1个`, `根据…评估细则,各县、区2023年底前遴选…` (the basis
ending in a word `_LEAD_IN_RE` does not list). A group followed by its own deadline is the doer of that part, so the
sentence's first part naming no one leaves the group its subject (corpus README rounds 96/97, read in round 159).

Near cases that charge no one: a group whose work is reported (`各县、区2022年底前已完成…`, `…开展了…`), the group's
results as a noun (`各县、区完成情况纳入考核`, `各县区完成率`, `各县区开展的…`), the verb form after a comma (`…,各县、区
做好…` is left to the readers of a later sentence: a part's verb alone is too weak a sign of its subject), and a group
the salutation does not name (the caller checks each group's kind).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile

# A deadline written straight after the group: a year's end or a month's, a half, a quarter, or within the year.
_DEADLINE = (
    r"(?:(?:(?:\d{4}|今|明)年)?"
    r"(?:年底|底|\d{1,2}月(?:底|份|上旬|中旬|下旬|\d{1,2}日)?|上半年|下半年|[一二三四]季度末?)(?:之?前)"
    r"|(?:\d{4}|今|明)?年内)"  # `2023年内` as `2023年底前`: the same day
)
# The work's verb straight after the group; not the work's results as a noun (`完成情况`, `开展的`).
_WORK_VERB = r"(?:认真|切实|扎实)?(?:做好|抓好|落实好?|完成|开展|组织开展)(?!情况|率|的|数|进度|工作的)"
_NAMES = r"(?P<names>各[\u4e00-\u9fff()、]{1,38}?)"
_OPENING_RE = lazy_compile(rf"{_NAMES}(?={_DEADLINE}|{_WORK_VERB})", needs="各")
_PART_RE = lazy_compile(rf",{_NAMES}(?={_DEADLINE})", needs="各")
# Work reported done (`2022年底前已完成`, `开展了`), read right after the group: a year in the work's object
# (`做好2022年度已建成…单位的复核`) reports nothing of the group.
_REPORTED_RE = lazy_compile(rf"(?:{_DEADLINE})(?:均|都|全部)?已|{_WORK_VERB}了")
_SENTENCE_END_RE = re.compile(r"[。;!\n]")


def _sentence_end(norm: str, at: int) -> int:
    end = _SENTENCE_END_RE.search(norm, at)
    return end.start() if end else len(norm)


def dated_directive(norm: str, at: int) -> re.Match[str] | None:
    """The group opening `norm` at `at` with its deadline or its work's verb straight after (`各县、区2023年底前…`,
    `各县、区做好…`), or None; the match's `names` group is the group, its end where the work begins."""
    m = _OPENING_RE.match(norm, at)
    return None if m is None or _REPORTED_RE.match(norm, m.end()) else m


def dated_part(norm: str, at: int) -> re.Match[str] | None:
    """The group opening a later part of the sentence at `at`, after a comma, with its deadline straight after
    (`加大…力度,各县、区2023年底前落地…`), or None."""
    m = _PART_RE.search(norm, at, _sentence_end(norm, at))
    return None if m is None or _REPORTED_RE.match(norm, m.end()) else m
