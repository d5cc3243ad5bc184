from __future__ import annotations

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

from monitoring.metrics import LOCKOUTS, LOGIN_FAILURES


@receiver(user_login_failed, dispatch_uid="monitoring.login_failed")
def _count_login_failure(sender, **kwargs):
    LOGIN_FAILURES.inc()


@receiver(user_locked_out, dispatch_uid="monitoring.locked_out")
def _count_lockout(sender, **kwargs):
    LOCKOUTS.inc()
