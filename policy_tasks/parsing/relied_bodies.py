"""The bodies a meeting speaker's point puts to work outside a `要` subject: joined, and relied on (round 166).

A county's report of a discussion meeting gives its chair's points numbered inline (`朱小良强调讲话:一是…`, read by
`named_speakers`), and a point may charge bodies in two more ways than a subject with `要`:

    四是加强领导,强化代办督导检查。县行革办将联合政府督查室、县监察委、县政务中心对各部门、各镇(街)代办工作进行定期检查,…
    二是认真部署,扎实做好全县代办工作。…,镇(街)代办依托各镇街便民服务中心做好代办工作。

- a body that will do the work together with others (`X将联合A、B、C对…进行…`, `X将会同A…`): X leads, the bodies it joins
  help in order, as round 108's `会同` does;
- the work of a level done through its bodies under one 各 (`依托各镇街便民服务中心做好…`): that group does it and leads,
  one addressee. A platform the work relies on (`依托县政务中心平台`, no verb of doing after it) is no unit.

Near cases that stay as they were: `联合执法` (no bodies after it), `依托…平台,` (a platform), a subject with `要` (read
by `minute_subjects`), bodies that are not units (`联合各方力量`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .role_sentences import reads_as_units
from .textutil import normalise
from .unit_colon_items import office_names
from .unit_labels import CO, LISTED
from .unit_lists import split_names

_JOINED_RE = lazy_compile(
    r"(?:^|[,;。:])\s*(?P<lead>[\u4e00-\u9fff()]{2,15}?)将?(?:联合|会同)"
    r"(?P<co>[\u4e00-\u9fff()、]{2,60}?)(?=对|开展|进行|共同|一起)",
    needs="联合|会同",
)
_RELIED_RE = lazy_compile(
    r"依托(?P<names>各[\u4e00-\u9fff()]{2,20}?(?:中心|站|所|办|室))(?=做好|开展|落实|完成|办理|负责)", needs="依托"
)


def _body(name: str) -> bool:
    """A unit's name (`县行革办`) or an office's (`政府督查室`)."""
    return reads_as_units(name) or office_names(name)


def relied_charge(text: str) -> Responsibility | None:
    """The bodies a point joins (`X将联合A、B对…`) or relies on (`依托各…中心做好…`), the first leading; None where none."""
    norm = normalise(text)
    if len(norm) != len(text):
        return None
    found = Responsibility(origin="纪要正文")
    for m in _JOINED_RE.finditer(norm):
        helpers = split_names(text, norm, m.start("co"), m.end("co"))
        if not _body(m["lead"]) or not helpers or not all(_body(normalise(h)) for h in helpers):
            continue
        if not found.roles[LISTED]:
            found.roles[LISTED].append(text[m.start("lead") : m.end("lead")])
        found.roles[CO] += [h for h in helpers if h not in found.roles[LISTED] + found.roles[CO]]
    for m in _RELIED_RE.finditer(norm):
        name = text[m.start("names") : m.end("names")]
        if name not in found.roles[LISTED] + found.roles[CO]:
            found.roles[LISTED if not found.roles[LISTED] else CO].append(name)
    return found if found.roles[LISTED] else None
