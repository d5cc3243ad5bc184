"""A town's report of the measures it takes, counted in its title and numbered inline (round 152).

A 镇 reports on its page how it prepares a season's work, its title counting the measures (`常坟镇三举措强化防汛备汛
工作`, `某镇四项措施…`) and each measure a paragraph opening `一是…`, `二是…`. As a town's meeting report's points are
(README rounds 136/139), each measure that charges someone is a clause, charged by the subjects of its sentences: the
town's villages (`各村按照…进行筹集,其中各村要…`, `各村成立…抢险队`; one addressee, round 139) and its own offices
framed `由X组织…` (`由镇人武部组织做好…`), the first named leading and the others helping. A measure only reporting what
the town set up (`我镇成立了…指挥部`) charges no one and is no clause (round 89's work done). A measure with numbered
duties below it whose own sentences charge is a clause beside them (round 142).

`MEASURES` joins the kinds of the document (`notice_kinds`) where the title so counts; outside such a report the same
sentences are other readers' (a plan's `各村要…` is an opening subject already). Near cases: a title naming a
measure without a count (`某镇强化防汛措施`), a county's (`某县三举措…`, no township), `各村民` (villagers, no one).
"""

from __future__ import annotations

from collections.abc import Iterable

from .group_openings import government_group
from .lazy_patterns import lazy_compile
from .measure_subjects import own_subjects
from .responsibility import Responsibility
from .role_sentences import reads_as_units
from .textutil import cn_to_int, normalise
from .unit_colon_items import office_names
from .unit_labels import CO, LISTED

MEASURES = "measures"

# The township's name may be gone where a sharing site copied the headline alone (`五项举措齐头并进,…`): the count then
# opens the title.
_TITLE_RE = lazy_compile(
    r"^(?:[\u4e00-\u9fff]{1,4}?(?:(?<![城乡])镇|街道|(?<!城)乡(?![村镇])))?"
    r"(?P<count>[一二三四五六七八九十两]|多)(?:项|个)?(?:举措|措施|招|措并举)",
    needs="举措|措施|招|措",
)
# A part of a sentence: its start, after a comma or a sentence end, a joining word perhaps before its subject.
_PART_RE = lazy_compile(r"(?:^|[,;。:])\s*(?:[一二三四五六七八九十]是)?(?:其中|同时|并且?|另外)?\s*")
_FRAMED_RE = lazy_compile(r"由(?P<names>[\u4e00-\u9fff]{2,12}?)(?:组织|负责|牵头)")


def counted_measures(title: str) -> int | None:
    """How many measures a township's report title counts (`常坟镇三举措…`: 3); None for no such title or `多`."""
    m = _TITLE_RE.match(normalise(title).strip())
    return None if m is None else cn_to_int(m["count"].replace("两", "二"))


def measure_report_kind(lines: Iterable[tuple[int, str]]) -> frozenset[str]:
    """`{MEASURES}` where a title among `lines` opens with a township and counts its measures."""
    for _, line in lines:
        if _TITLE_RE.match(normalise(line).strip()):
            return frozenset({MEASURES})
    return frozenset()


def measure_charge(text: str, norm: str, groups: frozenset[str]) -> Responsibility | None:
    """The town's villages and offices a measure's sentences charge; None outside such a report or naming none."""
    if MEASURES not in groups:
        return None
    found = Responsibility(origin="正文开头")
    named: list[tuple[int, str]] = []
    for part in _PART_RE.finditer(norm):
        if (name := _town_group(norm, part.end())) is not None:
            named.append((part.end(), text[part.end() : part.end() + len(name)]))
        named += own_subjects(text, norm, part.end())
        framed = _FRAMED_RE.match(norm, part.end())
        if framed is not None and (reads_as_units(framed["names"]) or office_names(framed["names"])):
            named.append((framed.start("names"), text[framed.start("names") : framed.end("names")]))
    for _, name in sorted(named):
        if name not in found.roles[LISTED] + found.roles[CO]:
            found.roles[CO if found.roles[LISTED] else LISTED].append(name)
    return found if found.roles[LISTED] else None


_JOINED_LEVEL_RE = lazy_compile(r"、(社区|居委会|村委会|村民委员会|居民委员会|站所)", needs="、")


def _town_group(norm: str, start: int) -> str | None:
    """The town's group opening the part at `start`, its longest written name (`各村委会` before `各村`), acting (not
    `各村的…`, `各村民`)."""
    if not norm.startswith("各", start):
        return None
    for end in range(min(len(norm), start + 10), start + 1, -1):
        if not government_group(norm[start:end]):
            continue
        # One 各 over levels joined by 、 (`各村、社区在…`) is one addressee (README round 140).
        if (joined := _JOINED_LEVEL_RE.match(norm, end)) is not None and government_group("各" + joined[1]):
            end = joined.end()
        if norm[end : end + 1] not in ("的", "和", "与", "、", "民", ""):
            return norm[start:end]
    return None


def charges_own_measure(own_text: str, kinds: frozenset[str]) -> bool:
    """Whether a measure with numbered duties below it charges in its own sentences: a clause beside them."""
    norm = normalise(own_text)
    return measure_charge(own_text, norm, kinds) is not None
