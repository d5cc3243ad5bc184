"""Demo data: the seed document, its units, and one account per role and per unit.

Idempotent: running it again creates nothing new and changes no password.
Usernames are the pinyin initials of the unit's name (区发改局 → qfgj_clerk) so
that a newcomer can guess them; a clash gets a numeric suffix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction

from accounts.models import Membership, RoleGrant, Unit, User
from policy_tasks.services.import_result import ImportResult
from policy_tasks.services.imports import document_import

SEED_PATH = Path(settings.BASE_DIR) / "fixtures" / "kecheng-2023-16.txt"
DEMO_PASSWORD = "duban-demo-2023"
# Every demo account's e-mail is in this domain: the production check (policy_tasks.checks)
# finds demo accounts by it without hashing anyone's password.
DEMO_EMAIL_DOMAIN = "demo.duban.local"
# The accounts a newcomer is told about first; the check tries the demo password on these.
DEMO_GLOBAL_USERNAMES = ("admin", "duchashi", "lingdao")
# The seed's groups and a few of their members (the admin keeps the rest: 责任单位 › 上级单位),
# so a clause for 各乡镇街道 can be split among townships in the demo.
DEMO_GROUP_MEMBERS = {"各乡镇街道": ("航埠镇", "石梁镇", "九华乡", "府山街道")}


@dataclass
class DemoLogin:
    username: str
    role: str
    unit: str


def _slug(name: str) -> str:
    # Imported here: its phrase tables cost ~0.3 s, and the system checks import this module in
    # every manage.py, gunicorn and Celery process, which never build demo accounts.
    from pypinyin import Style, lazy_pinyin

    letters = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore"))
    return "".join(ch for ch in letters.lower() if ch.isalnum()) or "unit"


class _DemoPassword:
    """DEMO_PASSWORD hashed once for a whole load: every demo account has the same published
    password, so one hash serves them all (PBKDF2 costs ~0.25 s a hash, and a load makes ~70
    accounts: ~17 s of `make run` and of `load_demo`, now one hash)."""

    def __init__(self) -> None:
        self._encoded: str | None = None

    def set_on(self, user: User) -> None:
        """What `user.set_password(DEMO_PASSWORD)` does, with the hash made once."""
        if self._encoded is None:
            self._encoded = make_password(DEMO_PASSWORD)
        user.password = self._encoded
        # As set_password records it: the save that follows keeps the password history.
        user._password = DEMO_PASSWORD  # type: ignore[attr-defined]


def _user(username: str, display: str, index: int, password: _DemoPassword, *, superuser: bool = False) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "display_name": display,
            "email": f"{username}@{DEMO_EMAIL_DOMAIN}",
            "phone": f"1380000{index:04d}",
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    if created:
        password.set_on(user)
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def demo_load(*, seed_path: Path = SEED_PATH) -> tuple[ImportResult, list[DemoLogin]]:
    result = document_import(text=seed_path.read_text(encoding="utf-8"))
    for group_name, members in DEMO_GROUP_MEMBERS.items():
        group = Unit.objects.resolve(group_name)
        for name in members if group is not None else ():
            Unit.objects.get_or_create(name=name, defaults={"parent": group})
    logins: list[DemoLogin] = []
    password = _DemoPassword()
    admin = _user("admin", "系统管理员", 1, password, superuser=True)
    RoleGrant.objects.get_or_create(user=admin, role=RoleGrant.Role.ADMIN, revoked_at=None)
    logins.append(DemoLogin("admin", "管理员", "-"))
    for username, display, role, index in [
        ("duchashi", "督查室督查员", RoleGrant.Role.SUPERVISOR, 2),
        ("lingdao", "区领导", RoleGrant.Role.LEADER, 3),
    ]:
        user = _user(username, display, index, password)
        RoleGrant.objects.get_or_create(user=user, role=role, revoked_at=None)
        logins.append(DemoLogin(username, RoleGrant.Role(role).label, "-"))
    used: set[str] = set()
    for index, unit in enumerate(Unit.objects.order_by("pk"), start=1):
        slug = base = _slug(unit.name)
        suffix = 2
        while slug in used:
            slug, suffix = f"{base}{suffix}", suffix + 1
        used.add(slug)
        for member_role, label, offset in [
            (Membership.Role.CLERK, "经办人", 100),
            (Membership.Role.HEAD, "负责人", 500),
        ]:
            username = f"{slug}_{member_role}"
            user = _user(username, f"{unit.name}{label}", offset + index, password)
            Membership.objects.get_or_create(user=user, unit=unit, defaults={"role": member_role})
            logins.append(DemoLogin(username, label, unit.name))
    return result, logins
