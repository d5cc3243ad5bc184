"""A unit's name that a narrow table cell wrapped after the place's leading organs.

A 责任单位 column is narrow, so a long name wraps inside its cell, and a joint office of a place's party
committee and government breaks where the organs end: `县委县政府` / `督查室` is one office,
`县委县政府督查室` (the 督查室 the committee and the government share), as `县政府` / `办公室` is
`县政府办公室` and `县委` / `宣传部` is `县委宣传部`. The second line is an office inside a body with no body
of its own (no place before it), which no list names alone, and the first is nothing but the place's
organs, which have such offices. A cell a name a line (`县发改局` / `县财政局`, `县委` / `县政府`) stays a
list: each line names its place. A name whose second line names no unit at all (`县交通` / `运输局`) is
joined already (`tables._unit_cell`). The same holds of a PDF's narrow cell (`sources.pdf._continues`).

A long name wraps anywhere (`区新兴产业` / `服务中心`, `区综合行政` / `执法局`): where the first line names no unit
and is no place (a name cut mid-word, its place first), and the second names a body with no place of its own,
the two together one unit, they are one name; the second alone is no unit of the list (round 91).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .place_names import is_place_name
from .unit_names import PLACE_FIRST_RE, looks_like_units

_PLACE = r"[\u4e00-\u9fff]{0,6}?(?:自治区|省|市|县|区|州|盟|旗|镇|乡|街道)"
# A place's leading organs and nothing more: `县委县政府`, `市委、市政府`, `县人民政府`, `镇党委`.
_ORGANS_RE = lazy_compile(rf"^{_PLACE}(?:党委|党工委|委|人民政府|政府)(?:、?(?:{_PLACE})?(?:人民政府|政府))?$")
# An office inside a body, named without its place: `督查室`, `办公室`, `宣传部`, `政法委`, `信访办`.
_INNER_OFFICE_RE = lazy_compile(r"^(?!各)[\u4e00-\u9fff]{1,6}?(?:办公室|室|办|部|委|中心)$")


def joined_wrapped_names(lines: list[str]) -> list[str]:
    """The lines of a unit cell, each line that continues the organs' name before it joined to that line."""
    out: list[str] = []
    for line in lines:
        if out and _ORGANS_RE.match(out[-1]) and _INNER_OFFICE_RE.match(line) and not PLACE_FIRST_RE.match(line):
            out[-1] += line
        elif out and _cut_name(out[-1], line):
            out[-1] += line
        else:
            out.append(line)
    return out


_HALF_RE = lazy_compile(r"[\u4e00-\u9fff]{2,8}")
_LEVEL_END_RE = lazy_compile(r"(?:自治区|省|市|县|区|州|盟|旗|镇|乡|街道|村|社区)$")


def _cut_name(first: str, second: str) -> bool:
    """`区新兴产业` / `服务中心`: a name a cell cut mid-word, its place before the cut and none after it."""
    return (
        bool(_HALF_RE.fullmatch(first) and _HALF_RE.fullmatch(second))
        and PLACE_FIRST_RE.match(first) is not None
        and PLACE_FIRST_RE.match(second) is None
        and not looks_like_units(first)
        and not is_place_name(first)
        and not _LEVEL_END_RE.search(first)  # `江北区` / `住建局`: a place, then a body of a list
        and looks_like_units(first + second)
    )
