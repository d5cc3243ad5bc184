"""A unit's name that a narrow table cell wrapped after the place's leading organs.

A 责任单位 column is narrow, so a long name wraps inside its cell, and a joint office of a place's party
committee and government breaks where the organs end: `县委县政府` / `督查室` is one office,
`县委县政府督查室` (the 督查室 the committee and the government share), as `县政府` / `办公室` is
`县政府办公室` and `县委` / `宣传部` is `县委宣传部`. The second line is an office inside a body with no body
of its own (no place before it), which no list names alone, and the first is nothing but the place's
organs, which have such offices. A cell a name a line (`县发改局` / `县财政局`, `县委` / `县政府`) stays a
list: each line names its place. A name whose second line names no unit at all (`县交通` / `运输局`) is
joined already (`tables._unit_cell`). The same holds of a PDF's narrow cell (`sources.pdf._continues`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .unit_names import PLACE_FIRST_RE

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
        else:
            out.append(line)
    return out
