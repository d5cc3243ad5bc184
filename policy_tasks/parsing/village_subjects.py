"""A town's villages written `村居` as the subject of its plan's duties (round 154).

A town's plan charges its village and residents' committees together as `村居` (`各村居`), the level below it, as a
county's plan charges `各乡镇` (round 139's `各村委会`, `各村(社区)`):

    (二)建立完善情况报送机制。村居每月向镇平安办报送专项推进情况,各村居每半个月(每个月14日、30日)前,将…报镇平安办。

The subject may come with no `要`: a duty's rhythm or time (`每月`, `每半个月`, `定期`) follows it, as a township notice's
office does (`township_subjects`). `村居` and `各村居` are one addressee, written once as first written (round 142); the
office receiving the reports (`报镇平安办`) is none (round 101). Near cases: `村居民` (residents, persons), `村居环境`
(the villages' surroundings, no subject), `村居` inside a sentence (`指导村居开展…`).

A township's measures name its villages answerable with no verb of charge at all: `各村是推进秸秆禁烧工作的责任主体,对本
辖区秸秆禁烧工作负总责` (round 171). The villages (`各村`, `各村(社区)`, `各行政村`, `各村居`) before `是…责任主体` lead; the
township itself as a later sentence's subject (`乡政府将与各村委会签订责任书`, round 101's issuer `市政府将…`) helps. Near
cases: a body that is no village (`镇政府是…责任主体`, another reader's), `责任主体` with no subject (`明确责任主体`).
"""

from __future__ import annotations

from .answerable_posts import answerable_posts
from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .role_sentences import opening_starts
from .textutil import normalise
from .unit_labels import CO, LISTED

_VILLAGES = r"各?村居(?:委会)?"
_VILLAGE_RE = lazy_compile(rf"^{_VILLAGES}$")
# The subject, then its demand or the rhythm or time of the duty.
_SUBJECT_RE = lazy_compile(
    rf"(?P<names>{_VILLAGES})(?=要(?![求点])|须|应当?|负责(?![同人])|每(?:天|日|周|月|半个?月|季度?|年)|定期|及时|按月|按季)",
    needs="村居",
)
_PART_RE = lazy_compile(r"[,。;\n]\s*")
# `各村是…的责任主体`: the villages made answerable, no `要`; a 责任体系 line writes `为` for `是` (`各村(社区)为责任主体`,
# round 185).
_ANSWERABLE_RE = lazy_compile(
    r"(?P<names>各(?:行政)?村(?:居|\(社区\))?|各社区)(?:都|均)?(?:是|为)[^。;]{0,30}?责任主体", needs="责任主体"
)
# `乡政府将与各村委会签订责任书`: the township's own part, a later sentence's subject.
_TOWNSHIP_RE = lazy_compile(
    r"(?P<name>[乡镇](?:人民)?政府|[乡镇]党委(?:、[乡镇]?政府)?)(?:将|要(?![求点])|负责)", needs="政府|党委"
)


def village_group(name: str) -> bool:
    """Whether `name` is a town's villages written `村居` (`各村居`)."""
    return bool(_VILLAGE_RE.match(normalise(name).strip()))


def village_charge(text: str, norm: str) -> Responsibility | None:
    """The villages opening an item's sentence or part with a duty (`村居每月向…报送`), one addressee; None where none."""
    starts = sorted({*opening_starts(norm), *(m.end() for m in _PART_RE.finditer(norm))})
    for start in starts:
        if (m := _ANSWERABLE_RE.match(norm, start)) is not None:
            found = Responsibility(origin="正文开头")
            found.roles[LISTED] = [text[m.start("names") : m.end("names")]]
            found.leaders += answerable_posts(text, norm, m.end())  # `,两委主干为第一责任人` (round 185)
            for later in (k for k in starts if k > m.end()):
                if (own := _TOWNSHIP_RE.match(norm, later)) is not None:
                    found.roles[CO].append(text[own.start("name") : own.end("name")])
                    break
            return found
        if (m := _SUBJECT_RE.match(norm, start)) is not None:
            found = Responsibility(origin="正文开头")
            found.roles[LISTED] = [text[m.start("names") : m.end("names")]]
            return found
    return None
