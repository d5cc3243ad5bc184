"""A Content-Security-Policy on every page, which the pages themselves obey (every inline
<style> or <script> carries the request's nonce, no inline handlers); the API's schema and
docs for signed-in users unless DUBAN_PUBLIC_API_DOCS opens them."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from policy_tasks.models import Task

pytestmark = pytest.mark.django_db

INLINE = re.compile(r"<(style|script)\b([^>]*)>", re.I)
HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def _policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in header.split(";")) if part}


def _obeys_its_policy(response) -> None:
    policy = _policy(response)
    script = policy["script-src"]
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
    assert policy["object-src"] == "object-src 'none'"
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"
    nonce = re.search(r"'nonce-([^']+)'", script).group(1)
    assert f"'nonce-{nonce}'" in policy["style-src"]
    html = response.content.decode()
    for tag, attrs in INLINE.findall(html):
        if "src=" in attrs or 'type="application/json"' in attrs:
            continue
        assert f'nonce="{nonce}"' in attrs, (response.request["PATH_INFO"], tag, attrs)
    assert not HANDLER.search(html)
    assert "javascript:" not in html


def test_the_login_page_has_a_policy(client, db):
    response = client.get("/login/")
    assert response.status_code == 200
    _obeys_its_policy(response)


@pytest.mark.parametrize(
    ("username", "paths"),
    [
        (
            "duchashi",
            ["/supervision/", "/milestones/", "/dashboard/", "/export/", "/import/", "/notifications/preferences/"],
        ),
        ("lingdao", ["/dashboard/"]),
    ],
)
def test_every_page_obeys_its_policy(client, seeded, username, paths):
    client.login(username=username, password="duban-demo-2023")
    task = Task.objects.order_by("number").first()
    for path in [*paths, f"/tasks/{task.pk}/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        _obeys_its_policy(response)


def test_each_request_gets_its_own_nonce(client, db):
    first, second = _policy(client.get("/login/")), _policy(client.get("/login/"))
    assert first["script-src"] != second["script-src"]


def test_the_bulletin_page_may_style_itself_but_runs_nothing(client, seeded):
    client.login(username="duchashi", password="duban-demo-2023")
    response = client.get(f"/api/v1/documents/{seeded.pk}/bulletin.html?period=2023-10&inline=true")
    assert response.status_code == 200
    policy = _policy(response)
    assert policy["default-src"] == "default-src 'none'"
    assert "script-src" not in policy


def _reader():
    return get_user_model().objects.create_user("docs_reader", password="x-pass-2024")


def test_the_schema_and_docs_need_a_sign_in(client, db):
    schema = APIClient().get("/api/schema/?format=json")
    assert schema.status_code == 401
    assert schema.json()["error"]["code"] == "not_authenticated"
    docs = client.get("/api/docs/")
    assert docs.status_code == 302 and docs["Location"].startswith("/login/")
    reader = _reader()
    api = APIClient()
    api.force_authenticate(reader)
    assert api.get("/api/schema/?format=json").status_code == 200
    client.force_login(reader)
    page = client.get("/api/docs/")
    assert page.status_code == 200
    _obeys_its_policy(page)
    assert client.get("/api/docs/?script").status_code == 200


def test_a_setting_opens_the_schema_and_docs(client, db, settings):
    settings.DUBAN_PUBLIC_API_DOCS = True
    assert APIClient().get("/api/schema/?format=json").status_code == 200
    assert client.get("/api/docs/").status_code == 200
