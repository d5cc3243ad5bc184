"""Password rules (AUTH_PASSWORD_VALIDATORS) and password age.

Django runs these validators on every form that sets a password (the change page, the
admin's forms, `changepassword`); code that calls `set_password` directly (fixtures,
`load_demo`) is not checked, as in Django itself.
"""

from __future__ import annotations

import string
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError

from accounts.models import PasswordHistory, User

_CLASSES = (
    ("小写字母", lambda c: c in string.ascii_lowercase),
    ("大写字母", lambda c: c in string.ascii_uppercase),
    ("数字", lambda c: c in string.digits),
    ("符号", lambda c: not c.isalnum()),
)


class MinimumLengthValidator:
    """At least DUBAN_PASSWORD_MIN_LENGTH characters (Django's own says so in English only)."""

    def validate(self, password: str, user: User | None = None) -> None:
        if len(password) < settings.DUBAN_PASSWORD_MIN_LENGTH:
            raise ValidationError(
                f"密码长度太短，至少须 {settings.DUBAN_PASSWORD_MIN_LENGTH} 个字符", code="password_too_short"
            )

    def get_help_text(self) -> str:
        return f"密码至少须 {settings.DUBAN_PASSWORD_MIN_LENGTH} 个字符。"


class CharacterClassesValidator:
    """At least `required` of lower case, upper case, digits and symbols."""

    def __init__(self, required: int = 3):
        self.required = required

    def validate(self, password: str, user: User | None = None) -> None:
        present = sum(1 for _, is_of in _CLASSES if any(is_of(c) for c in password))
        if present < self.required:
            raise ValidationError(
                f"密码须包含小写字母、大写字母、数字、符号中的至少 {self.required} 类",
                code="password_too_simple",
            )

    def get_help_text(self) -> str:
        return f"密码须包含小写字母、大写字母、数字、符号中的至少 {self.required} 类。"


class NotUsernameValidator:
    """The username may not appear in the password, in any case (zhangsan1 for zhangsan)."""

    def validate(self, password: str, user: User | None = None) -> None:
        username = (getattr(user, "username", "") or "").casefold()
        if username and username in password.casefold():
            raise ValidationError("密码不能包含用户名", code="password_contains_username")

    def get_help_text(self) -> str:
        return "密码不能包含用户名。"


class NotRecentValidator:
    """Not the current password nor one of the last DUBAN_PASSWORD_HISTORY ones."""

    def validate(self, password: str, user: User | None = None) -> None:
        if user is None or user.pk is None:
            return
        count = settings.DUBAN_PASSWORD_HISTORY
        if count <= 0:
            return
        stored = User.objects.filter(pk=user.pk).values_list("password", flat=True).first()
        hashes = [stored] if stored else []
        hashes += list(PasswordHistory.objects.filter(user=user).values_list("password", flat=True)[:count])
        if any(check_password(password, h) for h in hashes):
            raise ValidationError(f"不能使用最近 {count} 次用过的密码", code="password_recently_used")

    def get_help_text(self) -> str:
        return f"不能使用最近 {settings.DUBAN_PASSWORD_HISTORY} 次用过的密码。"


def password_set_at(user: User) -> datetime:
    """When the current password was set: its history row, or the account's creation."""
    latest = PasswordHistory.objects.filter(user=user).values_list("created_at", flat=True).first()
    return latest or user.date_joined


def password_expired(user: User, *, now: datetime) -> bool:
    days = settings.DUBAN_PASSWORD_MAX_AGE_DAYS
    if days <= 0:
        return False
    return now - password_set_at(user) > timedelta(days=days)
