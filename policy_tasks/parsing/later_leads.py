"""The units a later sentence of an item names to lead a part of its work (`由A、B等…牵头`).

A notice's requirement charges its subject first (`省级部门要按照职责分工…深入自查`) and then, in a later sentence, says
which of them lead the work the item asks for: `19个方面督查重点,由所涉及的省政府办公厅、住房城乡建设厅、…等省级主管部门
(单位)牵头完成自查报告,其他相关部门(单位)配合`. Every unit before `等…牵头` leads, as in a bracket (corpus README), and
the subject that opens the item keeps leading: the item names its leads in two sentences (round 124). The words
before the names that only say which of them (`所涉及的`, `相关的`) and the kind after `等` (`省级主管部门(单位)`) are no
part of a name; `其他相关部门(单位)配合` names no one.

The sentence may open with what the lead answers for (`19个方面督查重点,`); the names must read as units
(`role_sentences.reads_as_units`). Near cases read otherwise: `由A负责` (no 牵头: a later sentence's subject helps,
`subject_sentences`), `由各地牵头` (no unit), a 牵头 not right after the names (`由A组织…,B牵头`), and an item whose
opening sentence is itself `由A牵头,` (`role_sentences`).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .role_sentences import reads_as_units

_SENTENCE_END_RE = re.compile(r"[。;\n]")
_LEAD_RE = lazy_compile(
    r"(?:[^。;,:\n由]{2,20},)?由(?:所涉及的|所涉及|涉及的|相关的|有关的)?"
    r"(?P<names>[\u4e00-\u9fff()、]{2,200}?)(?:等[\u4e00-\u9fff()]{0,16}?)?牵头(?!单位|部门|领导)",
    needs="牵头",
)


def later_leads(norm: str, after: int) -> list[tuple[int, int]]:
    """The spans of the units that a sentence of `norm` after `after` names with `由…牵头`, in order."""
    found: list[tuple[int, int]] = []
    for end in _SENTENCE_END_RE.finditer(norm, after):
        m = _LEAD_RE.match(norm, end.end())
        if m is not None and reads_as_units(m["names"]):
            found.append((m.start("names"), m.end("names")))
    return found
