"""An item that opens with who answers for it: `由A负责,B、C配合,<task>`.

Fujian's yearly 治理“餐桌污染”建设“食品放心工程” plans, and the city plans that carry them out,
open each measure with its responsibility as a sentence instead of closing it with a bracket: a
part `A负责` or `由A负责` (A answers for the measure, the first listed leading), then parts naming
the units that help, `B、C配合` (also `协助`, `参与`, `协办`), then the task. So:

- the helping parts right after an opening `A负责,` (or `A负责督促指导,`: the lead oversees the others' work)
  are the item's co units, two help verbs joined too (`包保单位配合、支持`), and so are the units of a
  supporting part (`B做好资金保障`, `B给予支持`, `supporting_parts`); the run stops at the first part that is
  no such list (the task);
- a later sentence of such an item that opens the same way with a unit of its own
  (`…的行为。市供销社负责做好…`, `…抽检工作。市卫生局负责,开展…`) assigns that sentence, not the
  item: the item holds one clause per such sentence (`(四)-1`, `(四)-2`), as an item that gives
  each sentence a bracket of its own does. Only `负责` opens such a sentence, and only in an item
  that opens with `负责` itself: `X要…` later in an item is too often a demand on someone the
  item already names, and an item charging its unit with `要` is not written this way. A `;`-separated
  part so opening is a clause too (`A、B负责…;C负责…;D要负责…`, a notice dividing the duties, round 108),
  and beside two such parts a part charging a unit not yet named with `要` (`;E等有…任务的部门要…`), unless
  it only helps (`;F要积极配合`); `;G负责的工作` is what G answers for, no charge.
- the unit the charged units hand what they cannot settle over to, to act on it (`…将屡教不改的门店报县住建局
  城建监察大队采取措施执法`, `移交A依法查处`), in the charging sentence, helps: it does the item's enforcing part.
- a unit named by its city's short name (`莆田出入境检验检疫局`, `厦门海关`: a national agency's
  local office takes its city's name without the level) names its place as a level prefix does
  (`place_names.named_by_city`).
"""

from __future__ import annotations

from .clause import Clause, cut_clause, spans_from
from .lazy_patterns import lazy_compile
from .role_sentences import charging_sentence_starts, reads_as_units
from .supporting_parts import supporting_names
from .textutil import split_top, strip_span
from .unit_names import TRIM, looks_like_units

# `A负责,`, `A负责组织实施,`, and what a lead unit does over the others' work: `A负责督促指导,`.
_AFTER_LEAD_RE = lazy_compile(r"负责(?:组织实施|组织|实施|落实|推进|(?:督促|指导|监督|督导|协调){1,2})?\s*,")
# `B配合`, and two help verbs joined (`包保单位配合、支持`, `B协助配合`): B helps.
_HELP = r"(?:配合|协助|参与|协办|支持)"
_HELP_PART_RE = lazy_compile(rf"^(?P<names>.+?)(?:积极|全力)?(?:配合|协助|参与|协办)(?:[、和与]?{_HELP})?$")
_SENTENCE_END_RE = lazy_compile(r"[。;\n]")
# `报县住建局城建监察大队采取措施执法`, `移交A依法查处`: the unit the charged ones hand the cases over to.
_HANDED_OVER_RE = lazy_compile(
    r"(?:报请|报送|报|移交|移送|交由)(?P<names>[^,。;:\n]{2,30}?)(?:采取措施|依法|查处|处置)"
)


def helping_spans(norm: str, subject_end: int) -> list[tuple[int, int]]:
    """The spans of the units that help (`B、C配合`) in the parts right after an opening subject
    that ends at `subject_end` with `负责,`, and of those its sentence hands cases over to (`报A采取措施`);
    empty when there are none."""
    m = _AFTER_LEAD_RE.match(norm, subject_end)
    if m is None:
        return _handed_over(norm, subject_end)
    stop = _SENTENCE_END_RE.search(norm, m.end())
    spans = []
    for s, e in split_top(norm, ",", m.end(), stop.start() if stop else len(norm)):
        s, e = strip_span(norm, s, e, TRIM)
        part = _HELP_PART_RE.match(norm[s:e])
        if part is not None and looks_like_units(part["names"].strip(TRIM)):
            spans.append((s + part.start("names"), s + part.end("names")))
        elif support := supporting_names(norm[s:e]):
            spans.append((s + support[0], s + support[1]))  # `B做好资金保障`: B does a supporting part
        else:
            break
    return spans + _handed_over(norm, subject_end)


def _handed_over(norm: str, subject_end: int) -> list[tuple[int, int]]:
    """The spans of the units the charging sentence hands its cases over to (`报A采取措施执法`)."""
    stop = _SENTENCE_END_RE.search(norm, subject_end)
    end = stop.start() if stop else len(norm)
    return [m.span("names") for m in _HANDED_OVER_RE.finditer(norm, subject_end, end) if reads_as_units(m["names"])]


def split_at_charging_sentences(clause: Clause) -> list[Clause]:
    """The clause (`clause.Clause`) as one clause per sentence that opens with a unit and
    `负责`, when its text opens so and names no responsibility otherwise; else as it is."""
    starts = charging_sentence_starts(clause.text)
    if len(starts) < 2:
        return [clause]
    return cut_clause(clause, spans_from([0, *starts[1:]], len(clause.text)), lines_in_part=True)
