"""The parties a notice's requirement charges in its later sentences beside its addressees: the local governments
where the work lies, and the press it names.

A city's notice on its 民生实事 (or any works programme) charges its addressees first (`各相关单位要…`) and then, in a
later sentence, the others the work needs, each as the subject of `要` (round 101):

- `涉及…手续办理、资金保障等事项,相关部门和辖区政府要密切配合`: after the matters it concerns, the departments concerned
  (vague, `相关部门`, no one) and `辖区政府`, the governments of the districts where each project lies: one addressee,
  as `属地政府` is (the place's governments taken together);
- `信阳日报社、信阳广播电视台等媒体要加强宣传引导`: the papers and stations named, closed by `等媒体` (no part of a name).

Both help (a later sentence's subject, as `subject_sentences.later_subjects` reads). A sentence whose subject is only
vague (`相关部门要…`) or names no body (`广大群众要…`) charges no one.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .role_sentences import CHARGING_YAO, reads_as_units
from .unit_names import TRIM, VAGUE_RE

_LATER_RE = lazy_compile(
    r"(?:(?:涉及|对|针对|凡)[^。;,\n]{2,40}?(?:事项|问题|工作|项目),)?"
    rf"(?P<names>[\u4e00-\u9fff()、]{{2,60}}?)(?:等(?:新闻)?媒体|等(?:有关|相关)?(?:单位|部门))?{CHARGING_YAO}"
)
_JOIN_RE = lazy_compile(r"和|、|及|与")
# The governments of the places where the work lies, taken together: one addressee.
_LOCAL_GOVERNMENTS_RE = lazy_compile(r"^(?:辖区|属地|所在地)(?:人民)?政府$")


def later_party(norm: str, at: int) -> list[tuple[int, int]]:
    """The spans of the parties a sentence opening at `at` charges (`相关部门和辖区政府要…`: 辖区政府;
    `A日报社、B广播电视台等媒体要…`: both), or none."""
    m = _LATER_RE.match(norm, at)
    if m is None:
        return []
    found, s = [], m.start("names")
    for join in [*_JOIN_RE.finditer(norm, s, m.end("names")), None]:
        e = join.start() if join is not None else m.end("names")
        name = norm[s:e].strip(TRIM)
        if VAGUE_RE.fullmatch(name):
            pass  # `相关部门`: the departments concerned, no one
        elif _LOCAL_GOVERNMENTS_RE.match(name) or reads_as_units(name):
            found.append((s, e))
        else:
            return []
        s = join.end() if join is not None else e
    return found
