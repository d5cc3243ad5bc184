"""One addressee written as a single 各 over kinds of place or office (rounds 187-189).

Offices address the levels below them, or their own offices, with one `各` over the kinds it covers; the other kinds
are written in a bracket after the first or joined to it by `、`. The parser already reads `各县(市、区)` as one group
(`unit_names.continues_group`); these are the same convention in the forms three rounds' documents wrote:

- `各镇(街道、园区)` (a district's breakdown table, round 187): the bracket after the group names the other kinds of
  place it takes in. Written alone on a field line (`配合单位:各镇(街道、园区)`, a table's cell made a field), the
  bracket closes the line and lists two place-like names, so it looked like a bracket of units of its own; it is the
  group's own bracket (`group_bracket`), as `(街道)` and `(市、区)` are.
- `各市(地)、县(市)政府(行署)` (a province's measures, round 188): 地 (a prefecture, 地区, governed by its 行署) is the
  other level beside 市 in the bracket, as 州 is in `各市(州)` (`unit_names._GROUP_RE`); the copy's stray spaces around
  the brackets (`各市 (地) 、县 (市) 政府 (行署) `) are no part of the names (`unit_names.looks_like_units`,
  `space_split`, `continues_group`).
- `各科室、单位` (a bureau's 工作要点, round 189; README round 154): one `各` over the bureau's own kinds of office, its
  sections and its units, as `各部门、单位` is (`office_kinds`).

Near cases that stay several units: a second `各` (`各镇、各部门`, `各科室、各单位`), a list with no `各` over it
(`办公室、单位`), a qualified body after the `、` (`各镇、市直各部门`, `各科室、区人社局`), a bracket after a body that
is no group (`区经信局(商务局)`, its other name) and a bracket of bodies after a group (`各镇(区财政局、区税务局)`).
"""

from __future__ import annotations

import re

# The levels a group's bracket may name beside its own (`各县(市、区)`, `各镇(街道、园区)`, `各市(地)`).
BRACKET_LEVEL = r"(?:县级市|市州|乡镇|街道|社区|村居|村|居|市|区|县|州|旗|盟|镇|乡|场|地|园区|开发区|片区)"

# `各镇(`: a group under one 各, the bracket glued to it. Its kind is a place's level, so
# that `各有关单位(企业、园区)` is left to the readers of a unit's bracket.
_GROUP_BEFORE_RE = re.compile(
    r"各(?:有关|相关)?(?:县级市|市州|乡镇|镇街|街道|社区|村居|村|市|区|县|州|旗|盟|镇|乡)\s*$"
)
_LEVELS_RE = re.compile(rf"{BRACKET_LEVEL}(?:\s*[、/]\s*{BRACKET_LEVEL})*")


def group_bracket(norm: str, start: int, end: int) -> bool:
    """Whether the bracket whose inside is `norm[start:end]` is a group's own (`各镇(街道、园区)`): the other kinds of
    place the group takes in, never a bracket of units."""
    return bool(_GROUP_BEFORE_RE.search(norm, 0, start - 1)) and bool(_LEVELS_RE.fullmatch(norm[start:end].strip()))


# `各科室`, `局机关各科室`, `各处室`, `各股室`, `各站所`: a bureau's own offices under one 各, a category as
# `各部门` is; the bare kind after the `、` (`单位`, `直属单位`) widens it (`unit_lists.split_names`).
_OFFICE_KINDS_RE = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}?机关)?各(?:科室|处室|股室|站所|所站|科|处|股)$")


def office_kinds(previous: str) -> bool:
    """Whether `previous` is a bureau's own offices under one 各 (`各科室`), so that a bare kind joined to it by `、`
    (`各科室、单位`) is the same addressee."""
    return bool(_OFFICE_KINDS_RE.match(previous.strip()))
