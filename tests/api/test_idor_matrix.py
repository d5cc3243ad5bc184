"""Every operation of the API schema × every actor, answered as docs/permissions.md says.

The operations are read from the schema (each names its permission row in
`x-permission`); a new endpoint is tested as soon as it exists, and fails here until
OBJECTS says which object of the world it acts on. Each call runs in a savepoint that
is rolled back, so every actor meets the same state.
"""

from __future__ import annotations

import re

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from drf_spectacular.generators import SchemaGenerator
from knox.models import AuthToken
from rest_framework.test import APIClient

from duban.lib import clock
from policy_tasks.exports.calendar_feed import calendar_token_create
from policy_tasks.models import DocumentVersion, ExportJob
from tests.api.conftest import TODAY, build_rich_world, pdf_file
from tests.api.matrix import ACTORS, expected, has_path_params, operations
from tests.api.signin import tokens_by_sign_in
from tests.api.test_documents import seed_text_file
from tests.conftest import build_world
from tests.module_rows import build_for_module, module_rows

SCHEMA = SchemaGenerator().get_schema(request=None, public=True)
OP_BY_KEY = {(path, method): op for path, method, op in operations(SCHEMA)}
# Operations that take no identity (the token endpoint) have no row to check against;
# tests/api/test_auth.py covers them, and the test below keeps that set from growing unseen.
PUBLIC = sorted(key for key, op in OP_BY_KEY.items() if op.get("x-permission") == "public")
OPERATIONS = [key for key in OP_BY_KEY if key not in PUBLIC]


@pytest.fixture(scope="module")
def mfa(request) -> bool:
    """The test's parameter, at module scope: the tests of one value run together, on one world."""
    return request.param


@pytest.fixture(scope="module")
def _shared_rich_world(request, mfa, django_db_setup, django_db_blocker, tmp_path_factory):
    """The rich world and every actor's token are the same for the 68 tests of each `mfa`;
    built once for them, they save ~0.2 s of each (the sign-ins with a second factor most)."""
    folder = tmp_path_factory.mktemp("idor-world")

    def build():
        with time_machine.travel(TODAY, tick=False):
            world = build_rich_world(build_world())
            users = {name: getattr(world, name) for name in ACTORS if name != "anonymous"}
            if mfa:
                with override_settings(DUBAN_MFA_REQUIRED=True):
                    world.tokens = tokens_by_sign_in(users)
            else:
                world.tokens = {name: AuthToken.objects.create(user=user)[1] for name, user in users.items()}
            return world

    for world in build_for_module(request, django_db_blocker, folder, build):
        yield world, folder


@pytest.fixture
def rich_world(request, _shared_rich_world, db, frozen, settings):
    world, folder = _shared_rich_world
    return module_rows(request, world, folder, settings)


def _own_report(w, actor):
    return w.co_report if actor in ("co_clerk", "co_head") else w.report


def _own_recipient(w, actor):
    return w.co_recipient if actor in ("co_clerk", "co_head") else w.lead_recipient


def _owner(w, actor):
    """Jobs and subscriptions are their owner's: each actor acts on one of their own."""
    return getattr(w, actor) if actor != "anonymous" else w.lead_clerk


def _own_job(w, actor, *, done: bool = False):
    job = ExportJob.objects.create(
        kind=ExportJob.Kind.LEDGER_CSV, document=w.document, requested_by=_owner(w, actor), created_at=clock.now()
    )
    if done:
        job.file.save(f"{job.pk}-idor.csv", ContentFile("序号\r\n".encode("utf-8-sig")), save=False)
        job.status, job.progress, job.file_name = ExportJob.Status.DONE, 100, "台账.csv"
        job.save()
    return job


def _own_calendar_token(w, actor):
    return calendar_token_create(user=_owner(w, actor))[0]


def _versioned_document(w, actor):
    """The world's document with an imported version 1 (the world is built, not imported)."""
    data = w.document.source_text.encode()
    DocumentVersion.objects.get_or_create(
        document=w.document,
        number=1,
        defaults={"filename": "方案.txt", "source_kind": "text", "source": data, "size": len(data),
                  "sha256": "0" * 64, "text_sha256": w.document.sha256, "text": w.document.source_text},
    )  # fmt: skip
    return w.document


# path → the world object the {id} stands for (a function of the actor where "own" matters).
OBJECTS = {
    "/api/v1/units/{id}/": lambda w, a: w.lead_unit,
    "/api/v1/documents/{id}/": lambda w, a: w.document,
    "/api/v1/documents/{id}/scoreboard/": lambda w, a: w.document,
    "/api/v1/documents/{id}/figures/": lambda w, a: w.document,
    "/api/v1/areas/{id}/": lambda w, a: w.area,
    "/api/v1/tasks/{id}/": lambda w, a: w.task,
    "/api/v1/tasks/{id}/audit/": lambda w, a: w.task,
    "/api/v1/tasks/{id}/reports/": lambda w, a: w.task,
    "/api/v1/tasks/{id}/evidence/": lambda w, a: w.task,
    "/api/v1/tasks/{id}/urge/": lambda w, a: w.task,
    "/api/v1/milestones/{id}/": lambda w, a: w.milestone,
    "/api/v1/milestones/{id}/audit/": lambda w, a: w.milestone,
    "/api/v1/milestones/{id}/request-completion/": lambda w, a: w.milestone,
    "/api/v1/milestones/{id}/request-extension/": lambda w, a: w.milestone,
    "/api/v1/milestones/{id}/verify/": lambda w, a: w.requested,
    "/api/v1/milestones/{id}/return/": lambda w, a: w.requested,
    "/api/v1/completion-requests/{id}/": lambda w, a: w.completion,
    "/api/v1/extension-requests/{id}/": lambda w, a: w.extension,
    "/api/v1/extension-requests/{id}/grant/": lambda w, a: w.extension,
    "/api/v1/extension-requests/{id}/refuse/": lambda w, a: w.extension,
    "/api/v1/reports/{id}/": _own_report,
    "/api/v1/evidence/{id}/": lambda w, a: w.evidence,
    "/api/v1/evidence/{id}/download/": lambda w, a: w.evidence,
    "/api/v1/urges/{id}/": lambda w, a: w.notice,
    "/api/v1/urges/{id}/notice.pdf": lambda w, a: w.notice,
    "/api/v1/urges/{id}/notice.docx": lambda w, a: w.notice,
    "/api/v1/urge-recipients/{id}/acknowledge/": _own_recipient,
    "/api/v1/urge-recipients/{id}/reply/": _own_recipient,
    "/api/v1/documents/{id}/ledger.xlsx": lambda w, a: w.document,
    "/api/v1/documents/{id}/ledger.csv": lambda w, a: w.document,
    "/api/v1/documents/{id}/bulletin.pdf": lambda w, a: w.document,
    "/api/v1/documents/{id}/bulletin.docx": lambda w, a: w.document,
    "/api/v1/documents/{id}/bulletin.html": lambda w, a: w.document,
    "/api/v1/documents/{id}/ledger-jobs/": lambda w, a: w.document,
    "/api/v1/documents/{id}/bulletin-jobs/": lambda w, a: w.document,
    "/api/v1/export-jobs/{id}/": _own_job,
    "/api/v1/export-jobs/{id}/download/": lambda w, a: _own_job(w, a, done=True),
    "/api/v1/calendar-subscriptions/{id}/revoke/": _own_calendar_token,
    "/api/v1/documents/{id}/versions/": _versioned_document,
    "/api/v1/documents/{id}/versions/{number}/source": _versioned_document,
    "/api/v1/documents/{id}/versions/{number}/text": _versioned_document,
}

# Lists: the world object each must show exactly to those who may see the task.
LISTED = {
    "/api/v1/tasks/": lambda w: w.task,
    "/api/v1/milestones/": lambda w: w.milestone,
    "/api/v1/reports/": lambda w: w.report,
    "/api/v1/evidence/": lambda w: w.evidence,
    "/api/v1/urges/": lambda w: w.notice,
    "/api/v1/completion-requests/": lambda w: w.completion,
    "/api/v1/extension-requests/": lambda w: w.extension,
}

# A valid request for each operation that takes one; what is refused must be refused for
# who asks, never for what was sent.
BODIES = {
    ("/api/v1/tasks/{id}/reports/", "POST"): lambda w: {"period": w.period.pk, "progress": "本月推进", "percent": 40},
    ("/api/v1/tasks/{id}/evidence/", "POST"): lambda w: {"file": pdf_file()},
    ("/api/v1/tasks/{id}/urge/", "POST"): lambda w: {
        "level": "remind",
        "message": "请按期推进",
        "reply_due": "2023-06-30",
    },
    ("/api/v1/milestones/{id}/request-completion/", "POST"): lambda w: {"evidence": [w.evidence.pk], "note": "已完成"},
    ("/api/v1/milestones/{id}/verify/", "POST"): lambda w: {"reason": "材料齐全"},
    ("/api/v1/milestones/{id}/return/", "POST"): lambda w: {"reason": "材料不全"},
    ("/api/v1/milestones/{id}/request-extension/", "POST"): lambda w: {
        "reason": "资金未到位",
        "proposed_date": "2023-12-15",
    },
    ("/api/v1/extension-requests/{id}/grant/", "POST"): lambda w: {"note": "同意"},
    ("/api/v1/extension-requests/{id}/refuse/", "POST"): lambda w: {"note": "理由不充分"},
    ("/api/v1/urge-recipients/{id}/reply/", "POST"): lambda w: {"reply": "已落实"},
    ("/api/v1/reports/{id}/", "PUT"): lambda w: {"progress": "修改后的进展", "percent": 35},
    ("/api/v1/documents/import/", "POST"): lambda w: {"file": seed_text_file()},
    ("/api/v1/documents/{id}/ledger-jobs/", "POST"): lambda w: {"format": "xlsx", "as_of": "2023-06-15"},
    ("/api/v1/documents/{id}/bulletin-jobs/", "POST"): lambda w: {"format": "pdf", "period": "2023-05"},
    ("/api/v1/calendar-subscriptions/", "POST"): lambda w: {"label": "我的时限"},
    # The caller's own preferences (no id: nobody can name another user's).
    ("/api/v1/me/notification-preferences/", "PUT"): lambda w: {
        "channels": ["email", "inbox"],
        "quiet_start": "22:00",
        "quiet_end": "08:00",
        "daily_digest": True,
    },
}
QUERIES = {
    "/api/v1/ledger/overdue/": lambda w: {"document": w.document.pk, "on": "2023-12-01"},
    "/api/v1/documents/import/": lambda w: {"dry_run": "1"},
    "/api/v1/documents/{id}/ledger.xlsx": lambda w: {"as_of": "2023-06-15", "light": "red"},
    "/api/v1/documents/{id}/ledger.csv": lambda w: {"as_of": "2023-06-15"},
    "/api/v1/documents/{id}/bulletin.pdf": lambda w: {"period": "2023-05"},
    "/api/v1/documents/{id}/bulletin.docx": lambda w: {"period": "2023-05"},
    "/api/v1/documents/{id}/bulletin.html": lambda w: {"period": "2023-05"},
}
MULTIPART = {("/api/v1/tasks/{id}/evidence/", "POST"), ("/api/v1/documents/import/", "POST")}


def _version_of(obj) -> int | None:
    """The ETag a careful client would send: the object's version, or its milestone's."""
    if hasattr(obj, "version"):
        return type(obj).objects.get(pk=obj.pk).version
    if hasattr(obj, "milestone_id"):
        return type(obj.milestone).objects.get(pk=obj.milestone_id).version
    return None


def _call(world, tokens, actor, path, method):
    client = APIClient()
    if actor != "anonymous":
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens[actor]}")
    url = path
    headers = {}
    if has_path_params(path):
        assert path in OBJECTS, f"new endpoint {path}: say in OBJECTS which world object it acts on"
        obj = OBJECTS[path](world, actor)
        # {number}: the version of a document (the only second path parameter; _versioned_document).
        url = re.sub(r"\{id\}", str(obj.pk), path).replace("{number}", "1")
        version = _version_of(obj) if method != "GET" else None
        if version is not None:
            headers["HTTP_IF_MATCH"] = f'"{version}"'
    query = QUERIES.get(path, lambda w: {})(world)
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    body = BODIES.get((path, method), lambda w: {})(world) if method != "GET" else None
    if method == "GET":
        return client.get(url, **headers)
    fmt = "multipart" if (path, method) in MULTIPART else "json"
    return getattr(client, method.lower())(url, body, format=fmt, **headers)


def _listed_ids(response) -> set[int]:
    return {row["id"] for row in response.json()["results"]}


def test_the_only_operation_without_a_permission_row_is_the_token_endpoint():
    assert [(p, m) for p, m in PUBLIC] == [("/api/v1/auth/token/", "POST")]


@pytest.mark.parametrize("mfa", [False, True], ids=["password", "second-factor"], indirect=True, scope="module")
@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_every_actor_gets_the_answer_the_table_gives(rich_world, settings, path, method, mfa):
    """With `mfa`, DUBAN_MFA_REQUIRED is on and every actor's token came from the token
    endpoint (`_shared_rich_world`): admins and supervisors enrolled a TOTP device and sent its code."""
    operation = OP_BY_KEY[(path, method)]
    action = operation.get("x-permission")
    assert action, f"{method} {path} names no permission row (x-permission)"
    world = rich_world
    if mfa:
        settings.DUBAN_MFA_REQUIRED = True
    tokens = world.tokens
    is_list = not has_path_params(path) and action == "task.view"
    wrong = []
    for actor in ACTORS:
        want = expected(action, actor)
        with transaction.atomic():
            response = _call(world, tokens, actor, path, method)
            transaction.set_rollback(True)
        got = response.status_code
        if is_list and want != "401":
            shown = LISTED[path](world).pk in _listed_ids(response) if got == 200 else None
            if got != 200 or shown != (want == "✓"):
                wrong.append(f"{actor}: status {got}, world object listed={shown}, table says {want}")
        elif (want == "✓" and not 200 <= got < 300) or (want != "✓" and str(got) != want):
            detail = response.json() if response.get("Content-Type", "").startswith("application/json") else ""
            wrong.append(f"{actor}: got {got} {detail}, table says {want}")
    assert not wrong, f"{method} {path} [{action}]\n" + "\n".join(wrong)


def test_every_path_of_the_schema_has_a_world_object():
    templated = {path for path, _ in OPERATIONS if has_path_params(path)}
    assert templated <= set(OBJECTS), templated - set(OBJECTS)
    lists = {
        p for p, m in OPERATIONS if not has_path_params(p) and OP_BY_KEY[(p, m)].get("x-permission") == "task.view"
    }
    assert lists == set(LISTED)
