"""A point's ordinal written in the banker's numerals (`叁是` for `三是`), read as its number.

Chinese has a second set of numerals, the 大写 forms (壹贰叁肆伍陆柒捌玖拾) written on cheques and contracts so a
figure cannot be altered. A page copied through a mirror or typed by an input method that offers them first sometimes
writes one for an ordinary numeral in a list of points (round 162, a district's news report of a meeting):

    周琪强调,一是认清消防安全严峻形势,…。二是强化消防安全监督管理,…。叁是强化消防宣传教育,…

`叁是` is the third point as `三是` would be: the reader of the `一是…二是…` enumeration (`outline`'s `shi` style,
`minute_points`' inline cut) takes the 大写 digit as the digit it stands for, the number written as printed. Only
that enumeration reads them: a heading's `三、` or a month's `三月` never comes in the 大写 form, and a 大写 amount
(`人民币叁万元`) is no ordinal before `是`.
"""

from __future__ import annotations

from .textutil import cn_to_int

# Each 大写 numeral and the ordinary one it stands for.
_CAPITALS = {"壹": "一", "贰": "二", "貳": "二", "叁": "三", "參": "三", "肆": "四", "伍": "五", "陆": "六", "陸": "六"}
_CAPITALS |= {"柒": "七", "捌": "八", "玖": "九", "拾": "十"}

# The characters a point's ordinal may be written in, for a regex character class beside `一二三…`.
CAPITAL_DIGITS = "".join(_CAPITALS)


def ordinary(numeral: str) -> str:
    """`叁` → `三`, `拾贰` → `十二`; ordinary numerals unchanged."""
    return "".join(_CAPITALS.get(c, c) for c in numeral)


def ordinal_value(numeral: str) -> int | None:
    """The number an enumeration's ordinal stands for, in either set of numerals (`三`, `叁`: 3)."""
    return cn_to_int(ordinary(numeral))
