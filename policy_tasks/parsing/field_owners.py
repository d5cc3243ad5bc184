"""A plan's working group split by field names, once, the offices answering for every field's action.

A 行动方案 that sets up a 工作专班 divides it into 专项工作组 by field and says once, before its actions, who answers
for each field (成都's 设备更新 plan, round 153):

    工作专班下设专项工作组,由分管副市长牵头分管领域推动…工作;市政府有关部门为责任单位,具体牵头负责各领域推动…工作。

The part `X为责任单位,(具体)(牵头)负责各领域…` states the list's units as a 责任清单's opening sentence does
(`list_owners`): an action that names no unit of its own is X's, X leading (README round 72, a unit stated once for the
whole list); an action with its own `责任单位:` line keeps it. X is a level's departments (`市政府有关部门`, one addressee,
round 90) or bodies named as such; a bare `有关部门` names no one. The leaders the same sentence names by post
(`分管副市长`) are stated once for the list and are carried to no action (round 93). Near cases read otherwise: a note on
reading roles (`列在第一位的责任单位为牵头单位`: no `为责任单位` after names), `X为责任主体` (a level's duty in
principle, no list's owner), and `X为责任单位` with no `各领域` / `各专项` after it (one task's unit, read where it is).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .leader_orders import stated_units
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED
from .unit_lists import split_names
from .unit_names import PLACE_FIRST_RE, VAGUE_RE, looks_like_units

_ORIGIN = "专项工作组说明"
# `;市政府有关部门为责任单位,具体牵头负责各领域…`: the part's names, then the list-wide remit over each field.
_STATED_RE = lazy_compile(
    r"(?:^|[,;:。])(?P<names>[\u4e00-\u9fff()、]{2,30}?)为(?:责任单位|责任部门)[,]?"
    r"(?:具体|分别)?(?:牵头)?负责各(?:领域|专项|行业|方面)",
    needs="为责任单位|为责任部门",
)


def _names_units(names: str) -> bool:
    """`市政府有关部门`, `市发改委、市经信局`: bodies with their place first; a bare `有关部门` is no one."""
    return bool(looks_like_units(names) and PLACE_FIRST_RE.match(names) and not VAGUE_RE.fullmatch(names))


def field_owner(header: list[tuple[int, str]]) -> tuple[Responsibility, str] | None:
    """The units the header states once as answering for every field's action, with where they were read, or None."""
    for _, text in reversed(header):
        norm = normalise(text)
        for m in _STATED_RE.finditer(norm):
            if not _names_units(m["names"]):
                continue
            found = Responsibility(origin=_ORIGIN)
            found.roles[LISTED] = split_names(text, norm, m.start("names"), m.end("names"))
            if found.found:
                return found, _ORIGIN
    return None


def stated_owner(header: list[tuple[int, str]]) -> tuple[Responsibility, str] | None:
    """The units stated once for a whole list: those carrying out the orders leaders 领办 (`leader_orders`), else
    those answering for every field (`field_owner`)."""
    return stated_units(header) or field_owner(header)
