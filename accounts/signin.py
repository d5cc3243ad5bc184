"""Who must sign in with a second factor, and how long a signed-in session lasts.

The sign-in steps themselves (password, code or enrolment, expired password) are pages
of policy_tasks.web.signin, which write the audit events; this module only answers
questions and keeps a session's clock, so the middleware can ask them on every request.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.auth import SESSION_KEY, user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest
from django_otp import DEVICE_ID_SESSION_KEY, user_has_device
from django_otp.models import Device

from accounts.models import RoleGrant, User
from accounts.roles import has_role
from duban.lib import clock

SIGNED_IN_AT = "duban_signed_in_at"
SEEN_AT = "duban_seen_at"
# The last request is written back at most this often: a session write on every request
# would cost every page an UPDATE for a clock that only needs minutes.
SEEN_GRANULARITY_SECONDS = 60


def is_privileged(user: User) -> bool:
    """Admins and supervisors: their second factor is required when DUBAN_MFA_REQUIRED is on."""
    return has_role(user, RoleGrant.Role.ADMIN) or has_role(user, RoleGrant.Role.SUPERVISOR)


def mfa_required_for(user: User) -> bool:
    return bool(settings.DUBAN_MFA_REQUIRED) and is_privileged(user)


def has_second_factor(user: User) -> bool:
    return user_has_device(user, confirmed=True)


def session_verified(session, user: User) -> bool:
    """The session was signed in with the user's confirmed device, which still exists (a reset ends it)."""
    persistent_id = session.get(DEVICE_ID_SESSION_KEY)
    device = Device.from_persistent_id(persistent_id) if persistent_id else None
    return device is not None and device.user_id == user.pk and device.confirmed


def stamp(session, now: datetime) -> None:
    session[SIGNED_IN_AT] = session[SEEN_AT] = int(now.timestamp())


def session_expired(session, now: datetime) -> bool:
    """Idle past DUBAN_SESSION_IDLE_MINUTES or older than DUBAN_SESSION_MAX_HOURS (0 turns each off)."""
    t = int(now.timestamp())
    idle, most = settings.DUBAN_SESSION_IDLE_MINUTES * 60, settings.DUBAN_SESSION_MAX_HOURS * 3600
    signed_in, seen = session.get(SIGNED_IN_AT), session.get(SEEN_AT)
    if signed_in is None or seen is None:
        # A session from before these stamps existed: its age is unknown, so it starts now.
        stamp(session, now)
        return False
    if most and t - signed_in > most:
        return True
    if idle and t - seen > idle:
        return True
    if t - seen >= SEEN_GRANULARITY_SECONDS:
        session[SEEN_AT] = t
    return False


@receiver(user_logged_in)
def _stamp_new_session(sender: object, request: HttpRequest | None, user: User, **kwargs: object) -> None:
    # Every session sign-in starts both clocks, whichever path logged in (pages, tests). The token
    # endpoint sends this signal too, without a signed-in session: nothing to stamp there.
    session = getattr(request, "session", None)
    if session is not None and SESSION_KEY in session:
        stamp(session, clock.now())
