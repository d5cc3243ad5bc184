"""One error shape, Chinese messages, the field named; never a 500 for bad input."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from accounts.lockout import lockout_response
from policy_tasks.api.errors import LockedOut, exception_handler
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db


def _error(response) -> dict:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fields"}
    return body["error"]


def test_an_unknown_path_is_a_json_404(world):
    response = client_for(world.supervisor).post("/api/v1/nothing/here/", {})
    assert response.status_code == 404
    assert _error(response)["code"] == "not_found"


def test_an_id_too_large_for_the_database_is_a_404(world):
    client = client_for(world.supervisor)
    assert client.get("/api/v1/tasks/99999999999999999999999/").status_code == 404
    assert client.get("/api/v1/tasks/999999999999999999/").status_code == 404


def test_an_invisible_task_is_indistinguishable_from_a_missing_one(world):
    client = client_for(world.other_clerk)
    hidden = client.get(f"/api/v1/tasks/{world.task.pk}/")
    missing = client.get("/api/v1/tasks/424242/")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()


def test_broken_json_is_a_400(world):
    response = client_for(world.supervisor).post(
        f"/api/v1/tasks/{world.task.pk}/urge/", data="{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert _error(response)["code"] == "parse_error"


def test_a_validation_error_names_the_field(rich_world):
    w = rich_world
    response = client_for(w.lead_clerk).post(
        f"/api/v1/tasks/{w.task.pk}/reports/", {"period": w.period.pk, "progress": "x", "percent": 150}, format="json"
    )
    error = _error(response)
    assert response.status_code == 400
    assert error["code"] == "invalid"
    assert list(error["fields"]) == ["percent"]
    assert error["message"].startswith("percent：")


def test_a_service_refusal_names_its_field(rich_world):
    w = rich_world
    response = client_for(w.supervisor).post(
        f"/api/v1/tasks/{w.task.pk}/urge/",
        {"level": "urge", "message": "催", "reply_due": "2023-01-01"},
        format="json",
    )
    assert response.status_code == 400
    assert _error(response)["fields"] == {"reply_due": ["要求回复日期不能早于今天"]}


def test_a_wrong_method_is_a_json_405(world):
    response = client_for(world.supervisor).delete(f"/api/v1/tasks/{world.task.pk}/")
    assert response.status_code == 405
    assert _error(response)["code"] == "method_not_allowed"


def test_a_bad_filter_value_is_a_400_naming_the_filter(world):
    response = client_for(world.supervisor).get("/api/v1/tasks/?document=abc&due_after=2023-13-01")
    assert response.status_code == 400
    assert set(_error(response)["fields"]) == {"document", "due_after"}


@pytest.mark.parametrize("cursor", ["garbage", "cD0xMjM0NTY3ODk=", "cD1hYmM="])
def test_a_forged_cursor_is_a_400(world, cursor):
    response = client_for(world.supervisor).get(f"/api/v1/tasks/?cursor={cursor}&ordering=updated_at")
    assert response.status_code == 400
    assert list(_error(response)["fields"]) == ["cursor"]


def test_messages_stay_chinese_whatever_the_client_asks(world):
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(world.supervisor)
    response = client.get("/api/v1/tasks/?document=abc")
    assert "Enter a whole number" not in response.json()["error"]["message"]
    assert response.json()["error"]["fields"]["document"] == ["输入整数。"]


def test_an_unsupported_content_type_is_a_415(world):
    response = client_for(world.supervisor).post(
        f"/api/v1/tasks/{world.task.pk}/urge/", data="<x/>", content_type="application/xml"
    )
    assert response.status_code == 415
    assert _error(response)["code"] == "unsupported_media_type"


def test_the_lockout_answers_the_body_the_handler_writes_for_it(rf):
    """accounts.lockout cannot import the API's handler; both write the one body (duban.lib.error_body)."""
    locked = lockout_response(rf.post("/api/v1/auth/token/"))
    handled = exception_handler(LockedOut(), {})
    assert handled is not None
    assert (locked.status_code, json.loads(locked.content)) == (handled.status_code, handled.data)
    assert handled.data["error"]["code"] == "locked_out"
