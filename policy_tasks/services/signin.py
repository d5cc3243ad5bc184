"""Sign-in events and second-factor changes, each on the audit chain in its own transaction.

Pages (policy_tasks.web.signin), the token endpoint and the admin call these; failures and
lockouts arrive from Django's and axes' signals (policy_tasks.signals), so no path that
checks a password goes unrecorded.
"""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.db import transaction
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from accounts.roles import is_admin
from duban.lib import clock
from policy_tasks.errors import Forbidden
from policy_tasks.models import AuditAction
from policy_tasks.services.audit import RECORDED_BY_SERVICE, SYSTEM, Actor, RequestMeta, actor_for, audit_record

RECOVERY_CODES = 10
TOTP_NAME = "手机验证器"
RECOVERY_NAME = "恢复码"


class SignInName(str):
    """A username typed at sign-in that names no account (the event's object)."""

    __slots__ = ()


def _subject(username: str) -> User | SignInName:
    user = User.objects.filter(username=username).first()
    return user if user is not None else SignInName(username[:64])


def signin_succeeded(*, user: User, method: str, meta: RequestMeta) -> None:
    audit_record(actor=actor_for(user, meta=meta), action=AuditAction.AUTH_LOGIN, obj=user, after={"method": method})


def signin_failed(*, username: str, meta: RequestMeta) -> None:
    audit_record(
        actor=actor_for(None, meta=meta),
        action=AuditAction.AUTH_LOGIN_FAILED,
        obj=_subject(username),
        after={"username": username},
    )


def signin_refused(*, user: User | None, identity: str, method: str, reason: str, meta: RequestMeta) -> None:
    """A sign-in another way than the password (DingTalk) that names no account, or one it may not use."""
    audit_record(
        actor=actor_for(None, meta=meta),
        action=AuditAction.AUTH_LOGIN_FAILED,
        obj=user if user is not None else SignInName(identity[:64]),
        after={"method": method, "reason": reason, "identity": identity},
    )


def signin_locked_out(*, username: str, meta: RequestMeta) -> None:
    audit_record(
        actor=actor_for(None, meta=meta),
        action=AuditAction.AUTH_LOCKED_OUT,
        obj=_subject(username),
        after={"username": username},
    )


@transaction.atomic
def signin_unlock(*, username: str, actor: Actor, reason: str = "") -> int:
    """Lift the lockout of `username` (every address) before its cool-off ends; recorded."""
    removed: int = axes_reset(username=username)  # axes ships no type hints
    audit_record(
        actor=actor,
        action=AuditAction.AUTH_UNLOCKED,
        obj=_subject(username),
        after={"attempts_removed": removed},
        reason=reason,
    )
    return removed


@transaction.atomic
def second_factor_verify(*, user: User, code: str, meta: RequestMeta) -> Device | None:
    """The device that accepts the code (TOTP, or a recovery code used up), else None and an event."""
    code = "".join(code.split()).lower()
    for device in devices_for_user(user, for_verify=True):
        if code and device.verify_token(code):
            return device
    audit_record(actor=actor_for(user, meta=meta), action=AuditAction.AUTH_OTP_FAILED, obj=user)
    return None


def enrolment_device(user: User) -> TOTPDevice:
    """The unconfirmed TOTP device being set up (one at a time), created on first sight."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)


@transaction.atomic
def second_factor_enrol(*, user: User, code: str, meta: RequestMeta) -> tuple[TOTPDevice, list[str]] | None:
    """Confirm the device the user scanned with its first code; issue recovery codes (shown once).

    None when the code is wrong (and an event). Any earlier device goes: one phone, one set of codes.
    """
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).order_by("-id").first()
    code = "".join(code.split())
    if device is None or not code.isdigit() or not device.verify_token(code):
        audit_record(actor=actor_for(user, meta=meta), action=AuditAction.AUTH_OTP_FAILED, obj=user, reason="enrolment")
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    StaticDevice.objects.filter(user=user).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=c) for c in codes)
    audit_record(
        actor=actor_for(user, meta=meta),
        action=AuditAction.AUTH_MFA_ENROLLED,
        obj=user,
        after={"totp_device": device.pk, "recovery_codes": RECOVERY_CODES},
    )
    return device, codes


@transaction.atomic
def second_factor_reset(*, user: User, actor: Actor, reason: str = "") -> int:
    """Remove every device of `user` (the next sign-in enrols again); an admin's act, recorded.

    `actor` is SYSTEM for `manage.py reset_mfa` (whoever runs it holds the server), else an admin.
    """
    if actor is not SYSTEM and not (isinstance(actor.user, User) and is_admin(actor.user)):
        raise Forbidden("只有管理员可以重置双因素认证")
    devices = [*TOTPDevice.objects.filter(user=user), *StaticDevice.objects.filter(user=user)]
    for device in devices:
        device.delete()
    audit_record(
        actor=actor,
        action=AuditAction.AUTH_MFA_RESET,
        obj=user,
        before={"devices": [d.persistent_id for d in devices]},
        after={"devices": []},
        reason=reason,
    )
    return len(devices)


@transaction.atomic
def password_change(*, user: User, new_password: str, meta: RequestMeta) -> None:
    """Set a password the form has validated; the history row and token revocation follow in save()."""
    user.set_password(new_password)
    setattr(user, RECORDED_BY_SERVICE, True)  # one event for one change: not also account.user_changed
    user.save()
    setattr(user, RECORDED_BY_SERVICE, False)
    audit_record(
        actor=actor_for(user, meta=meta), action=AuditAction.AUTH_PASSWORD_CHANGED, obj=user, after={"at": clock.now()}
    )
