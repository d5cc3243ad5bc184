"""A proposal notice's handling role as subject with the moment or basis of its act between it and the act.

Round 142's `proposal_roles` reads the handling role right before its charge (`各承办单位要…`, `承办单位须…`, or after
the moment it receives the proposals, `收到代表建议后要…`). A notice urging the handling on writes two more forms:

- the moment the role acts between it and its charge: `各承办单位在提交县政府办公室纸质答复函时,要将办复征询意见表一并
  提供` (`在…时`, `在…前`, `在…后`, `在…过程中`, then `要` / `须` / `应`);
- the role qualified by the proposals it handles, opening the item, then the basis or moment of its act and the act
  with no modal (a step of the procedure): `县政协委员重点提案的承办单位,在与提案人面商沟通的基础上,及时向县政府报告
  办理情况`. The qualifier is no part of the role's name (corpus README round 143, `涉及到的…`): the unit is `承办单位`,
  a clerk mapping it to the offices the key-提案 list gives.

Near cases that stay as they were: the role as an object (`督促承办单位在…时…`, `对承办单位,在…`), a role followed by a
frame and no act of its own (`承办单位在…时的答复`), and the role in a notice that hands out no proposals.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .role_groups import ROLE_WORD
from .role_sentences import opening_starts

_ROLE = rf"各?{ROLE_WORD}(?:\({ROLE_WORD}(?:、{ROLE_WORD})*\))?单位"
# The moment or basis of the act: `在…时`, `在…前/后`, `在…过程中`, `在…基础上`.
_FRAME = r"在[^。;,:\n]{2,30}?(?:时|之前|之后|前|后|过程中|期间|基础上)"
_CHARGE = r"(?:也|还|都)?(?:要(?![求点])|须|应当|应(?![急用对届收有])|必须|务必|负责)"
# `各承办单位在提交…时,要将…`: the role, its moment, then its charge.
_TIMED_RE = lazy_compile(rf"(?:^|(?<=[。;,:\s]))(?P<names>{_ROLE}){_FRAME},?{_CHARGE}", needs="单位")
# `县政协委员重点提案的承办单位,在…基础上,及时向县政府报告…`: the qualified role opening the item, then the frame and
# the act (a verb phrase, no modal needed); the qualifier names the proposals, not a body governing the role.
_QUALIFIED_RE = lazy_compile(
    rf"(?![对向由请与督促])[^。;,:\n]{{2,24}}?(?:建议|提案|议案)的(?P<names>{_ROLE}),{_FRAME},"
    r"(?:及时|认真|主动|积极|尽快|抓紧|要|须|应)?[\u4e00-\u9fff]",
    needs="单位",
)


def framed_role_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of the handling roles `norm`'s sentences charge with a frame between role and act (see the module)."""
    spans = [m.span("names") for m in _TIMED_RE.finditer(norm)]
    spans += [m.span("names") for start in opening_starts(norm) if (m := _QUALIFIED_RE.match(norm, start))]
    return spans
