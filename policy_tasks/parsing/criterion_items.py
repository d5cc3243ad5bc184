"""An item that only states what does not qualify (`属于…可以解决…的问题,不列为建议提案素材。`) charges no one.

A notice collecting material or applications sets its criteria as numbered items beside the requirements that charge
its addressees: `(一)各乡镇、各部门要高度重视,…收集整理…素材。` then `(二)属于州县级层面可以解决…的问题,不列为建议提案素材。`
(舟曲 2024, round 142). The second is a rule of admission, a case and what is not done with it, with no body to do
anything: no clause, though its sibling is one (a silent sibling of a charged requirement is otherwise read as a
measure that forgot its unit).

Near cases that stay clauses: an item that charges someone with the case (`对…的,县纪委监委将严肃追责问责`, round 108),
an item of several sentences whose rule is one among duties (`…要认真研读…。对不属于本单位职责范围的建议,必须在…内退回`),
and a requirement naming its doer before the case (`各单位对…的问题,不得…`).
"""

from __future__ import annotations

from .admission_rules import rules_only
from .lazy_patterns import lazy_compile
from .textutil import normalise

# The case (`属于…的问题`, `凡…的`, `对…的事项`), then what is not done with it (`不列为`, `不纳入`, `不予受理`), as one sentence.
_CRITERION_RE = lazy_compile(
    r"^(?:属于|凡是|凡|对于|对)[^。;:]{4,80}?的(?:问题|事项|项目|内容|建议|提案|情形|情况)?,"
    r"(?:一律|原则上|均|则|也)?不(?:列为|列入|纳入|作为|予|再|得列为|得列入|得纳入)[^。;]{0,30}。?$",
    needs="不",
)


def criterion_only(own_text: str) -> bool:
    """Whether an item's own text is nothing but a criterion of what does not qualify (see the module), or several
    rules of admission (`admission_rules`, round 160)."""
    return _CRITERION_RE.match(normalise(own_text).strip()) is not None or rules_only(own_text)
