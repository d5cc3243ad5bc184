"""A year an assessment's rules name their work by: the year assessed, and the records a step reads.

An office's rules for the year's assessment (`XX市2023年度林长制考核实施细则`) write each step of its 考核程序 with the
year it assesses and the records it goes by (round 119):

    (一)县级自查。各县(市、区)林长办组织开展2023年度全面推行林长制考核自查工作,…,于9月底…一并报市林长办。
    (三)现场核实。市林长办根据材料审核情况和2023年督查工作情况,组织…在10月12日前完成…

`2023年度…考核自查工作` is the self-check of the 2023 assessment, named by the year assessed as a meeting is by its year
(`held_events`); `根据…2023年督查工作情况` is the record the step goes by, a report of work done. Neither is a deadline:
the step dates itself (`于9月底`, `10月12日前`). A year with a point in it still dates (`2023年9月底前开展自查`), and
so does work on the year's assessment itself (`完成2024年度考核`, `held_events`). A copy that keeps a PDF's lines may
break either name (`开展2023年度\n全面推行…自查工作`): a line break inside it is no end of it.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

_YEAR = r"(?:(?:19|20)\d{2}年|今年|本年|当年)度?(?![底末内前初中上下半1-9一二三四]|全年)"
# `开展2023年度全面推行林长制考核自查工作`: the self-check (自评) of the year's assessment.
_SELF_CHECK_RE = lazy_compile(
    r"开展(?P<name>" + _YEAR + r"[\u4e00-\u9fff\n]{0,20}?(?:考核|考评|评估|评价)?(?:自查|自评)(?:工作)?)",
    needs="自查|自评",
)
# `根据材料审核情况和2023年督查工作情况,`: what a step goes by, up to its comma.
_BASIS_RE = lazy_compile(
    r"(?:根据|依据|结合)(?P<basis>[^,;。!?]{0,40}?(?:情况|结果|记录))(?=[,;。]|$)", needs="根据|依据|结合"
)
_YEAR_RE = lazy_compile(_YEAR)


def assessment_year_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) where a year names the year assessed or a record gone by."""
    if "年" not in norm:
        return []
    spans = [(m.start("name"), m.end("name")) for m in _SELF_CHECK_RE.finditer(norm)]
    for m in _BASIS_RE.finditer(norm):
        spans += [(y.start(), y.end()) for y in _YEAR_RE.finditer(norm, m.start("basis"), m.end("basis"))]
    return sorted(spans)
