"""The schema a generated client is built from: served, complete, and its docs page self-contained."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from tests.api.matrix import operations, permission_table

pytestmark = pytest.mark.django_db


def _signed_in() -> APIClient:
    # The schema and its docs are for signed-in users (DUBAN_PUBLIC_API_DOCS off; docs/security.md).
    client = APIClient()
    client.force_login(get_user_model().objects.create_user("schema_reader", password="x-pass-2024"))
    return client


@pytest.fixture
def schema(db):
    response = _signed_in().get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def test_every_operation_documents_its_errors_and_permission(schema):
    known = set(permission_table()) | {"signed_in", "token", "public"}
    for path, method, operation in operations(schema):
        responses = set(operation["responses"])
        assert {"400", "401", "403", "404"} <= responses, (method, path)
        assert any(code.startswith("2") for code in responses), (method, path)
        assert operation.get("x-permission") in known, (method, path)
        error = operation["responses"]["404"]["content"]["application/json"]["schema"]
        assert error == {"$ref": "#/components/schemas/Error"}


def test_versioned_changes_document_412_and_428(schema):
    for path, method, operation in operations(schema):
        names = {p["name"] for p in operation.get("parameters", [])}
        if "If-Match" in names and re.search(r"/milestones/\{id\}/|/reports/\{id\}/$", path):
            assert {"412", "428"} <= set(operation["responses"]), (method, path)


def test_actions_are_posts_on_the_object(schema):
    methods = {(path, method) for path, method, _ in operations(schema)}
    assert ("/api/v1/milestones/{id}/verify/", "POST") in methods
    assert not any(method == "PATCH" for _, method in methods)


def test_the_docs_page_loads_nothing_from_outside(db):
    page = _signed_in().get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "swagger-ui" in html
    assert not re.search(r"""(src|href)=["']https?://""", html)
