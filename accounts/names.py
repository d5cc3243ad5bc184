"""Normalising unit names so that the ways a document writes one name meet.

Plain Python: the parser's rules for 区经信局<商务局> and 各乡镇(街道) live in
policy_tasks.parsing; this only folds punctuation width and spaces so that
lookups by alias are not defeated by how a clerk typed the brackets.
"""

from __future__ import annotations

import unicodedata


def normalise_unit_name(name: str) -> str:
    folded = unicodedata.normalize("NFKC", name)
    return "".join(folded.split())
