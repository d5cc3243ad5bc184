"""Failed passwords and lockouts on the audit chain, from whichever path checked the password.

Signals because Django and axes raise them where the password is checked, for the login
page, the token endpoint and any later entry point alike; the receivers only hand over to
the sign-in services, which write the event.
"""

from __future__ import annotations

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

from policy_tasks.services.audit import RequestMeta
from policy_tasks.services.signin import signin_failed, signin_locked_out


def _meta(request) -> RequestMeta:
    return RequestMeta.from_request(request) if request is not None else RequestMeta()


@receiver(user_login_failed)
def _record_failed_signin(sender, credentials, request=None, **kwargs) -> None:
    signin_failed(username=str(credentials.get("username") or ""), meta=_meta(request))


@receiver(user_locked_out)
def _record_lockout(sender, request, username, ip_address, **kwargs) -> None:
    signin_locked_out(username=str(username or ""), meta=_meta(request))
