"""A place's party committee and government together opening an item as its subject, or their heads by post.

A township's or a county's plan gives its leadership's own duties in its 明确责任 section, the committee and the
government named together as one subject, with the duty's rhythm or verb right after it and no `要` (round 185):

    1、乡党委,政府每月至少召开一次专题会议,研究部署本辖区内大气污染防治综合治理工作,…
    2、党委、政府主要负责人每月至少两次到现场督查生态环境保护工作,现场协调解决有关问题。

The committee and the government of one place are one addressee, written as the text writes them (`乡党委,政府`,
`党委、政府`), and lead. Their heads by post (`党委、政府主要负责人`) are the item's leader, and the body whose heads
they are leads (README round 185: one body's head names the body and the post; only a group's heads, `各乡镇党委、
政府主要负责人要…`, name the group and no leader). Near cases: a group (`各乡镇党委、政府…`, `group_openings`), the
body inside a sentence (`向乡党委、政府报告`), the body with no duty after it (`党委、政府的重视`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .role_sentences import opening_starts
from .unit_labels import LISTED

_LEVEL = r"[乡镇县区市州旗]"
_SUBJECT_RE = lazy_compile(
    rf"(?P<body>(?!各)(?:{_LEVEL}|[\u4e00-\u9fff]{{1,6}}?{_LEVEL})?党委[,、和及]?{_LEVEL}?(?:人民)?政府)"
    r"(?P<head>主要负责人|主要负责同志|主要领导(?:同志)?)?"
    r"(?=每(?:天|日|周|月|季度?|年|半年)|定期|要(?![求点])|须|应当?|负责(?![同人])|将)",
    needs="党委",
)


def leadership_charge(text: str, norm: str) -> Responsibility | None:
    """`乡党委,政府每月至少召开…`: the place's committee and government lead, their heads by post a leader; or None."""
    for start in opening_starts(norm):
        if (m := _SUBJECT_RE.match(norm, start)) is not None:
            found = Responsibility(origin="正文开头")
            found.roles[LISTED] = [text[m.start("body") : m.end("body")]]
            if m.group("head"):
                found.leaders.append(text[m.start("body") : m.end("head")])
            return found
    return None
