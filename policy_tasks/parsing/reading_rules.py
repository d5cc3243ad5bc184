"""A unit list's own rule for reading it, written as the list's last part.

Offices that list units with no role words often close the bracket with the rule that gives
them their roles, once for the whole document:

    (市教育局,市委农办,各县<市、区>人民政府,排名第一位为牵头单位,下同)
    (市发展改革局、市财政局,排在第一位的为牵头单位,其他为配合单位)

The rule names no unit; it says what the reader does anyway (the first listed leads, the rest
help), and its `下同` carries that rule to later brackets, not these units to later clauses.
The rule may also end the bracket's first sentence, a carry sentence closing the bracket after it
(`(A、B,C,列第一位的为牵头单位,下同。以下均需C落实,不再列出)`): the carry sentence is read as any other.
`without_reading_rule` blanks it out, keeping every offset, so the list reads as a plain one.
"""

from __future__ import annotations

import re

_RULE_RE = re.compile(
    r"[,;、]\s*(?:排名|排在|排序|排|列|名列)?(?:第一(?:位|个|名)?|首位)(?:的)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)"
    r"(?:[,;、]\s*(?:其他|其余|其它)(?:的)?(?:单位|部门)?(?:为|是)(?:配合|参与|协办|责任)(?:单位|部门))?"
    r"(?:[,;、]?\s*(?:以下同|下同))?"
    # It closes the bracket, or the bracket's first sentence when a carry sentence follows it
    # (`…,列第一位的为牵头单位,下同。以下均需A落实,不再列出)`).
    r"(?=\s*(?:[)\]〕]|。\s*以下(?:[^()\[\]〔〕。]|\([^()。]{1,10}\)){2,60}?不再(?:逐条|单独|一一|重复)?列出[。]?\s*[)\]〕]))"
)


def without_reading_rule(norm: str) -> str:
    """`norm` with each list's closing reading rule replaced by spaces (same length)."""
    return _RULE_RE.sub(lambda m: " " * len(m.group()), norm)
