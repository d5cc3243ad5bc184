"""A month's duty kept every other month: `每单月10日前`, `每双月`, `每两个月`, `隔月` (round 147).

A ministry's reporting system may ask for a report every second month (`各省…河长制办公室每两月将…报送`), its schedule
in the odd months (`2017年1月起,每单月10日前将进展情况表…报送`) or the even ones (`每双月5日前`). Such a duty recurs by the
month, in those months only: `每单月10日前` the 10th of January, March, …, November; `每双月` the end of February, …,
December; `每两月` / `每两个月` / `隔月`, which name no months, every second month's end from February. Before, none of
them was read, the duty lost.

Near cases: a rate (`每人每两月补贴100元`, a person before it, a sum after it) and a span of years (`每两年`).
"""

from __future__ import annotations

import re

from .textutil import cn_to_int
from .time_phrase import BEFORE, MONTH_PART, MONTHLY, RECURRING, N, Read, clipped_day, month_end

BIMONTHLY_RE = re.compile(
    r"(?<![人户亩吨家元个台辆床所座只头])"
    rf"(?:每(?P<which>单|双|两个?|二个?|2个?)|隔)月(?:[在于]?(?P<d>{N})[日号]|{MONTH_PART})?{BEFORE}"
    r"(?![\d.]+\s*[万千百]?(?:元|美元)|计|折算|平均|均|发放|支付|缴|结算|领取)"
)


def bimonthly(m: re.Match[str], year: int) -> Read:
    """The duty's days in `year`: the odd months' for `单`, else the even months'."""
    months = range(1 if m["which"] == "单" else 2, 13, 2)
    if not m["d"]:
        dates = [month_end(year, month, m["p"]) for month in months]
    else:
        day = cn_to_int(m["d"])
        if day is None or not 1 <= day <= 31:
            raise ValueError(m["d"])
        dates = [clipped_day(year, month, day) for month in months]
    return RECURRING, dates[0], MONTHLY, tuple(dates)
