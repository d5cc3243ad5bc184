"""Errors nobody foresaw: the API still answers its JSON error shape (500 and 404 included)
with no stack trace, and the pages stay HTML."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


def _error(response) -> dict:
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fields"}
    return body["error"]


def _client(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


class Exploding:
    def __init__(self, *args, **kwargs):
        raise OperationalError("terminating connection due to administrator command: secret-internal-detail")


def test_an_unhandled_exception_in_an_api_view_is_a_json_500(world, monkeypatch):
    monkeypatch.setattr("policy_tasks.api.views.accounts.MeSerializer", Exploding)
    response = _client(world.lead_clerk).get("/api/v1/me/")
    assert response.status_code == 500
    error = _error(response)
    assert error["code"] == "server_error"
    assert "服务器内部错误" in error["message"]
    assert response["X-Request-ID"] in error["message"]  # what the operator looks up in the log
    text = response.content.decode()
    assert "secret-internal-detail" not in text and "Traceback" not in text and "OperationalError" not in text


@pytest.mark.parametrize("path", ["/api/nothing/", "/api/v2/tasks/", "/api/schema/unknown/"])
def test_an_unknown_api_path_outside_v1_is_a_json_404(world, path):
    response = _client(world.supervisor).post(path, {})
    assert response.status_code == 404
    assert _error(response)["code"] == "not_found"


def test_a_page_that_crashes_stays_html(world, monkeypatch):
    def explode(user):
        raise RuntimeError("secret-internal-detail")

    monkeypatch.setattr("policy_tasks.web.exports._my_jobs", explode)
    response = _client(world.supervisor).get("/export/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    text = response.content.decode()
    assert "服务器内部错误" in text and "secret-internal-detail" not in text


def test_an_unknown_page_stays_html(world):
    response = _client(world.supervisor).get("/no/such/page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "页面不存在" in response.content.decode()
