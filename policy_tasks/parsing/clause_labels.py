"""How a clause is cited: by the shortest end of its outline path that no other clause shares
(`3`, or `二.3` where numbering restarts under each heading), written as the document writes its
numbers (`(一)`, `①`, `第3条`, `1.1`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .outline import Node


def clause_labels(clauses: list[Node]) -> list[str]:
    """Each clause's shortest outline suffix that no other clause shares (its whole path if none)."""
    paths = [[*[a for a in c.ancestors()], c] for c in clauses]
    keys = [[number_key(n) for n in path] for path in paths]
    # How many paths end in each suffix of length k, counted once per k: comparing every
    # clause's suffix with every other's took a third of a fresh process's import work.
    counts: dict[int, Counter[tuple[tuple[str, int | str], ...]]] = {}
    labels = []
    for path, key in zip(paths, keys, strict=True):
        for k in range(1, len(path) + 1):
            if k not in counts:
                counts[k] = Counter(tuple(other[-k:]) for other in keys)
            if counts[k][tuple(key[-k:])] == 1 or k == len(path):
                labels.append(join_markers(n.written for n in path[-k:]))
                break
    return labels


def number_key(node: Node) -> tuple[str, int | str]:
    """A number's identity in a path: a decimal item's is its whole number (`2.1` is not `1.1`)."""
    return (node.style, node.written if node.style.startswith("decimal") else node.value)


def join_markers(parts: Iterable[str]) -> str:
    out = ""
    for part in parts:
        if out and not out.endswith(")") and not part.startswith("("):
            out += "."
        out += part
    return out
