"""Field labels written without their colon, spelled as the readers know them.

Besides `牵头单位:A`, offices set a field's label off in a bracket of its own (`【牵头单位】A`,
`[配合单位]B`, `〖责任单位〗C`), or, in text copied out of a two-column form, by a space
(`牵头单位 A` on a line of its own). Both are the same field: the label is rewritten with its colon
before anything else reads the line. A bracket is a label only when it holds nothing but a label's
words and something follows it on the line; a spaced label only at a line's start, followed by
words that are no label themselves (a header row `牵头单位 配合单位 完成时限` stays a header).
A clause's bracket may hold such fields too (`(牵头单位 县交通局 配合单位 县财政局)`): a bracket that
opens with a label and a space, each of its labels standing as a word of its own followed by a word
that is no label, has each label rewritten so. A label a form justified to the width of the
labels beside it (`责 任 人:` under `责任领导:`) is closed up at a line's start, where the word its
characters spell (`spread_cells`) is a field label; any other spaced line stays as written.
A typist's slip of the semicolon for the colon (`(责任单位;住建局、畜牧局)`) is the same field where the label opens a
bracket or a line and names follow: a label's words end no list, so the `;` after them closes no part of one.
So is a full stop typed for the colon where the label opens the line and unit names follow (`stopped_labels`).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .run_in_labels import colon_run_in_labels
from .spread_cells import unspread
from .stopped_labels import colon_stopped_label
from .unit_labels import LABEL_RE, LABEL_WORDS

_WORDS = "|".join(sorted(LABEL_WORDS, key=len, reverse=True))
_BRACKETED_RE = re.compile(rf"[【\[〖〔]\s*({_WORDS})\s*[】\]〗〕]\s*(?=\S)")
_SPACED_RE = re.compile(rf"^(\s*)({_WORDS})[ \t\u3000]+(?=\S)")
_LABEL_TOKEN_RE = lazy_compile(rf"(?:^|\s)(?:{_WORDS})(?:\s|$)")
_SPACE = "[ \t\u3000]"
_FIELD_BRACKET_RE = re.compile(rf"([(（]{_SPACE}*)((?:{_WORDS}){_SPACE}+[^()（）]+)(?=[)）])")
# A label in such a bracket: at its start, after a space or a `;`, followed by a space and a word.
_SPACED_IN_BRACKET_RE = lazy_compile(rf"(?:^|(?<=[\s;；,，]))({_WORDS}){_SPACE}+(?=(\S+))")
# `(责任单位;A、B)`: a label opening a bracket or a line, then a semicolon and a word.
_SEMICOLON_RE = re.compile(rf"((?:^|[(（])\s*)({_WORDS})\s*[;；]\s*(?=[^\s;；,，。)）])")
# `责 任 人:`: two to six characters, each apart from the next by spaces, then the colon.
_SPREAD_LABEL_RE = re.compile(rf"^({_SPACE}*)((?:[\u4e00-\u9fff]{_SPACE}+){{1,5}}[\u4e00-\u9fff]){_SPACE}*(?=[:：])")


def _bracket_fields(m: re.Match[str]) -> str:
    """`牵头单位 A 配合单位 B` as `牵头单位:A 配合单位:B`, unless a label is followed by another."""
    labels = list(_SPACED_IN_BRACKET_RE.finditer(m[2]))
    if any(_LABEL_TOKEN_RE.match(" " + nxt[2] + " ") for nxt in labels):
        return m[0]
    return m[1] + _SPACED_IN_BRACKET_RE.sub(lambda f: f[1] + ":", m[2])


def _closed_spread_label(line: str) -> str:
    """`责 任 人:A` as `责任人:A`; a spaced word that is no label (`加 强 领 导:`) as written."""
    m = _SPREAD_LABEL_RE.match(line)
    if m is None:
        return line
    word = unspread(m[2])
    label = LABEL_RE.match(word + ":")
    return m[1] + word + line[m.end() :] if label is not None and label[1] == word else line


def spell_labels(line: str) -> str:
    """`【牵头单位】A` and `牵头单位 A` (at the line's start, or in a bracket of such fields) as `牵头单位:A`;
    `责 任 人:A` as `责任人:A`; `(责任单位;A)` as `(责任单位:A)`."""
    if ";" in line or "；" in line:
        line = _SEMICOLON_RE.sub(lambda m: m[1] + m[2] + ":", line)
    line = colon_run_in_labels(line)  # `…行为责任单位A、B`: a copy lost the colon (`run_in_labels`)
    line = colon_stopped_label(line)  # `责任单位。A、B。`: the stop typed for the colon (`stopped_labels`)
    if not any(ch in line for ch in "【[〖〔 \t\u3000"):
        return line
    line = _closed_spread_label(line)
    line = _BRACKETED_RE.sub(lambda m: m[1] + ":", line)
    line = _FIELD_BRACKET_RE.sub(_bracket_fields, line)
    if (m := _SPACED_RE.match(line)) and not _LABEL_TOKEN_RE.search(line, m.end() - 1):
        line = m[1] + m[2] + ":" + line[m.end() :]
    return line
