"""JSON bodies and parameters that crashed the server: deep nesting (RecursionError), NUL
characters (PostgreSQL refuses them: DataError), OPTIONS on action endpoints. Each is a 4xx
in the JSON error shape now, or a 200 for OPTIONS."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

from policy_tasks.models import UrgeNotice
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db


def _error(response, status: int = 400) -> dict:
    assert response.status_code == status, response.content[:300]
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fields"}
    return body["error"]


def _nested(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


def test_deep_nesting_on_the_unauthenticated_token_endpoint_is_a_400(world):
    body = "[" * 50_000 + "]" * 50_000  # ~100 KB: a RecursionError (500) before
    response = APIClient().post("/api/v1/auth/token/", body, content_type="application/json")
    error = _error(response)
    assert "嵌套" in error["message"]


def test_nesting_over_32_levels_is_refused_and_32_is_read(rich_world):
    supervisor = client_for(rich_world.supervisor)
    url = f"/api/v1/tasks/{rich_world.task.pk}/urge/"
    too_deep = {"level": "urge", "message": "请回复", "reply_due": "2023-06-20", "extra": json.loads(_nested(32))}
    assert "嵌套" in _error(supervisor.post(url, json.dumps(too_deep), content_type="application/json"))["message"]
    fine = {"level": "urge", "message": "请回复", "reply_due": "2023-06-20", "extra": json.loads(_nested(30))}
    assert supervisor.post(url, json.dumps(fine), content_type="application/json").status_code == 201


def test_a_nul_character_anywhere_in_a_json_body_is_a_400(rich_world):
    supervisor = client_for(rich_world.supervisor)
    notices = UrgeNotice.objects.count()
    url = f"/api/v1/tasks/{rich_world.task.pk}/urge/"
    for body in (
        {"level": "urge", "message": "请\u0000回复", "reply_due": "2023-06-20"},
        {"level": "urge", "message": "请回复", "reply_due": "2023-06-20", "units": [], "x\u0000": 1},
        {"level": "urge", "message": "请回复", "reply_due": "2023-06-20", "deep": [{"a": ["\u0000"]}]},
    ):
        error = _error(supervisor.post(url, body, format="json"))
        assert "空字符" in error["message"]
    assert UrgeNotice.objects.count() == notices


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/tasks/?search=%00",
        "/api/v1/milestones/?light=red%00",
        "/api/v1/documents/1/ledger.csv?unit=%E5%8C%BA%00",
        "/api/v1/calendar-subscriptions/?unit=%00",
    ],
)
def test_a_nul_character_in_a_query_parameter_is_a_400(rich_world, path):
    assert "空字符" in _error(client_for(rich_world.supervisor).get(path))["message"]


def test_the_export_views_refuse_nul_and_deep_nesting(rich_world, client):
    """As the pages' session sends them, to the API, and to the old download URL that redirects there."""
    client.force_login(rich_world.supervisor)
    nul = client.get(f"/api/v1/documents/{rich_world.document.pk}/ledger.csv?unit=%E5%8C%BA%00")
    assert nul.status_code == 400 and "空字符" in nul.json()["error"]["message"]
    old = client.get(f"/exports/ledger.csv?document={rich_world.document.pk}&unit=%E5%8C%BA%00")
    assert old.status_code == 400 and "空字符" in old.json()["error"]["message"]
    deep = client.post("/api/v1/calendar-subscriptions/", _nested(5000), content_type="application/json")
    assert deep.status_code == 400 and "嵌套" in deep.json()["error"]["message"]
    label = client.post("/api/v1/calendar-subscriptions/", {"label": "我的\u0000日历"}, content_type="application/json")
    assert label.status_code == 400 and "空字符" in label.json()["error"]["message"]


def _api_paths() -> list[str]:
    resolver = get_resolver()
    paths = []

    def walk(patterns, prefix: str) -> None:
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route)
            elif isinstance(entry, URLPattern) and route.startswith("api/v1/") and "^" not in route:
                paths.append("/" + re.sub(r"<\w+:\w+>", "1", route))

    walk(resolver.url_patterns, "")
    return paths


def test_options_answers_200_on_every_api_route(rich_world):
    paths = _api_paths()
    assert len(paths) > 40
    supervisor = client_for(rich_world.supervisor)
    answers = {path: supervisor.options(path).status_code for path in paths}
    assert {path: code for path, code in answers.items() if code != 200} == {}
    anonymous = {path: APIClient().options(path).status_code for path in paths}
    assert not {path: code for path, code in anonymous.items() if code >= 500 or code == 405}


def test_a_body_over_the_size_limit_is_a_json_413(world, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
    body = json.dumps({"username": "x" * (80 * 1024), "password": "y"})
    error = _error(APIClient().post("/api/v1/auth/token/", body, content_type="application/json"), 413)
    assert "过大" in error["message"]
    supervisor = client_for(world.supervisor)
    error = _error(supervisor.post("/api/v1/inbox/mark-read/", body, content_type="application/json"), 413)
    assert error["code"] == "too_large"
