"""A government's leaders charged by their division of work: `市政府领导按职责分工负责,及时协调和督导推动。`

A city's notice opens its first requirement with the government's own leaders (round 101): `一、高度重视,强化领导。
市政府领导按职责分工负责,及时协调和督导推动。各相关单位要…`. The leaders are persons by post, the item's leaders and no
unit (`notice_issuers.answerable_leaders`), and their sentence charges no unit: the item's subject opens the sentence
after it, as it opens after the item's basis (`role_sentences.opening_starts`). Only the leaders of a level's party
committee or government (`市政府领导`, `县领导`, `市委主要领导`) before `按(职责)分工负责` (`抓落实`, `牵头`, `推进`).
A post that is itself the division, `县政府分线领导` (the county's leaders each over a line of work; `分管领导`), reads the
same as its sentence's subject, charged with `要` (`县政府分线领导对领办的…任务要牵头抓总`, round 106); a bare `分管领导要…`
names no level's leaders and stays no one, and such a post receiving the work (`报县政府分管领导审查`) is no subject.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile

_DIVISION_RE = lazy_compile(
    r"(?P<who>[省市县区州盟旗](?:委|政府|人民政府)?(?:主要|分管|有关|相关)?(?:领导|负责同志))"
    r"要?按(?:照)?(?:职责)?分工(?:负责|抓落实|牵头|推进)"
)
# `县政府分线领导对领办的…任务要牵头抓总`, `县政府分线领导要站在全局高度`: a post that names the division itself (each
# leader over a line of work, `分线`, or the work in his charge, `分管`), charged as the subject (round 106).
# Such a post with a duty at fixed times of its own, `市政府分管领导每两月对分管条线的目标任务组织一次过堂检查` (round 149),
# is the subject as well. So is the level's leaders each over tasks of the breakdown (`各县级包抓领导要抓好统筹协调`,
# round 150): a breakdown's `包抓领导` column names them (round 74), its notice charges them by that post.
_POST_RE = lazy_compile(
    r"(?P<who>各?[省市县区州盟旗](?:委|政府|人民政府|级)?(?:分线|分管|包抓)(?:领导|负责同志))"
    r"(?:(?:对[^。;,\n]{1,30}?)?要(?![求点])|每(?:[一二两三四五六半]?个?)(?:月|季度|周|年)(?:至少)?(?:对|组织|开展|召开|进行))"
)
_SENTENCE_END_RE = re.compile(r"[。;]\s*")


def division_leader(norm: str, at: int) -> re.Match[str] | None:
    """The leaders' division sentence opening at `at` (its `who` group), or None."""
    return _DIVISION_RE.match(norm, at) or _POST_RE.match(norm, at)


def after_division(norm: str, at: int) -> int | None:
    """Where the sentence after a leaders' division sentence opening at `at` starts, or None."""
    if division_leader(norm, at) is None or (end := _SENTENCE_END_RE.search(norm, at)) is None:
        return None
    return end.end()
