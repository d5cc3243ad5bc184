"""A notice's requirement that names the discipline body holding the work to account: `县纪委监委将严肃追责问责`.

A county's covering notice issuing a plan closes its requirements with the accountability that backs them up
(`三、严肃追责问责。对项目推进工作不力、进度缓慢、工作失职影响项目实施的,县纪委监委将严肃追责问责。`). The subject is
the level's discipline-inspection body (`县纪委监委`, `市纪委`, `区纪检监察机关`), and what it commits to (`将`, as the
issuing government's `市政府将…列入年度考核` does, round 101) is its part of the work: the requirement is a clause and
the body leads it (round 108, as 信阳's `市政府将…` and round 101's `区绩效考评机构要…`). The subject opens the item
(after its title, `role_sentences.opening_starts`), possibly after the cases it covers (`对…的,`).

Near cases that charge no one: no body named (`对…的,将严肃追责问责`, `依规依纪严肃问责`), the body as the one the cases
go to (`移交县纪委监委严肃追责问责`), the body deep in an item that opens with another subject; a plan's 保障措施 item
stays no clause as any of its items does (`clauses`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .role_sentences import opening_starts
from .unit_labels import LEAD

# `对项目推进工作不力、进度缓慢…的,`: the cases the accountability covers, before its subject.
_CASES_RE = lazy_compile(r"对[^。;:\n]{2,80}?的,")
# The level's discipline-inspection body, then its commitment: `县纪委监委将`, `市纪委要`, `区纪检监察机关负责`.
_BODY_RE = lazy_compile(
    r"(?P<name>(?:[\u4e00-\u9fff]{1,8}?[省市县区州旗盟镇乡]|[省市县区州旗盟镇乡])"
    r"(?:纪委监委|纪委|监委|纪工委|纪检监察(?:机关|工委|组)))"
    # Round 185: a township plan's discipline body holding named cases to account with no `将`/`要`
    # (`乡纪委对…工作不力的部门和村有关责任进行约谈问责`): the accountability verb closes the same sentence.
    r"(?:将|要(?![求点])|负责|(?=对[^。;:\n]{2,60}?(?:进行|予以|实施)?(?:约谈问责|约谈|追责问责|问责|追责)))"
)


def discipline_charge(text: str, norm: str) -> Responsibility | None:
    """`…。对…的,县纪委监委将严肃追责问责`: the discipline body opening the item as its subject leads it, or None."""
    for start in opening_starts(norm):
        cases = _CASES_RE.match(norm, start)
        for at in (start, cases.end()) if cases else (start,):
            if (m := _BODY_RE.match(norm, at)) is not None:
                found = Responsibility(origin="正文开头")
                found.roles[LEAD] = [text[m.start("name") : m.end("name")]]
                return found
    return None
