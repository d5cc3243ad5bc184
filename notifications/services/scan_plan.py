"""The scan's second stage: who hears about what was found, over which channel, from when.

Finding (candidates.py) says which subjects a rule fires for; it knows nothing of people.
Planning turns a candidate into ledger rows: the people the rule reaches (a unit's clerks
or head, the supervisors whose scope covers the subject, from `RecipientIndex`), each
person's usable channels, and the first moment each row may be sent (quiet hours, the
daily digest). Writing (scan_write.py) then only inserts.

Two forms of one plan, for the scan's two paths:
- `plan`: a `Planned` per (candidate, person, channel), built in Python: the portable path
  (dry runs, SQLite, and reports and urges everywhere) and the reference a test holds the
  other form to;
- `audience`: the people side alone, as arrays (`Audience`), which the PostgreSQL
  statement joins to a page of milestones, so a busy day's tens of thousands of rows are
  never built in Python. `members_for` and `scopes_for` say what a rule takes from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from accounts.models import Membership
from notifications.models import DIGEST_CHANNELS, ReminderRule
from notifications.services.candidates import Candidate
from notifications.services.recipients import Prefs, RecipientIndex
from notifications.services.timing import deliverable_at, next_digest_at
from policy_tasks import scopes as scope_rule

# (user, everything, document, area) per supervisor scope (scopes.rows), as columns.
Scopes = tuple[list[int], list[bool], list[int | None], list[int | None]]
NO_SCOPES: Scopes = ([], [], [], [])


@dataclass(frozen=True)
class Planned:
    """One ledger row the scan wants (or, in a dry run, would want)."""

    candidate: Candidate
    recipient_id: int
    channel: str
    next_attempt_at: datetime


def first_attempt_at(now: datetime, channel: str, prefs: Prefs) -> datetime:
    if prefs.digest and channel in DIGEST_CHANNELS:
        return deliverable_at(next_digest_at(now), channel=channel, quiet=prefs.quiet)
    return deliverable_at(now, channel=channel, quiet=prefs.quiet)


def plan(candidates: list[Candidate], now: datetime, index: RecipientIndex | None = None) -> list[Planned]:
    if not candidates:
        return []
    index = index or RecipientIndex.load()
    planned: list[Planned] = []
    first: dict[tuple[str, Prefs], datetime] = {}  # `now` is fixed: one answer per (channel, prefs)
    for c in candidates:
        users = index.users(c.rule, units=c.units, document_id=c.document_id, area_id=c.area_id)
        for user_id in sorted(users):
            prefs = index.prefs_of(user_id)
            for channel in index.channels(user_id):
                key = (channel, prefs)
                if key not in first:
                    first[key] = first_attempt_at(now, channel, prefs)
                planned.append(Planned(c, user_id, channel, first[key]))
    return planned


def first_attempts(index: RecipientIndex, now: datetime) -> dict[tuple[int, str], datetime]:
    """(user, usable channel) -> first send time, for everyone the index can reach."""
    first: dict[tuple[str, Prefs], datetime] = {}  # `now` is fixed: one answer per (channel, prefs)
    result = {}
    users = {user_id for rows in index.members.values() for user_id, _ in rows}
    users |= {user_id for user_id, _ in index.supervisors}
    for user_id in users:
        prefs = index.prefs_of(user_id)
        for channel in index.channels(user_id):
            key = (channel, prefs)
            if key not in first:
                first[key] = first_attempt_at(now, channel, prefs)
            result[(user_id, channel)] = first[key]
    return result


@dataclass(frozen=True)
class Audience:
    """The people side of the fan-out, as columns ready to be sent as arrays."""

    reach: tuple[list[int], list[str], list[datetime]]  # (user, channel, first send time)
    members: dict[frozenset[str], tuple[list[int], list[int]]]  # wanted roles -> (unit, user)
    scopes: Scopes

    def members_for(self, rule: ReminderRule) -> tuple[list[int], list[int]]:
        """(unit, user) of the unit members the rule reaches (its units: the statement's join)."""
        return self.members[_wanted_roles(rule)]

    def scopes_for(self, rule: ReminderRule) -> Scopes:
        return self.scopes if rule.notify_supervisors else NO_SCOPES


def audience(index: RecipientIndex, first_attempt: dict[tuple[int, str], datetime]) -> Audience:
    """`first_attempt` maps (user, channel) to its first send time, for every usable pair."""
    pairs = sorted(first_attempt.items())
    reach = ([u for (u, _), _ in pairs], [c for (_, c), _ in pairs], [at for _, at in pairs])
    members: dict[frozenset[str], tuple[list[int], list[int]]] = {}
    for roles in _role_sets():
        units, users = [], []
        for unit_id, rows in sorted(index.members.items()):
            for user_id, role in rows:
                if role in roles:
                    units.append(unit_id)
                    users.append(user_id)
        members[roles] = (units, users)
    # The rows scan_write's statement matches with scopes.covers_sql.
    scope_rows = [row for user_id, grant_scopes in index.supervisors for row in scope_rule.rows(user_id, grant_scopes)]
    scopes = (
        [r[0] for r in scope_rows],
        [r[1] for r in scope_rows],
        [r[2] for r in scope_rows],
        [r[3] for r in scope_rows],
    )
    return Audience(reach, members, scopes)


def _role_sets() -> list[frozenset[str]]:
    clerk, head = Membership.Role.CLERK.value, Membership.Role.HEAD.value
    return [frozenset(), frozenset({clerk}), frozenset({head}), frozenset({clerk, head})]


def _wanted_roles(rule: ReminderRule) -> frozenset[str]:
    if rule.units == ReminderRule.Units.NONE:
        return frozenset()
    roles = set()
    if rule.notify_clerks:
        roles.add(Membership.Role.CLERK.value)
    if rule.notify_heads:
        roles.add(Membership.Role.HEAD.value)
    return frozenset(roles)
