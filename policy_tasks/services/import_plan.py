"""Which clause of a new version is which task of the old one, and which milestone is which.

The one matching rule of a re-import, in pure functions over plain values: the import
(services/imports.py) writes what they decide and the preview (selectors/imports.py) shows
it, so the two cannot disagree. A clause is matched by its text and its place, never by its
number: inserting a clause renumbers everything after it, and a unit's reports must stay
with the clause they were written about.

Clauses (`plan_clauses`):
1. Texts are compared normalised: NFKC (full-width letters, digits and brackets as
   half-width) with all whitespace removed, so re-typesetting a document changes nothing.
2. Anchors: difflib.SequenceMatcher over the two sequences of normalised clause texts
   finds the runs of identical clauses in order (an inserted clause shifts nothing).
3. Each gap between anchors (the old clauses against the new ones between the same two
   anchors) is aligned in order, keeping the pairs whose similarity (SequenceMatcher ratio
   of the two texts) is at least CLAUSE_THRESHOLD and maximising their sum.
4. What is left on both sides (a clause moved elsewhere in the document, or a withdrawn
   clause that came back) is paired best first: identical text, else similarity at least
   MOVED_THRESHOLD.
5. An old clause in force that nothing matched is withdrawn; a new clause nothing matched
   is new; a matched one is unchanged when its text and its area are the same, else changed.

CLAUSE_THRESHOLD = 0.6: on the seed (柯政发〔2023〕16号), the most similar two distinct
clauses score 0.39 (two neighbouring 柯城 subsidy clauses); a clause whose target, date or
unit list was edited scores above 0.9, one with a sentence rewritten about 0.7. Below 0.6
a clause has been replaced rather than corrected: the old one is withdrawn and the new one
created, and the preview shows both, so a supervisor sees the judgment before it is made.
MOVED_THRESHOLD = 0.8 asks more of a clause that also changed place.

Milestones (`plan_milestones`) of one matched clause follow the same steps on the key
(occurrence, text), with MILESTONE_THRESHOLD = 0.6 and pairs only within one occurrence:
`全年完成投资2000万元` → `2500万元` scores 0.92 and keeps its row (and its history); two
sibling targets that differ only in their figures also score high against each other, which
is why the exact anchors and the order come first and similarity only decides what is left.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from policy_tasks.models import DONE_STATUSES, Milestone
from policy_tasks.parsing import ParsedMilestone

NEW, CHANGED, UNCHANGED, WITHDRAWN = "new", "changed", "unchanged", "withdrawn"

CLAUSE_THRESHOLD = 0.6
MOVED_THRESHOLD = 0.8
MILESTONE_THRESHOLD = 0.6
# Below this share of common character pairs a pair is not compared further (see `similarity`).
PREFILTER = 0.3


def comparable_text(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@lru_cache(maxsize=8192)
def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1)) or frozenset([text])


def similarity(a: str, b: str, at_least: float = 0.0) -> float:
    """SequenceMatcher's ratio of two normalised texts; 0 when cheaper measures already rule the
    pair out (most pairs of a large gap, as when a renamed unit changes every clause).

    The filter: the Dice coefficient of the two texts' sets of character pairs below
    PREFILTER. A corrected clause or milestone keeps most of its pairs (`新增学位1470个` →
    `1500个`: 0.63; `等4所学校` → `等5所学校`: 0.5); two different clauses of the seed share at
    most a third. Then SequenceMatcher's own upper bounds, then its ratio. With every clause of
    a 330-clause plan edited (no identical clause to anchor on) the plan takes about 2 s; with
    most clauses unchanged, milliseconds."""
    if a == b:
        return 1.0
    if at_least > 0:
        if 2 * min(len(a), len(b)) < at_least * (len(a) + len(b)):  # ratio's bound by length alone
            return 0.0
        x, y = _bigrams(a), _bigrams(b)
        if 2 * len(x & y) < PREFILTER * (len(x) + len(y)):
            return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least:
        return 0.0
    return matcher.ratio()


@dataclass(frozen=True)
class OldClause:
    """A task as the database holds it."""

    id: int
    number: int
    label: str
    text: str
    area: int | None  # the area's number
    withdrawn: bool = False


@dataclass(frozen=True)
class NewClause:
    """A parsed clause: its text and the number of the area it sits in (None: none)."""

    text: str
    area: int | None
    corrected: bool = False  # the reviewer's corrections change it even where its text does not


@dataclass(frozen=True)
class ClauseMatch:
    new_index: int
    status: str  # NEW | CHANGED | UNCHANGED
    old: OldClause | None = None
    changes: tuple[str, ...] = ()  # "text", "area", "corrections"
    similarity: float = 0.0

    @property
    def revived(self) -> bool:
        return self.old is not None and self.old.withdrawn


@dataclass
class ClausePlan:
    matches: list[ClauseMatch]  # one per new clause, in document order
    withdrawn: list[OldClause] = field(default_factory=list)  # old clauses in force nothing matched


def align(
    old: Sequence[str],
    new: Sequence[str],
    *,
    threshold: float,
    moved_threshold: float,
    late_old: Sequence[str] = (),
    compatible: Callable[[int, int], bool] | None = None,
    text_of: Callable[[str], str] = lambda key: key,
) -> dict[int, int]:
    """{new index: old index} by the steps in the module docstring. `old` and `new` are keys
    (normalised texts); `late_old` are more old keys (indexes after `old`'s) that take part
    in step 4 only; `compatible(i, j)` may forbid a pair; `text_of` gives a key's text for
    similarity."""
    ok = compatible or (lambda i, j: True)
    pairs: dict[int, int] = {}
    blocks = SequenceMatcher(None, list(old), list(new), autojunk=False).get_matching_blocks()
    prev_i = prev_j = 0
    for block in blocks:
        for k in range(block.size):
            pairs[block.b + k] = block.a + k
        _align_gap(old, new, range(prev_i, block.a), range(prev_j, block.b), threshold, ok, text_of, pairs)
        prev_i, prev_j = block.a + block.size, block.b + block.size
    # Step 4: the leftovers anywhere, identical first, then the most similar.
    every_old = [*old, *late_old]
    used = set(pairs.values())
    free_old = [i for i in range(len(every_old)) if i not in used]
    free_new = [j for j in range(len(new)) if j not in pairs]
    for j in free_new:
        same = next((i for i in free_old if every_old[i] == new[j] and ok(i, j)), None)
        if same is not None:
            pairs[j] = same
            free_old.remove(same)
    scored = sorted(
        (
            (-similarity(text_of(every_old[i]), text_of(new[j]), moved_threshold), i, j)
            for j in free_new
            if j not in pairs
            for i in free_old
            if ok(i, j)
        ),
    )
    taken: set[int] = set()
    for negative, i, j in scored:
        if -negative < moved_threshold:
            break
        if i in taken or j in pairs:
            continue
        pairs[j] = i
        taken.add(i)
    return pairs


def _align_gap(
    old: Sequence[str],
    new: Sequence[str],
    rows: range,
    cols: range,
    threshold: float,
    ok: Callable[[int, int], bool],
    text_of: Callable[[str], str],
    pairs: dict[int, int],
) -> None:
    """Order-preserving pairs between old[rows] and new[cols] with the greatest total similarity
    (each pair at least `threshold`): the classic alignment table, small since gaps are."""
    if not rows or not cols:
        return
    n, m = len(rows), len(cols)
    sim = [
        [
            s if ok(i, j) and (s := similarity(text_of(old[i]), text_of(new[j]), threshold)) >= threshold else 0.0
            for j in cols
        ]
        for i in rows
    ]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            take = best[a + 1][b + 1] + sim[a][b] if sim[a][b] else 0.0
            best[a][b] = max(best[a + 1][b], best[a][b + 1], take)
    a = b = 0
    while a < n and b < m:
        if sim[a][b] and best[a][b] == best[a + 1][b + 1] + sim[a][b]:
            pairs[cols[b]] = rows[a]
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1


def plan_clauses(old: Sequence[OldClause], new: Sequence[NewClause]) -> ClausePlan:
    """Match the new version's clauses (in document order) to the old tasks (any order; those
    in force are aligned in number order, withdrawn ones may only come back by step 4)."""
    in_force = sorted((c for c in old if not c.withdrawn), key=lambda c: c.number)
    gone = [c for c in old if c.withdrawn]
    everyone = [*in_force, *gone]
    new_keys = [comparable_text(c.text) for c in new]
    pairs = align(
        [comparable_text(c.text) for c in in_force],
        new_keys,
        threshold=CLAUSE_THRESHOLD,
        moved_threshold=MOVED_THRESHOLD,
        late_old=[comparable_text(c.text) for c in gone],
    )
    matches = []
    for j, clause in enumerate(new):
        if j not in pairs:
            matches.append(ClauseMatch(new_index=j, status=NEW))
            continue
        was = everyone[pairs[j]]
        changes = tuple(
            name
            for name, same in (
                ("text", was.text == clause.text),
                ("area", was.area == clause.area),
                ("corrections", not clause.corrected),
            )
            if not same
        )
        status = CHANGED if changes or was.withdrawn else UNCHANGED
        score = similarity(comparable_text(was.text), new_keys[j])
        matches.append(ClauseMatch(new_index=j, status=status, old=was, changes=changes, similarity=score))
    matched = {pairs[j] for j in pairs}
    return ClausePlan(matches=matches, withdrawn=[c for i, c in enumerate(in_force) if i not in matched])


@dataclass(frozen=True)
class OldMilestone:
    id: int
    text: str
    occurrence: int | None
    status: str  # Milestone.Status value
    has_history: bool  # not open, or a completion/extension request, a reported value, an urge

    @property
    def withdrawn(self) -> bool:
        return self.status == Milestone.Status.WITHDRAWN

    @property
    def closed(self) -> bool:
        return self.status == Milestone.Status.CLOSED


def withdrawn_with_clause(milestones: Sequence[OldMilestone]) -> list[OldMilestone]:
    """Of a withdrawn clause's milestones (or of a sub-task it withdraws), those withdrawn with
    it (已作废): neither closed nor withdrawn already. The closed keep their record as it is."""
    return [m for m in milestones if not m.closed and not m.withdrawn]


def sub_task_withdrawn_with_clause(status: str) -> bool:
    """Whether a sub-task (分解任务) of a withdrawn clause, in this Task status, is withdrawn with
    it: it asks for nothing once its clause is gone, unless it is closed or withdrawn already."""
    return status not in DONE_STATUSES


@dataclass(frozen=True)
class NewMilestone:
    text: str
    occurrence: int | None = None


@dataclass
class MilestonePlan:
    matches: list[OldMilestone | None]  # per new milestone: the row it keeps, or None (created)
    deleted: list[OldMilestone] = field(default_factory=list)  # gone, no history
    withdrawn: list[OldMilestone] = field(default_factory=list)  # gone, with history, not closed
    kept_closed: list[OldMilestone] = field(default_factory=list)  # gone, but done: stays closed

    @property
    def created(self) -> int:
        return sum(1 for m in self.matches if m is None)

    def updated(self, new: Sequence[NewMilestone]) -> int:
        """Kept rows whose wording changed (a target corrected) or that come back from withdrawn."""
        return sum(1 for m, n in zip(self.matches, new, strict=True) if m and (m.text != n.text or m.withdrawn))


def plan_milestones(old: Sequence[OldMilestone], new: Sequence[NewMilestone]) -> MilestonePlan:
    """Match one clause's new milestones (in text order) to its old rows (in position order)."""
    current = [m for m in old if not m.withdrawn]
    gone = [m for m in old if m.withdrawn]
    everyone = [*current, *gone]

    def key(m: OldMilestone | NewMilestone) -> str:
        # The occurrence first, so a text can only pair within the same occurrence of a series.
        return f"{m.occurrence or 0}\x00{comparable_text(m.text)}"

    def compatible(i: int, j: int) -> bool:
        return everyone[i].occurrence == new[j].occurrence

    pairs = align(
        [key(m) for m in current],
        [key(m) for m in new],
        threshold=MILESTONE_THRESHOLD,
        moved_threshold=MILESTONE_THRESHOLD,
        late_old=[key(m) for m in gone],
        compatible=compatible,
        text_of=lambda k: k.split("\x00", 1)[1],
    )
    plan = MilestonePlan(matches=[everyone[pairs[j]] if j in pairs else None for j in range(len(new))])
    matched = set(pairs.values())
    for i, m in enumerate(current):
        if i in matched:
            continue
        if not m.has_history:
            plan.deleted.append(m)
        elif m.closed:
            plan.kept_closed.append(m)
        else:
            plan.withdrawn.append(m)
    return plan


def expand_milestones(
    parsed_milestones: Sequence[ParsedMilestone],
) -> list[tuple[int, ParsedMilestone, NewMilestone]]:
    """(position, parsed milestone, key) for each row the import writes: one per parsed
    milestone, or one per occurrence of a recurring one (occurrence 1, 2, …)."""
    rows: list[tuple[int, ParsedMilestone, NewMilestone]] = []
    for position, pm in enumerate(parsed_milestones):
        occurrences = getattr(pm, "occurrences", None) or []
        if getattr(pm, "recurrence", None) and occurrences:
            rows.extend((position, pm, NewMilestone(pm.text, k)) for k in range(1, len(occurrences) + 1))
        else:
            rows.append((position, pm, NewMilestone(pm.text, None)))
    return rows
