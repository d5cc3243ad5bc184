"""Who hears about a subject, and over which channels.

Loaded once per scan tick into memory (units, memberships, supervisor grants and
preferences are small next to the milestones), so fanning out thousands of
subjects costs no query per subject.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import time
from functools import lru_cache

from django.conf import settings

from accounts.models import Membership, RoleGrant, User
from notifications.models import Channel, NotificationPreference, ReminderRule
from notifications.services.timing import parse_hhmm
from notifications.transports import dingtalk_reaches
from policy_tasks import scopes as scope_rule
from policy_tasks.models import SupervisionScope, TaskUnit
from policy_tasks.scopes import Scope

CHANNEL_ORDER = tuple(Channel)


@dataclass(frozen=True)
class Prefs:
    channels: tuple[str, ...]
    quiet: tuple[time, time]
    digest: bool


def default_prefs() -> Prefs:
    return _default_prefs(
        tuple(settings.NOTIFY_DEFAULT_CHANNELS), settings.NOTIFY_QUIET_START, settings.NOTIFY_QUIET_END
    )


@lru_cache(maxsize=8)
def _default_prefs(default_channels: tuple[str, ...], quiet_start: str, quiet_end: str) -> Prefs:
    channels = tuple(c for c in CHANNEL_ORDER if c in default_channels)
    quiet = (parse_hhmm(quiet_start), parse_hhmm(quiet_end))
    return Prefs(channels=channels, quiet=quiet, digest=False)


def prefs_from_row(row: NotificationPreference | None) -> Prefs:
    if row is None:
        return default_prefs()
    return Prefs(channels=tuple(row.channels()), quiet=(row.quiet_start, row.quiet_end), digest=row.daily_digest)


def prefs_for(user: User) -> Prefs:
    return prefs_from_row(NotificationPreference.objects.filter(user=user).first())


@dataclass
class RecipientIndex:
    members: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # unit -> [(user, clerk/head)]
    supervisors: list[tuple[int, list[Scope]]] = field(default_factory=list)  # (user, scopes; none: all)
    prefs: dict[int, Prefs] = field(default_factory=dict)
    contact: dict[int, tuple[str, str]] = field(default_factory=dict)  # user -> (email, phone)
    dingtalk_ids: set[int] = field(default_factory=set)  # users whose DingTalk id is known

    @classmethod
    def load(cls) -> RecipientIndex:
        index = cls()
        members: dict[int, list[tuple[int, str]]] = defaultdict(list)
        rows = Membership.objects.acting().filter(user__is_active=True).values_list("unit_id", "user_id", "role")
        for unit_id, user_id, role in rows:
            members[unit_id].append((user_id, role))
        index.members = dict(members)
        grants = RoleGrant.objects.active().filter(role=RoleGrant.Role.SUPERVISOR, user__is_active=True)
        scopes: dict[int, list[Scope]] = defaultdict(list)
        for grant_id, document_id, area_id in SupervisionScope.objects.filter(grant__in=grants).values_list(
            "grant_id", "document_id", "area_id"
        ):
            scopes[grant_id].append((document_id, area_id))
        index.supervisors = [
            (user_id, scopes.get(grant_id, [])) for grant_id, user_id in grants.values_list("id", "user_id")
        ]
        index._load_people({u for rows in members.values() for u, _ in rows} | {u for u, _ in index.supervisors})
        return index

    @classmethod
    def of_people(cls, user_ids: Collection[int]) -> RecipientIndex:
        """Only what `channels` and `prefs_of` need for these people, for a notice that names
        its recipients itself (a decision, the leader rung): no units, no supervisors."""
        index = cls()
        index._load_people(user_ids)
        return index

    def _load_people(self, user_ids: Collection[int]) -> None:
        for row in NotificationPreference.objects.filter(user_id__in=user_ids):
            self.prefs[row.user_id] = prefs_from_row(row)
        contacts = list(User.objects.filter(pk__in=user_ids).values_list("pk", "email", "phone", "dingtalk_userid"))
        self.contact = {pk: (email or "", phone or "") for pk, email, phone, _ in contacts}
        self.dingtalk_ids = {pk for pk, _, _, dingtalk_userid in contacts if dingtalk_userid}

    def users(
        self,
        rule: ReminderRule,
        *,
        units: list[tuple[int, str]],
        document_id: int | None,
        area_id: int | None,
    ) -> set[int]:
        """Users a rule reaches for a subject whose units are [(unit, lead/co/recipient)]."""
        wanted_roles = set()
        if rule.notify_clerks:
            wanted_roles.add(Membership.Role.CLERK)
        if rule.notify_heads:
            wanted_roles.add(Membership.Role.HEAD)
        chosen = set()
        if rule.units != ReminderRule.Units.NONE and wanted_roles:
            for unit_id, unit_role in units:
                if rule.units == ReminderRule.Units.LEAD and unit_role != TaskUnit.Role.LEAD:
                    continue
                for user_id, member_role in self.members.get(unit_id, ()):
                    if member_role in wanted_roles:
                        chosen.add(user_id)
        if rule.notify_supervisors:
            chosen.update(
                user_id for user_id, scopes in self.supervisors if scope_rule.covers(scopes, document_id, area_id)
            )
        return chosen

    def channels(self, user_id: int) -> list[str]:
        """The user's chosen channels that can actually reach them."""
        prefs = self.prefs.get(user_id) or default_prefs()
        email, phone = self.contact.get(user_id, ("", ""))
        usable = []
        for channel in prefs.channels:
            if channel == Channel.EMAIL and not email:
                continue
            if channel == Channel.SMS and not phone:
                continue
            if channel == Channel.DINGTALK and not dingtalk_reaches(phone=phone, has_id=user_id in self.dingtalk_ids):
                continue
            usable.append(channel)
        return usable

    def prefs_of(self, user_id: int) -> Prefs:
        return self.prefs.get(user_id) or default_prefs()
