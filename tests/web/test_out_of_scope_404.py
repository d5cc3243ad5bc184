"""404 for every object out of scope, whatever the route (issue 14).

Every URL pattern of the project that names an object (read from Django's resolver: pages,
API, exports, evidence downloads, the calendar; the admin excluded) is requested by users of
another unit — and a supervisor whose scope is another document — with an existing object of
the world's units, by every method. Whatever the method, the answer must be the one a
missing id gets: 404 where the route accepts the method, 405 where it accepts it for no id.
Not 403 (which says the object exists), not 200, not a redirect to the object's task, not 500.

A route added later fails `test_every_route_with_an_id_is_classified` until it says here what
it names.
"""

from __future__ import annotations

import re

import pytest
import time_machine
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

from accounts.models import Membership
from duban.lib import clock
from notifications.models import InboxMessage
from policy_tasks.exports.calendar_feed import calendar_token_create, calendar_token_revoke
from policy_tasks.models import ExportJob
from tests import factories as f
from tests.api.conftest import TODAY, build_rich_world
from tests.api.test_idor_matrix import BODIES

pytestmark = pytest.mark.django_db

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
MISSING = 987654321
OUTSIDERS = ("other_clerk", "other_head", "supervisor_out")


def _own_job(w):
    return ExportJob.objects.create(
        kind=ExportJob.Kind.LEDGER_CSV, document=w.document, requested_by=w.lead_clerk, created_at=clock.now()
    )


def _own_token(w):
    return calendar_token_create(user=w.lead_clerk)[0]


def _own_message(w):
    return InboxMessage.objects.create(recipient=w.lead_clerk, title="提醒", body="", created_at=clock.now())


# Route (as the resolver spells it) → the world object (of the lead and co units, or a lead
# unit member's own) that its id names.
OBJECTS = {
    "api/v1/tasks/<id:pk>/": lambda w: w.task,
    "api/v1/tasks/<id:pk>/audit/": lambda w: w.task,
    "api/v1/tasks/<id:pk>/reports/": lambda w: w.task,
    "api/v1/tasks/<id:pk>/evidence/": lambda w: w.task,
    "api/v1/tasks/<id:pk>/urge/": lambda w: w.task,
    "api/v1/milestones/<id:pk>/": lambda w: w.milestone,
    "api/v1/milestones/<id:pk>/audit/": lambda w: w.milestone,
    "api/v1/milestones/<id:pk>/request-completion/": lambda w: w.milestone,
    "api/v1/milestones/<id:pk>/verify/": lambda w: w.requested,
    "api/v1/milestones/<id:pk>/return/": lambda w: w.requested,
    "api/v1/milestones/<id:pk>/request-extension/": lambda w: w.milestone,
    "api/v1/completion-requests/<id:pk>/": lambda w: w.completion,
    "api/v1/extension-requests/<id:pk>/": lambda w: w.extension,
    "api/v1/extension-requests/<id:pk>/grant/": lambda w: w.extension,
    "api/v1/extension-requests/<id:pk>/refuse/": lambda w: w.extension,
    "api/v1/reports/<id:pk>/": lambda w: w.report,
    "api/v1/evidence/<id:pk>/": lambda w: w.evidence,
    "api/v1/evidence/<id:pk>/download/": lambda w: w.evidence,
    "api/v1/urges/<id:pk>/": lambda w: w.notice,
    "api/v1/urges/<id:pk>/notice.pdf": lambda w: w.notice,  # the printable 督办单 (tests/exports/test_urge_notice.py)
    "api/v1/urges/<id:pk>/notice.docx": lambda w: w.notice,
    "api/v1/urge-recipients/<id:pk>/acknowledge/": lambda w: w.lead_recipient,
    "api/v1/urge-recipients/<id:pk>/reply/": lambda w: w.lead_recipient,
    "api/v1/export-jobs/<id:pk>/": _own_job,
    "api/v1/export-jobs/<id:pk>/download/": _own_job,
    "api/v1/calendar-subscriptions/<id:pk>/revoke/": _own_token,
    "tasks/<int:task_id>/": lambda w: w.task,
    "tasks/<int:task_id>/report/": lambda w: w.task,
    "tasks/<int:task_id>/evidence/": lambda w: w.task,
    "tasks/<int:task_id>/decompose/": lambda w: w.task,  # the split form (tests/decomposition)
    "milestones/<int:milestone_id>/complete/": lambda w: w.milestone,
    "milestones/<int:milestone_id>/extend/": lambda w: w.milestone,
    "milestones/<int:milestone_id>/urge/": lambda w: w.milestone,
    "urges/<int:recipient_id>/reply/": lambda w: w.lead_recipient,
    "urges/<int:recipient_id>/acknowledge/": lambda w: w.lead_recipient,
    "evidence/<int:evidence_id>/": lambda w: w.evidence,
    "supervision/completions/<int:request_id>/": lambda w: w.completion,
    "supervision/extensions/<int:request_id>/": lambda w: w.extension,
    "export/jobs/<int:job_id>/": _own_job,
    "export/calendar/<int:token_id>/revoke/": _own_token,
    "notifications/inbox/<int:message_id>/": _own_message,
}
# Routes whose parameter names nothing that belongs to a unit or a user, and why.
NOT_SCOPED = {
    # Policy documents, their areas and versions are published: refusal there is 403
    # (docs/permissions.md, `document` rows), and lists under them are filtered per reader.
    "api/v1/documents/<id:pk>/": "published document",
    "api/v1/documents/<id:pk>/scoreboard/": "published document (403 by the table)",
    "api/v1/documents/<id:pk>/figures/": "published document (403 by the table)",
    "api/v1/documents/<id:pk>/versions/": "published document",
    "api/v1/documents/<id:pk>/versions/<id:number>/source": "published document",
    "api/v1/documents/<id:pk>/versions/<id:number>/text": "published document",
    "api/v1/documents/<id:pk>/ledger.xlsx": "published document; rows filtered per reader",
    "api/v1/documents/<id:pk>/ledger.csv": "published document; rows filtered per reader",
    "api/v1/documents/<id:pk>/bulletin.pdf": "published document (403 by the table)",
    "api/v1/documents/<id:pk>/bulletin.docx": "published document (403 by the table)",
    "api/v1/documents/<id:pk>/bulletin.html": "published document (403 by the table)",
    "api/v1/documents/<id:pk>/ledger-jobs/": "published document; rows filtered per reader",
    "api/v1/documents/<id:pk>/bulletin-jobs/": "published document (403 by the table)",
    "api/v1/areas/<id:pk>/": "an area of a published document",
    "documents/<int:document_id>/": "published document; clauses and area-wide targets filtered per reader",
    "api/v1/units/<id:pk>/": "units are listed to every signed-in user",
    # Old download URLs: the same permanent redirect for any id, to the API route above, which answers.
    "exports/ledger.<str:fmt>": "a file format, not an object",
    "exports/bulletin.<str:fmt>": "a file format, not an object",
    "exports/urges/<int:pk>.<str:fmt>": "redirects to api/v1/urges/<id:pk>/notice.<fmt>, whatever the id",
    "exports/jobs/<int:pk>/download": "redirects to api/v1/export-jobs/<id:pk>/download/, whatever the id",
    # The token is the credential, not an id: see test_a_revoked_or_unknown_feed_token_is_404.
    "exports/calendar/<str:token>.ics": "a bearer token",
}


def _routes(resolver=None, prefix: str = ""):
    for p in (resolver or get_resolver()).url_patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            if not route.startswith("admin/"):
                yield from _routes(p, route)
        elif isinstance(p, URLPattern) and "<" in route:
            yield route


def test_every_route_with_an_id_is_classified():
    routes = set(_routes())
    assert routes - set(OBJECTS) - set(NOT_SCOPED) == set(), "say what the new route's id names"
    assert set(OBJECTS) | set(NOT_SCOPED) <= routes
    assert not set(OBJECTS) & set(NOT_SCOPED)


@pytest.fixture
def outsiders(world):
    cache.clear()  # throttle counters
    with time_machine.travel(TODAY, tick=False):
        w = build_rich_world(world)
        w.other_head = f.UserFactory(username="other_head")
        f.MembershipFactory(user=w.other_head, unit=w.other_unit, role=Membership.Role.HEAD)
        yield w


def _url(route: str, pk: int) -> str:
    return "/" + re.sub(r"<[^>]+>", str(pk), route, count=1)


def _client(route: str, user):
    if route.startswith("api/"):
        client = APIClient()
        client.force_authenticate(user)
        return client
    client = Client()
    client.force_login(user)
    return client


def _send(client, route: str, url: str, method: str, world):
    schema_path = "/" + re.sub(r"<[^>]+>", "{id}", route, count=1)
    headers = {"HTTP_IF_MATCH": '"1"'}
    if method == "GET":
        return client.get(url, **headers)
    body = BODIES.get((schema_path, method), lambda w: {})(world) if route.startswith("api/") else {}
    call = getattr(client, method.lower())
    if route.startswith("api/"):
        multipart = any(hasattr(v, "read") for v in body.values())
        return call(url, body, format="multipart" if multipart else "json", **headers)
    return call(url, body, **headers) if method == "POST" else call(url, **headers)


def _answer(client, route: str, pk: int, method: str, world) -> int:
    # In a savepoint rolled back: what one request changes, the next one does not meet.
    with transaction.atomic():
        status = _send(client, route, _url(route, pk), method, world).status_code
        transaction.set_rollback(True)
    return status


def test_an_object_of_another_unit_is_404_by_every_method(outsiders):
    """One world for all routes (building it per route doubled the run time)."""
    w = outsiders
    wrong = []
    for route in sorted(OBJECTS):
        obj = OBJECTS[route](w)
        for actor in OUTSIDERS:
            client = _client(route, getattr(w, actor))
            for method in METHODS:
                missing = _answer(client, route, MISSING, method, w)
                got = _answer(client, route, obj.pk, method, w)
                want = 405 if missing == 405 else 404
                if got != want or missing != want:
                    wrong.append(f"/{route} {actor} {method}: {got} (a missing id: {missing}), want {want}")
    assert not wrong, "\n".join(wrong)


def test_a_revoked_or_unknown_feed_token_is_404(outsiders):
    w = outsiders
    token, secret = calendar_token_create(user=w.lead_clerk)
    assert Client().get(f"/exports/calendar/{secret}.ics").status_code == 200
    calendar_token_revoke(user=w.lead_clerk, token=token)
    for method in METHODS:
        client = Client()
        client.force_login(w.other_clerk)
        assert getattr(client, method.lower())(f"/exports/calendar/{secret}.ics").status_code in (404, 405), method
        assert getattr(client, method.lower())("/exports/calendar/x" * 3 + ".ics").status_code in (404, 405), method
