"""A requirement's sentence setting out the mechanism it builds, with no subject, before the sentence naming who acts.

A notice's numbered requirement often opens, after its title sentence, with the mechanism the work is to build, written
as the plan's own aim with no subject (`(一)强化属地管理责任。构建由政府统筹、多部门协同联动的领导工作机制,切实建立起…的
联防联控机制。县(市、区)人民政府要加强…`); the body charged is the subject of the sentence after it, as round 148's
subject-less `要加大…` demands come before it. Told by its opening verb of building (`构建`, `建立`, `健全`, `完善`) and a
mechanism, system or pattern named in it (`机制`, `体系`, `格局`, `责任制`); the sentences after such a run are where the
subject may open (round 157). A sentence opening with another verb (`加强…`), or one naming no mechanism, is no frame.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

_FRAME_RE = lazy_compile(
    r"(?:构建|建立|健全|完善)[^。;\n]*?(?:机制|体系|格局|责任制)[^。;\n]*。\s*", needs="机制|体系|格局|责任制"
)


def after_mechanism_frames(norm: str, start: int) -> int | None:
    """Where the sentence after the run of mechanism frames at `start` opens, or None where none opens there."""
    end = start
    while (m := _FRAME_RE.match(norm, end)) is not None:
        end = m.end()
    return end if start < end < len(norm) else None
