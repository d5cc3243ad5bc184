"""The period a benefit applies is no deadline of the units' work.

A measure that lowers a rate or grants relief says how long the policy runs: `实施期限至2021年12月31日`,
`原阶段性下调工伤保险费率政策实施至2021年4月30日`, `实施期限延长至2022年4月30日`, `政策延续执行至2027年底`,
`有效期至2025年12月31日`. The date there ends the benefit, not a task: the units have nothing to finish
by it (the corpus README: no milestone). A date is such only right after a verb of a policy's running
(实施, 执行, 施行, 有效) with its `期限` / `期` and `延长` / `延续`, then `至` / `到`.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

_PERIOD_RE = lazy_compile(r"(?:实施|执行|施行|有效)(?:期限?|期间)?(?:延长|延续)?(?:至|到)(?P<date>[^,;。!?\n]{1,40})")


def benefit_period_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) holding the date a benefit runs to."""
    if "至" not in norm and "到" not in norm:
        return []
    return [(m.start("date"), m.end("date")) for m in _PERIOD_RE.finditer(norm)]
