"""An item that only states what does not qualify (`属于…可以解决…的问题,不列为建议提案素材。`) charges no one.

A notice collecting material or applications sets its criteria as numbered items beside the requirements that charge
its addressees: `(一)各乡镇、各部门要高度重视,…收集整理…素材。` then `(二)属于州县级层面可以解决…的问题,不列为建议提案素材。`
(舟曲 2024, round 142). The second is a rule of admission, a case and what is not done with it, with no body to do
anything: no clause, though its sibling is one (a silent sibling of a charged requirement is otherwise read as a
measure that forgot its unit).

Near cases that stay clauses: an item that charges someone with the case (`对…的,县纪委监委将严肃追责问责`, round 108),
an item of several sentences whose rule is one among duties (`…要认真研读…。对不属于本单位职责范围的建议,必须在…内退回`),
and a requirement naming its doer before the case (`各单位对…的问题,不得…`).

So is a penalty term, the sanction a case brings with no body named to impose it (a 目标责任书's `四、严格责任追究,在辖区内
发现焚烧秸秆的,对村主要责任人进行诫勉谈话;对…控制不力,造成较大损失的给予村主要负责人相应的党纪政纪处分。`, round 171):
the book's holder answers for the targets, not for its own sanction. Near cases that stay clauses: a body named to impose
it (`…的,县纪委监委将严肃追责问责`, round 108), a duty beside the sanction (`要建立责任追究制度,…`).
"""

from __future__ import annotations

import re

from .admission_rules import rules_only
from .lazy_patterns import lazy_compile
from .textutil import normalise

# The case (`属于…的问题`, `凡…的`, `对…的事项`), then what is not done with it (`不列为`, `不纳入`, `不予受理`), as one sentence.
_CRITERION_RE = lazy_compile(
    r"^(?:属于|凡是|凡|对于|对)[^。;:]{4,80}?的(?:问题|事项|项目|内容|建议|提案|情形|情况)?,"
    r"(?:一律|原则上|均|则|也)?不(?:列为|列入|纳入|作为|予|再|得列为|得列入|得纳入)[^。;]{0,30}。?$",
    needs="不",
)

# A sanction term: an optional heading (`严格责任追究,`), then cases each closed by the sanction they bring, no body.
_SANCTION_HEAD_RE = lazy_compile(r"^(?:严格|严肃|强化|落实)?(?:责任追究|追责问责|责任倒查)[,。;]?", needs="追|倒查")
_SANCTION_RE = lazy_compile(
    r"^[^。;]{2,60}?的,?(?:对[^。;,]{1,20}?)?(?:进行|予以|给予|一律)?[^。;,]{0,20}?"
    r"(?:诫勉谈话|处分|问责|通报批评|追究[^。;,]{0,10}责任)$",
    needs="诫勉|处分|问责|通报|追究",
)
_BOOK_END_RE = re.compile(r"(?<=[。;\n])\s*本(?:目标)?(?:管理)?(?:责任书|责任状|协议书|协议|承诺书)")
# A body named to impose the sanction, or a duty, makes the item a clause.
# (`主要负责人`, `主要责任人` are the persons sanctioned.)
_DOER_RE = lazy_compile(r"由|将|(?<!主)要(?!员)|负责(?!人)|纪委|监委")


def sanction_only(own_text: str) -> bool:
    """Whether an item's own text is nothing but the sanctions its cases bring, no body named to impose them."""
    norm = normalise(own_text)
    # The book's closing (`本责任书一式两份,自签订之日起生效。`) and its signatures run on below its last item.
    norm = _BOOK_END_RE.split(norm, maxsplit=1)[0].strip()
    if (head := _SANCTION_HEAD_RE.match(norm)) is not None:
        norm = norm[head.end() :]
    sentences = [p.strip() for p in re.split(r"[。;]", norm) if p.strip()]
    return (
        head is not None
        and bool(sentences)
        and not _DOER_RE.search(norm)
        and all(_SANCTION_RE.match(p) is not None for p in sentences)
    )


def criterion_only(own_text: str) -> bool:
    """Whether an item's own text is nothing but a criterion of what does not qualify (see the module), or several
    rules of admission (`admission_rules`, round 160)."""
    return (
        _CRITERION_RE.match(normalise(own_text).strip()) is not None or rules_only(own_text) or sanction_only(own_text)
    )
