"""A 责任清单 names its addressee once, in the sentence that opens its list.

A responsibility list (责任清单) gives each addressee a list of its own and says whose it is in the
sentence right before the items: the addressee is the sentence's subject, and the sentence
announces what follows (`2022年,区政府要全面实施…,主要承担以下工作:`, `市市场监管局负责以下任务:`).
The numbered items below name no unit of their own; the subject answers for each of them. The
subject must read as units with their place first (`区政府`, `市教委`), as an item's own opening
subject must (`role_sentences`): a group (`各单位要做好以下工作:`) charges no unit in particular.
An item that names its own units, or opens with one, keeps them; every item below is the
owner's, so the clauses are the list's lowest items, as under a heading that is a unit's name.
"""

from __future__ import annotations

import re

from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED
from .unit_lists import split_names

# The subject, after a year or a time it is written for (`2022年,`), then anything up to the
# announcement that closes the sentence: `(主要)承担 / 负责 / 完成 / 做好 / 落实 以下(N项)工作:`.
_OWNER_RE = re.compile(
    r"(?:(?:\d{4}年度?|今年|本年度)[,,]?)?(?P<names>[\u4e00-\u9fff()、]{2,40}?)(?:要|负责|应当|应)"
    r"[^。]*?(?:承担|负责|完成|做好|落实|抓好)以下(?:\d+项)?(?:工作|任务|事项|职责)(?:任务)?\s*[::]"
)


def list_owner(lines: list[tuple[int, str]]) -> tuple[Responsibility, str] | None:
    """The units the last sentence before a list names as its owner (`区政府要…主要承担以下工作:`),
    with where they were read, or None."""
    from .role_sentences import reads_as_units  # role_sentences is read by units, which this reads

    for _, text in reversed(lines):
        norm = normalise(text)
        end = len(norm.rstrip())
        if not end:
            continue
        start = norm.rfind("。", 0, end) + 1
        while start < end and norm[start].isspace():
            start += 1
        m = _OWNER_RE.match(norm, start, end)
        if m is None or m.end() != end or not reads_as_units(m["names"]):
            return None
        found = Responsibility(origin="清单开头")
        found.roles[LISTED] = split_names(text, norm, m.start("names"), m.end("names"))
        return (found, "清单开头") if found.found else None
    return None
