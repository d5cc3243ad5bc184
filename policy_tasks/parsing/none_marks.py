"""A unit cell that says there is no unit: `无`, `/`, `—`, `-`, `暂无`.

A task table fills every cell of a row, and a row whose task no other office helps with writes so in its
配合单位 cell rather than leaving it empty: `无` (none), `暂无` (none as yet), or a dash or a slash, as a form's
blank is filled. The mark is the whole cell; it names no unit, so the field is read as an empty cell is.
Only a whole value is such a mark: `无锡市…`, `无线电管理局`, `暂无专项资金的单位` are words, and a mark beside
names (`市发改委、无`) leaves the names as they are.
"""

from __future__ import annotations

import re

# The marks as a table writes them; a dash of any length or kind (`—`, `——`, `-`, `－`, `–`).
_NONE_RE = re.compile(r"(?:无|暂无|/|[—\-–－]+)")
# What may stand around the mark in a cell: spaces, and a full stop a copy kept.
_AROUND = " \t\n。.;,:"


def says_none(value: str) -> bool:
    """Whether a unit field's whole value (`配合单位:无`) is a mark saying there is no unit."""
    return bool(_NONE_RE.fullmatch(value.strip(_AROUND)))
