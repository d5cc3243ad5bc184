"""Schemathesis against the served schema: no 5xx, and every answer conforms to the schema.

The fuzzing the tests share; test_schemathesis.py (a supervisor) and
test_schemathesis_clerk.py (a clerk) run it, one file each so that xdist can run the two
minutes-long runs side by side.

Each operation gets a bounded number of generated requests (MAX_EXAMPLES, valid and
invalid data), once with random ids and once aimed at the world's real objects, as a
supervisor (who may act on most things; signed in through the token endpoint with a TOTP
code, DUBAN_MFA_REQUIRED on) and as a lead-unit clerk (refused most actions).
Driven through the WSGI app in-process, against the test database.
"""

from __future__ import annotations

import pytest
import schemathesis
import time_machine
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from knox.models import AuthToken
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.conftest import TODAY, build_rich_world
from tests.api.signin import token_by_sign_in
from tests.api.test_idor_matrix import OBJECTS

MAX_EXAMPLES = 10
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
BOUNDED = settings(
    max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None
)


def _detach_close_old_connections() -> None:
    """The real WSGI handler closes connections it thinks are stale after each request;
    inside the test's transaction that would drop it (Django's test client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    _detach_close_old_connections()
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def fuzz(world, actor: str, *, signed_in: bool = False) -> list[str]:
    """`signed_in`: the token comes from the token endpoint (password, and for an admin or a
    supervisor the TOTP code, DUBAN_MFA_REQUIRED being on); otherwise it is made directly."""
    with time_machine.travel(TODAY, tick=False):
        build_rich_world(world)
    if signed_in:
        token = token_by_sign_in(getattr(world, actor))
    else:
        _, token = AuthToken.objects.create(user=getattr(world, actor))
    # Django's test client, which signed in, connects the two handlers again when it is done.
    _detach_close_old_connections()
    headers = {"Authorization": f"Bearer {token}"}
    # The schema is for signed-in users (DUBAN_PUBLIC_API_DOCS off).
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application(), headers=headers)
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        targets = [None]
        if operation.path in OBJECTS:
            targets.append({"id": OBJECTS[operation.path](world, actor).pk})
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            for path_parameters in targets:
                strategy = operation.as_strategy(mode, path_parameters=path_parameters)

                @given(case=strategy)
                @BOUNDED
                def run(case):
                    case.call_and_validate(headers=headers, checks=CHECKS)

                try:
                    run()
                except Exception as exc:  # collect all, so one run names every broken operation
                    failures.append(f"{operation.method.upper()} {operation.path} [{mode.value}]: {exc}")
    return failures
