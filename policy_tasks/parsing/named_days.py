"""Days of the year a deadline may be named by, other than by their month and day: a holiday, a season of the work,
and a commemorative day written with its date.

- `国庆节前`: National Day is 1 October, whatever the year.
- A holiday whose date moves with the lunar calendar or the region (`春节前`, `汛期前`) is never guessed
  (`time_patterns` reads it as unreadable on purpose).
- A commemorative day named with its date in quotes, as the genre writes the campaign days (`“6·26”国际禁毒日`,
  `“3·15”国际消费者权益日`, `“12·4”国家宪法日`), at the moment the work is set for (`在…到来之际`, `…前`, `…期间`,
  `…当天`): the date the quotes give (round 139). The quotes with no day after them (`“6·26”` alone), a dotted
  figure outside quotes (`6.26亿元`) and a day without a moment (`国际禁毒日宣传活动`) name no deadline.
"""

from __future__ import annotations

import re
from datetime import date

from .lazy_patterns import lazy_compile
from .time_phrase import PRECISE, YEAR_PREFIX, Read, year_of

HOLIDAY = r"春节|元旦|国庆节?|五一|端午节?|中秋节?|清明节?|汛期|主汛期|汛"

NATIONAL_DAY_RE = lazy_compile(rf"{YEAR_PREFIX}国庆节?(?:之?前|以前)")

COMMEMORATIVE_DAY_RE = lazy_compile(
    rf"{YEAR_PREFIX}[“\"‘](?P<m>1[0-2]|[1-9])[·.・•](?P<d>3[01]|[12]\d|[1-9])[”\"’]"
    r"[\u4e00-\u9fff]{0,10}?(?:日|节)(?:到来|来临)?(?:之际|前夕|之前|以前|前|期间|当天|前后)"
)


def national_day(m: re.Match[str], year: int) -> Read:
    return PRECISE, date(year_of(m, year), 9, 30)


def commemorative_day(m: re.Match[str], year: int) -> Read:
    return PRECISE, date(year_of(m, year), int(m["m"]), int(m["d"]))
