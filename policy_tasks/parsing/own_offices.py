"""A county's or a city's own departments written with no place before them, in its own notice.

A county's notice names its bureaus by their body's own name, the place being the notice's (`公安局交警大队要牵头制定
我县工作方案`, `住建局、交通运输局要…`), as a 镇's minute names its offices (`党政办`, `财政所`, `unit_colon_items`). A
name is such where each of its parts is a sector's government body: a 局, 委 or a police or fire brigade (大队,
支队, 中队), with words before the suffix (`公安局`, `交通运输局`, `发改委`); not a demonstrative or a group (`该局`,
`各局`, `本委`). A 镇's offices (`党政办`, `财政所`) name their place only in a minute's sentences (round 89): outside
one, `党政办负责…` charges no one, as before.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .textutil import normalise

_BODY_RE = lazy_compile(
    r"(?![该本此其各全有相我贵])[\u4e00-\u9fff]{2,10}?(?:局|委|大队|支队|中队)(?:[\u4e00-\u9fff]{2,8}?(?:大队|支队|中队|科|股))?"
)


def own_offices(names: str) -> bool:
    """Whether every `、` part of `names` is a department written without its place (`公安局交警大队`)."""
    parts = normalise(names).replace(" ", "").split("、")
    return all(_BODY_RE.fullmatch(p) for p in parts)
