"""The in-app inbox through the API: only one's own messages, counted and marked read."""

from __future__ import annotations

import pytest
from django.utils import timezone

from notifications.models import InboxMessage
from tests.api.conftest import client_for
from tests.api.test_idor_matrix import OP_BY_KEY

pytestmark = pytest.mark.django_db


def _message(user, title):
    return InboxMessage.objects.create(recipient=user, title=title, body="请及时填报", created_at=timezone.now())


def test_a_clerk_reads_counts_and_marks_only_their_own_messages(world):
    mine = [_message(world.lead_clerk, f"提醒{i}") for i in range(3)]
    theirs = _message(world.co_clerk, "别人的")
    client = client_for(world.lead_clerk)
    listed = client.get("/api/v1/inbox/").json()["results"]
    assert {row["id"] for row in listed} == {m.pk for m in mine}
    assert client.get("/api/v1/inbox/unread-count/").json() == {"unread": 3}
    marked = client.post("/api/v1/inbox/mark-read/", {"ids": [mine[0].pk, theirs.pk]}, format="json")
    assert marked.json() == {"marked": 1}
    assert client.get("/api/v1/inbox/?unread=1").json()["results"][0]["id"] != mine[0].pk
    assert client.post("/api/v1/inbox/mark-read/", {}, format="json").json() == {"marked": 2}
    assert client.get("/api/v1/inbox/unread-count/").json() == {"unread": 0}
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_schema_and_so_the_idor_matrix_cover_the_inbox():
    # Served by notifications/api.py since the move out of policy_tasks: still under /api/v1/.
    for key in [
        ("/api/v1/inbox/", "GET"),
        ("/api/v1/inbox/unread-count/", "GET"),
        ("/api/v1/inbox/mark-read/", "POST"),
    ]:
        assert OP_BY_KEY[key]["x-permission"] == "signed_in", key
