"""How a clause is cited: by the shortest end of its outline path that no other clause shares
(`3`, or `二.3` where numbering restarts under each heading), written as the document writes its
numbers (`(一)`, `①`, `第3条`, `1.1`).

A list is cited in one form: the items under one heading all take the depth the most ambiguous
of them needs. Where `一、` holds items 1…5 and `二、` only 1…2, items 3…5 alone would be unique
as `3`…`5`; a clerk reading `一.1`, `一.2`, `3` takes `3` for another list. So every item of
`一、` is `一.1`…`一.5`, as the inline `①…⑥` under `(一)(1)` are all `(一)(1)①`…`(一)(1)⑥` when
only `⑥` would be unique alone. A longer end of a unique end stays unique, so no two clauses share
a reference."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .outline_node import Node


def clause_labels(clauses: list[Node]) -> list[str]:
    """Each clause's outline suffix, as long as the longest its siblings need to be unique."""
    paths = [[*[a for a in c.ancestors()], c] for c in clauses]
    keys = [[number_key(n) for n in path] for path in paths]
    # How many paths end in each suffix of length k, counted once per k: comparing every
    # clause's suffix with every other's took a third of a fresh process's import work.
    counts: dict[int, Counter[tuple[tuple[str, int | str], ...]]] = {}
    needed: list[int] = []
    for path, key in zip(paths, keys, strict=True):
        for k in range(1, len(path) + 1):
            if k not in counts:
                counts[k] = Counter(tuple(other[-k:]) for other in keys)
            if counts[k][tuple(key[-k:])] == 1 or k == len(path):
                needed.append(k)
                break
    # Siblings share their parent and so their path's length: one depth for the whole list.
    depth: dict[int, int] = {}
    for clause, k in zip(clauses, needed, strict=True):
        depth[id(clause.parent)] = max(depth.get(id(clause.parent), 0), k)
    return [
        join_markers(n.written for n in path[-depth[id(c.parent)] :]) for c, path in zip(clauses, paths, strict=True)
    ]


def number_key(node: Node) -> tuple[str, int | str]:
    """A number's identity in a path: a decimal item's or a serial's is its whole number (`2.1` is
    not `1.1`, `Ⅲ-1-①` not `Ⅲ-2-①`)."""
    whole = node.style.startswith("decimal") or node.style == "serial"
    return (node.style, node.written if whole else node.value)


def join_markers(parts: Iterable[str]) -> str:
    out = ""
    for part in parts:
        if out and not out.endswith(")") and not part.startswith("("):
            out += "."
        out += part
    return out


# A campaign's stage is cited by its own name (`第一阶段`, `ordinal_stages`), not as `第第一阶段条`.
_STAGE_LABEL_RE = re.compile(r"第[一二三四五六七八九十]{1,2}阶段")


def cited(label: str) -> str:
    """How a warning cites the clause: `第3条`, but a stage by its name."""
    return label if _STAGE_LABEL_RE.fullmatch(label) else f"第{label}条"
