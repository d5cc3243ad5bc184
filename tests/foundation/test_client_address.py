"""The client's address behind nginx (duban/proxy.py, DUBAN_TRUSTED_PROXIES): from the proxy's
address, the X-Real-IP it writes is what the audit trail and the lockouts record; from anyone
else the header is a client's word and is ignored."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.test import Client

from policy_tasks.models import AuditEvent

pytestmark = pytest.mark.django_db
NGINX, CLIENT, OTHER = "127.0.0.1", "203.0.113.9", "203.0.113.77"


def _fail(client: Client, remote: str, real_ip: str | None = None, password: str = "guess"):
    headers = {"REMOTE_ADDR": remote}
    if real_ip:
        headers["HTTP_X_REAL_IP"] = real_ip
    return client.post("/login/", {"username": "lead_clerk", "password": password}, **headers)


def _recorded() -> tuple[str, str]:
    event = AuditEvent.objects.filter(action="auth.login_failed").latest("id")
    return event.ip, AccessAttempt.objects.get().ip_address


def test_behind_the_trusted_proxy_the_client_address_is_audited_and_locked_out(world, settings):
    settings.DUBAN_TRUSTED_PROXIES = [NGINX]
    _fail(Client(), NGINX, CLIENT)
    assert _recorded() == (CLIENT, CLIENT)
    # One client's failures lock that client out, not everyone who comes through nginx.
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _fail(Client(), NGINX, CLIENT)
    assert _fail(Client(), NGINX, CLIENT, password="pass-duban-123").status_code == 429
    assert _fail(Client(), NGINX, OTHER, password="pass-duban-123").status_code == 302


def test_the_header_from_an_untrusted_address_is_ignored(world, settings):
    settings.DUBAN_TRUSTED_PROXIES = [NGINX]
    _fail(Client(), OTHER, CLIENT)
    assert _recorded() == (OTHER, OTHER)


def test_without_trusted_proxies_the_socket_address_counts(world, settings):
    settings.DUBAN_TRUSTED_PROXIES = []
    _fail(Client(), NGINX, CLIENT)
    assert _recorded() == (NGINX, NGINX)


def test_a_malformed_header_is_ignored(world, settings):
    settings.DUBAN_TRUSTED_PROXIES = ["127.0.0.0/8"]
    _fail(Client(), NGINX, "203.0.113.9, 10.0.0.1")
    assert _recorded() == (NGINX, NGINX)
