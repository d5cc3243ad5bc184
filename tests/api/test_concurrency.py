"""N clients sending the same If-Match at once: exactly one change wins, the others get 412.

Real threads, each with its own database connection, against PostgreSQL (row locks and
the conditional version UPDATE are what is being tested; SQLite serialises everything).
Each race runs twice: force-authenticated, and with DUBAN_MFA_REQUIRED on and a token from
the real sign-in (the supervisor's with a TOTP code).
"""

from __future__ import annotations

import threading

import pytest
from django.db import connections

from policy_tasks.models import AuditEvent, Milestone, ProgressReport
from tests.api.conftest import client_for
from tests.api.signin import token_by_sign_in

CLIENTS = 6


def _race(requests) -> list[int]:
    barrier = threading.Barrier(len(requests))
    statuses: list[int] = []
    lock = threading.Lock()

    def run(send):
        try:
            barrier.wait()
            status = send().status_code
            with lock:
                statuses.append(status)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(send,)) for send in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(statuses)


def _clients(settings, user, mfa: bool):
    """A client per request: force-authenticated, or (mfa) carrying a token that the token endpoint
    issued after the password and, for a supervisor, the TOTP code, with DUBAN_MFA_REQUIRED on."""
    if not mfa:
        return lambda: client_for(user)
    settings.DUBAN_MFA_REQUIRED = True
    token = token_by_sign_in(user)

    def client():
        bearer = client_for()
        bearer.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        return bearer

    return client


MFA = pytest.mark.parametrize("mfa", [False, True], ids=["password", "second-factor"])


@MFA
@pytest.mark.django_db(transaction=True)
def test_one_of_many_identical_verifications_wins(require_postgres, rich_world, settings, mfa):
    w = rich_world
    url = f"/api/v1/milestones/{w.requested.pk}/verify/"
    etag = f'"{Milestone.objects.get(pk=w.requested.pk).version}"'
    client = _clients(settings, w.supervisor, mfa)
    events = AuditEvent.objects.count()

    def send():
        return client().post(url, {"reason": "同意"}, format="json", HTTP_IF_MATCH=etag)

    assert _race([send] * CLIENTS) == [200] + [412] * (CLIENTS - 1)
    assert Milestone.objects.get(pk=w.requested.pk).status == "closed"
    assert AuditEvent.objects.count() == events + 1


@MFA
@pytest.mark.django_db(transaction=True)
def test_one_of_many_revisions_of_a_report_wins(require_postgres, rich_world, settings, mfa):
    w = rich_world
    url = f"/api/v1/reports/{w.report.pk}/"
    etag = f'"{w.report.version}"'
    client = _clients(settings, w.lead_clerk, mfa)

    def sender(i):
        def send():
            body = {"progress": f"第{i}版", "percent": 40 + i}
            return client().put(url, body, format="json", HTTP_IF_MATCH=etag)

        return send

    assert _race([sender(i) for i in range(CLIENTS)]) == [200] + [412] * (CLIENTS - 1)
    assert ProgressReport.objects.get(pk=w.report.pk).version == w.report.version + 1
