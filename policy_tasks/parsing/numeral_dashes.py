"""A span's dash typed as the numeral `一`: `第二阶段(2022年4月一2022年10月)`.

A dash (`—`) and the numeral one (`一`) look alike, and input methods and copy sites swap them: a schedule's span then
reads `2022年4月一2022年10月`. The corpus README dates a span at its end (rounds 77 and 143, `deadlines._join_ranges`);
a span so typed is read the same way, its `一` read as the dash it stands for. Only a `一` straight after a date's
month or day and straight before an Arabic figure is taken so: a numeral one never stands before a figure, while
`5月一次`, `6月底一季度` keep the numeral, a word of their own (round 181). The repair keeps the text's length, so
the phrases found in it keep their places in the text as written.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

_NUMERAL_DASH = lazy_compile(r"(?<=[月日号底])一(?=\s*\d)")


def mend_numeral_dashes(norm: str) -> str:
    """`norm` with each dash typed as `一` between a date and a figure written as `—` (same length)."""
    return _NUMERAL_DASH.sub("—", norm) if "一" in norm else norm
