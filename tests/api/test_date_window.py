"""The API refuses dates outside the sane window (2000-01-01 to DUBAN_DATE_YEARS_AHEAD years
ahead) with a 400 in the JSON error shape, whatever the parameter."""

from __future__ import annotations

import pytest

from policy_tasks.models import ExtensionRequest, UrgeNotice
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db

FAR = "9299-01-01"


def _refused(response) -> str:
    assert response.status_code == 400, response.content
    message = response.json()["error"]["message"]
    assert "日期须在" in message
    return message


def test_api_refuses_far_urge_and_extension_dates(rich_world):
    w = rich_world
    supervisor, head = client_for(w.supervisor), client_for(w.lead_head)
    notices = UrgeNotice.objects.count()
    _refused(
        supervisor.post(
            f"/api/v1/tasks/{w.task.pk}/urge/", {"level": "urge", "message": "请回复", "reply_due": FAR}, format="json"
        )
    )
    _refused(
        supervisor.post(
            f"/api/v1/tasks/{w.task.pk}/urge/",
            {"level": "urge", "message": "请回复", "reply_due": "1999-12-31"},
            format="json",
        )
    )
    assert UrgeNotice.objects.count() == notices
    url = f"/api/v1/milestones/{w.milestone.pk}/"
    etag = head.get(url)["ETag"]
    _refused(
        head.post(
            url + "request-extension/",
            {"reason": "设备到货延迟", "proposed_date": FAR},
            format="json",
            HTTP_IF_MATCH=etag,
        )
    )
    assert not ExtensionRequest.objects.filter(milestone=w.milestone).exists()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/milestones/?due_after=9999-12-31",
        "/api/v1/milestones/?overdue_on=0001-01-01",
        "/api/v1/tasks/?due_before=9299-01-01",
        "/api/v1/ledger/overdue/?on=9999-12-31",
        "/api/v1/ledger/overdue/?on=0001-01-01",
    ],
)
def test_api_refuses_far_filter_dates(rich_world, path):
    _refused(client_for(rich_world.supervisor).get(path))


def test_the_window_follows_the_setting(rich_world, settings):
    settings.DUBAN_DATE_YEARS_AHEAD = 1
    supervisor = client_for(rich_world.supervisor)
    # Today is 2023-06-15 in these tests: 2025 is beyond one year ahead, 2024-06-01 is not.
    _refused(supervisor.get("/api/v1/ledger/overdue/?on=2025-01-01"))
    assert supervisor.get("/api/v1/ledger/overdue/?on=2024-06-01").status_code == 200
