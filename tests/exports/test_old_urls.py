"""The exports moved to /api/v1 (docs/decisions.md, "One export API"). Every old /exports/ URL
either answers a permanent redirect to the same file there, its query string kept, or is gone
(410 in the API's error body); only the calendar feed is still served at /exports/. Refusals,
wherever they are answered, come in the API's one error body.
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import URLPattern, get_resolver

from policy_tasks.exports.calendar_feed import calendar_token_create
from policy_tasks.exports.jobs import export_job_create, export_job_run
from policy_tasks.models import CalendarToken, ExportJob, UrgeNotice
from policy_tasks.services.urges import urge_issue
from tests import factories as f

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Every route under /exports/, by what it does now (a new route fails until it is said here).
REDIRECTED = {"ledger.<str:fmt>", "bulletin.<str:fmt>", "urges/<int:pk>.<str:fmt>", "jobs/<int:pk>/download"}
GONE = {"^jobs/", "^calendar/tokens/"}
KEPT = {"calendar/<str:token>.ics"}


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _uniform(response, status: int, code: str) -> dict:
    """The API's one error body, whatever answered."""
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fields"}, body
    assert body["error"]["code"] == code, body
    return body["error"]


def _moved(response) -> tuple[str, dict[str, list[str]]]:
    assert response.status_code == 301, response.content[:300]
    location = urlsplit(response["Location"])
    return location.path, parse_qs(location.query)


def test_every_route_under_exports_is_classified():
    exports = next(p for p in get_resolver().url_patterns if str(p.pattern) == "exports/")
    routes = {str(p.pattern) for p in exports.url_patterns if isinstance(p, URLPattern)}
    assert routes == REDIRECTED | GONE | KEPT


def test_the_old_ledger_url_redirects_with_its_filters_as_the_api_reads_them(world):
    client = _signed_in(world.lead_clerk)
    old = (
        f"/exports/ledger.xlsx?document={world.document.doc_number}&as_of=2023-11-01"
        f"&unit={world.lead_unit.name}&light=red,yellow&due_to=2023-12-31"
    )
    path, query = _moved(client.get(old))
    assert path == f"/api/v1/documents/{world.document.pk}/ledger.xlsx"
    assert query == {
        "as_of": ["2023-11-01"],
        "unit": [str(world.lead_unit.pk)],
        "light": ["red", "yellow"],
        "due_to": ["2023-12-31"],
    }
    followed = client.get(old, follow=True)
    assert followed.status_code == 200 and followed["Content-Type"] == XLSX
    direct = client.get(f"{path}?as_of=2023-11-01&unit={world.lead_unit.pk}&light=red&light=yellow&due_to=2023-12-31")
    assert followed.getvalue() == direct.getvalue()

    path, query = _moved(client.get(f"/exports/ledger.csv?document={world.document.pk}"))
    assert (path, query) == (f"/api/v1/documents/{world.document.pk}/ledger.csv", {})


def test_the_old_bulletin_urls_open_in_the_browser_unless_downloaded(october):
    client = _signed_in(october.supervisor)
    base = f"/exports/bulletin.%s?document={october.document.pk}&period=2023-10"
    api = f"/api/v1/documents/{october.document.pk}/bulletin.%s"
    for fmt in ("html", "pdf"):
        assert _moved(client.get(base % fmt)) == (api % fmt, {"period": ["2023-10"], "inline": ["true"]})
        assert _moved(client.get(base % fmt + "&download=1")) == (api % fmt, {"period": ["2023-10"]})
    assert _moved(client.get(base % "docx")) == (api % "docx", {"period": ["2023-10"]})

    page = client.get(base % "html", follow=True)
    assert page.status_code == 200 and page["Content-Disposition"].startswith("inline")
    assert (
        "default-src 'none'" in page["Content-Security-Policy"] and "script-src" not in page["Content-Security-Policy"]
    )
    assert "区教育局" in page.getvalue().decode()
    attached = client.get(base % "pdf" + "&download=1", follow=True)
    assert attached["Content-Disposition"].startswith("attachment") and attached.getvalue().startswith(b"%PDF")


def test_the_old_notice_and_job_file_urls_redirect_to_the_same_file(world):
    with time_machine.travel(datetime(2023, 11, 2, 9, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        notice = urge_issue(
            user=world.supervisor,
            task=world.task,
            level=UrgeNotice.Level.SUPERVISE,
            message="请说明原因",
            reply_due=date(2023, 11, 7),
        )
    client = _signed_in(world.lead_clerk)
    for fmt in ("pdf", "docx"):
        assert _moved(client.get(f"/exports/urges/{notice.pk}.{fmt}")) == (
            f"/api/v1/urges/{notice.pk}/notice.{fmt}",
            {},
        )
    assert client.get(f"/exports/urges/{notice.pk}.pdf", follow=True).content.startswith(b"%PDF")

    job = export_job_create(user=world.lead_clerk, kind="ledger_csv", document=world.document, params={})
    export_job_run(job_id=job.pk)
    old = f"/exports/jobs/{job.pk}/download"
    assert _moved(client.get(old)) == (f"/api/v1/export-jobs/{job.pk}/download/", {})
    assert b"".join(client.get(old, follow=True).streaming_content).decode("utf-8-sig").startswith("序号")
    # Someone else's job: the same redirect as for any id, and the API's 404 behind it.
    _uniform(_signed_in(world.co_clerk).get(old, follow=True), 404, "not_found")


def test_an_old_url_sends_a_signed_out_reader_to_sign_in_first(world):
    response = Client().get(f"/exports/ledger.csv?document={world.document.pk}")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/exports/jobs/"),
        ("post", "/exports/jobs/"),
        ("get", "/exports/jobs/1/"),
        ("get", "/exports/calendar/tokens/"),
        ("post", "/exports/calendar/tokens/"),
        ("post", "/exports/calendar/tokens/1/revoke"),
    ],
)
def test_the_old_json_endpoints_are_gone_and_name_their_replacement(world, method, path):
    client = _signed_in(world.lead_clerk)
    client.handler.enforce_csrf_checks = True  # as a script's POST arrives: still the JSON answer
    body = {"kind": "ledger_csv", "document": world.document.pk, "unit": world.lead_unit.pk}
    error = _uniform(getattr(client, method)(path, body), 410, "gone")
    assert "/api/v1/" in error["message"]
    assert not ExportJob.objects.exists() and not CalendarToken.objects.exists()


def test_the_calendar_feed_stays_at_exports(client, world):
    _, secret = calendar_token_create(user=world.lead_clerk, unit=world.lead_unit)
    response = client.get(f"/exports/calendar/{secret}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")


def test_refused_exports_answer_the_uniform_error_body(world, october):
    clerk = f.UserFactory(username="edu_clerk")
    f.MembershipFactory(user=clerk, unit=october.units["区教育局"])
    bulletin = f"/api/v1/documents/{october.document.pk}/bulletin.pdf?period=2023-10"
    error = _uniform(_signed_in(clerk).get(bulletin), 403, "forbidden")
    assert error["fields"] == {}
    # Followed from the old URL, the same refusal.
    old = _signed_in(clerk).get(f"/exports/bulletin.pdf?document={october.document.pk}&period=2023-10", follow=True)
    assert _uniform(old, 403, "forbidden") == error

    outsider = _signed_in(world.other_clerk)
    _uniform(outsider.get(f"/api/v1/documents/{world.document.pk}/ledger.xlsx"), 404, "not_found")
    bad = _uniform(
        _signed_in(world.supervisor).get(f"/api/v1/documents/{world.document.pk}/ledger.csv?as_of=x"), 400, "invalid"
    )
    assert "as_of" in bad["fields"]
    # What the old URL itself refuses (it must find the document to know where it went) is said the same way.
    missing = _uniform(outsider.get("/exports/ledger.csv?document=柯政发〔2023〕999号"), 404, "not_found")
    assert "document" in missing["fields"]
    assert "document" in _uniform(outsider.get("/exports/bulletin.pdf?period=2023-10"), 400, "invalid")["fields"]
    assert (
        "unit"
        in _uniform(outsider.get(f"/exports/ledger.csv?document={world.document.pk}&unit=无此单位"), 404, "not_found")[
            "fields"
        ]
    )
    _uniform(
        _signed_in(clerk).post(f"/api/v1/documents/{october.document.pk}/bulletin-jobs/", {"period": "2023-10"}),
        403,
        "forbidden",
    )
    assert not ExportJob.objects.exists()
