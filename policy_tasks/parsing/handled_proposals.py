"""A 督查通报's proposal line naming the unit that handles it: `1.农业和科技委员会承办的“关于…的建议”(第1号)`.

A 督查室's bulletin on how the departments handle the deputies' proposals (人大建议, 政协提案) lists each proposal on
a numbered line of its own, the handling unit written as the proposal's attribute (`X承办的“关于…的建议”`, also
`由X承办的`, `X负责办理的`, `X办理的`), with its 办理情况 paragraph below. No bracket, label or verb charges the unit:
it is the line's unit, as `A负责的…项目` names the unit of a 督办 list's project (round 82, `charged_projects`) and a
fee's holder names the allocation line's (`fee_holders`); it answers for the proposal alone, so it leads (round 111).

Only a line opening with the unit's name right before `承办的` (or `办理的`) and a quoted title: a group (`各部门承办的
“…”`), a person, and a sentence that only mentions a handled proposal (`…对承办的“…”进行督查`) name no one here.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .opening_names import opening_lead
from .responsibility import Responsibility

_HANDLER_RE = lazy_compile(
    r"由?(?P<names>[\u4e00-\u9fff()、]{2,30}?)(?:牵头|负责)?(?:承办|办理)的[“\"《]", needs="承办的|办理的"
)


def proposal_handler(text: str) -> Responsibility | None:
    """The unit handling the proposal a bulletin's line opens with (see above), leading; None for any other line."""
    return opening_lead(text, _HANDLER_RE)
