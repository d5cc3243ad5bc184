"""Which due dates a milestone rule must read on a tick that follows a complete one.

After a complete tick on day T that reached every candidate (ScanMark.through, `clean`),
each rule has its ledger row for every open milestone whose current reminder fired on or
before T. A later tick can only find two kinds of candidates:

- due dates whose current reminder fires after T (T, today]: the day's new work (and a
  missed day's, since the window is as wide as the gap);
- due dates a change made candidates again since T (ScanChange.due_date: a milestone
  inserted open, reopened, moved, a ledger row deleted).

A due date outside both was handled on or before T by the same rule: a before-due rule
current today whose fire date is on or before T was current on T as well (no later rule
has fired since, and T is before the due date), an after-due rule's occurrence fired on or
before T is still the current one, and its row is in the repeat window the anti-join reads.
So the rule's query reads only the window's due dates instead of re-proving the rest, and
returns exactly what the full query would. The digest in ScanMark.rules (rules and the
office calendar, which decide every fire date) must match, or the tick runs in full.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from notifications.models import ReminderRule
from notifications.services.firing import firing
from notifications.services.remindable import open_milestones


@dataclass
class Window:
    since: date  # the watermark: reminders firing on or before it are in the ledger
    dirty: frozenset[date] = frozenset()  # due dates changed since
    _open: list[date] | None = field(default=None, repr=False)

    def wants(self, rule: ReminderRule, due: date, today: date) -> bool:
        """Whether a due date the full query would read must be read on this tick."""
        if due in self.dirty:
            return True
        hit = firing(rule, due, today)
        return hit is not None and hit[1] > self.since

    def due_dates(self, rule: ReminderRule, today: date, limit: date) -> list[date]:
        """An after-due rule's due dates up to `limit` to read (open milestones' dates only)."""
        return [day for day in self._open_due_dates(today) if day <= limit and self.wants(rule, day, today)]

    def _open_due_dates(self, today: date) -> list[date]:
        # The distinct due dates of open milestones before today (a few per working day of
        # history): an after-due rule's occurrences keep firing for every one of them.
        if self._open is None:
            rows = open_milestones().filter(due_date__lt=today).values_list("due_date", flat=True)
            self._open = sorted({day for day in rows.distinct() if day is not None})
        return self._open
