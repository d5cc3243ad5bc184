"""Whether a milestone scan tick can stop before its candidate queries.

Every tick after a working day's first one usually finds nothing: the candidates were
written by an earlier tick the same day. Proving that with the queries costs the open and
due work (tens of thousands of index probes at 10 M milestones). This proves it instead
from what could have changed since the last complete tick:

- the inputs that are not rows (the day, the active rules, the dates each rule's query
  asks for, from the working-day calendar) are digested into a fingerprint;
- a statement that changes milestones (insert, delete, status or due date) or removes a
  ledger row leaves a ScanChange row in its own transaction (PostgreSQL triggers,
  migration notifications 0006);
- the last complete tick recorded whether every candidate it found got a ledger row
  (`clean`); one that reached no one (a unit without clerks) is a candidate again.

Same fingerprint, clean, and no ScanChange row visible: the candidate queries would return
nothing, so they are not run. Otherwise the tick runs them in full, and, in the transaction
of its last writes, deletes exactly the ScanChange rows it read before its queries (a
change committed after that read keeps its row, so the next tick looks again) and records
the fingerprint. PostgreSQL only: the portable path (dry runs, SQLite) always runs in full.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from duban.lib import clock, workdays
from notifications.models import ReminderRule, ScanChange, ScanMark
from notifications.services.firing import before_due_plan, last_anchor_fired
from notifications.services.scan_window import Window

KEY = "milestone"


@dataclass
class Mark:
    fingerprint: str
    rules: str = ""
    changes: list[int] = field(default_factory=list)
    unchanged: bool = False
    window: Window | None = None  # None: the queries run in full


def fingerprint(rules: list[ReminderRule], today: date) -> str:
    """The day, the rules and the due dates or limits each milestone query would use."""
    parts: list[object] = [today.isoformat()]
    for r in sorted(rules, key=lambda r: r.pk):
        parts.append((r.pk, r.anchor, r.offset_workdays, r.repeat_every_workdays, r.units))
        parts.append((r.notify_clerks, r.notify_heads, r.notify_supervisors, r.is_active))
        if r.offset_workdays > 0:
            parts.append(last_anchor_fired(r.offset_workdays, today))
        if r.repeat_every_workdays:
            parts.append(workdays.add_workdays(today, -r.repeat_every_workdays))
    before = before_due_plan([r for r in rules if r.offset_workdays <= 0], today)
    parts.append(sorted((rule_id, tuple(dates)) for rule_id, dates in before.items()))
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def rules_digest(rules: list[ReminderRule]) -> str:
    """What decides every fire date, whatever the day: the rules and the office's calendar."""
    parts: list[object] = []
    for r in sorted(rules, key=lambda r: r.pk):
        parts.append((r.pk, r.anchor, r.offset_workdays, r.repeat_every_workdays, r.units))
        parts.append((r.notify_clerks, r.notify_heads, r.notify_supervisors, r.is_active))
    parts.append(sorted(workdays.entries().items()))
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def begin(rules: list[ReminderRule], today: date) -> Mark:
    """Read the changes first: whatever the queries see later includes at least these."""
    mark = Mark(fingerprint(rules, today), rules_digest(rules))
    changes = list(ScanChange.objects.values_list("id", "due_date"))
    mark.changes = [pk for pk, _ in changes]
    last = ScanMark.objects.filter(key=KEY).values_list("fingerprint", "is_clean", "rules", "through").first()
    if last is None:
        return mark
    last_fingerprint, clean, last_rules, through = last
    mark.unchanged = not changes and (last_fingerprint, clean) == (mark.fingerprint, True)
    dirty = {due for _, due in changes}
    if clean and last_rules == mark.rules and through is not None and through <= today and None not in dirty:
        mark.window = Window(since=through, dirty=frozenset(d for d in dirty if d is not None))
    return mark


def finish(mark: Mark, *, clean: bool, today: date) -> None:
    """Record a complete tick; call inside the transaction of its last writes."""
    if mark.changes:
        ScanChange.objects.filter(id__in=mark.changes).delete()
    ScanMark.objects.update_or_create(
        key=KEY,
        defaults={
            "fingerprint": mark.fingerprint,
            "is_clean": clean,
            "rules": mark.rules,
            "through": today,
            "updated_at": clock.now(),
        },
    )
