"""An Aliyun SMS whose SendSms timed out is settled by QuerySendDetails, matched by our OutId,
against a local Dysmsapi that checks the POP signature of both actions."""

from __future__ import annotations

import json
import sys
import threading
import time
import urllib.parse
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.core.cache import cache

from notifications.models import Delivery, NotificationPreference
from notifications.services.reconcile import reconcile_expired
from notifications.services.timing import as_of
from tests.notifications.conftest import run_day
from tests.notifications.providers import ALIYUN_KEY_ID, ALIYUN_SECRET, aliyun_expected_signature

pytestmark = pytest.mark.django_db
DUE = date(2023, 10, 31)


class Dysms:
    def __init__(self):
        self.records: list[dict] = []
        self.rejected: list[str] = []
        self.queries: list[dict] = []
        self.slow = 0.0
        self.send_status = 3


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _handler(state: Dysms):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self, body: dict) -> None:
            data = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            params = dict(urllib.parse.parse_qsl(raw.decode(), keep_blank_values=True))
            signature = params.pop("Signature", "")
            if signature != aliyun_expected_signature("POST", params, ALIYUN_SECRET) or (
                params.get("AccessKeyId") != ALIYUN_KEY_ID
            ):
                state.rejected.append(params.get("Action", ""))
                return self._answer({"Code": "SignatureDoesNotMatch", "Message": "bad signature"})
            if params["Action"] == "QuerySendDetails":
                state.queries.append(params)
                found = [r for r in state.records if r["PhoneNum"] == params["PhoneNumber"]]
                details = {"SmsSendDetailDTO": found[: int(params["PageSize"])]}
                return self._answer({"Code": "OK", "TotalCount": len(found), "SmsSendDetailDTOs": details})
            if state.slow:
                time.sleep(state.slow)  # the caller gave up; Aliyun took the message all the same
            state.records.append(
                {"PhoneNum": params["PhoneNumbers"], "OutId": params["OutId"], "SendStatus": state.send_status}
            )
            return self._answer({"Code": "OK", "BizId": f"biz-{len(state.records)}"})

    return Handler


@pytest.fixture
def dysms(settings):
    cache.clear()  # the reconciler's "asked recently" marks are keyed by attempt id, reused across tests
    state = Dysms()
    server = _Server(("127.0.0.1", 0), _handler(state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.SMS_BACKEND = "aliyun"
    settings.ALIYUN_SMS_ENDPOINT = f"http://127.0.0.1:{server.server_address[1]}/"
    settings.ALIYUN_SMS_ACCESS_KEY_ID, settings.ALIYUN_SMS_ACCESS_KEY_SECRET = ALIYUN_KEY_ID, ALIYUN_SECRET
    settings.ALIYUN_SMS_SIGN_NAME, settings.ALIYUN_SMS_TEMPLATE_CODE = "督办系统", "SMS_000001"
    settings.NOTIFY_HTTP_TIMEOUT_SECONDS = 1
    yield state
    server.shutdown()
    server.server_close()


def _timed_out(world, dysms) -> Delivery:
    NotificationPreference.objects.create(user=world.lead_clerk, email=False, inbox=False, sms=True)
    dysms.slow = 1.5
    run_day(DUE)
    delivery = Delivery.objects.get()
    assert delivery.status == "unknown"
    for _ in range(100):
        if dysms.records:
            break
        time.sleep(0.05)
    return delivery


def _reconcile_later():
    with time_machine.travel(as_of(DUE) + timedelta(minutes=10), tick=False):
        return reconcile_expired()


@pytest.mark.parametrize(("send_status", "status", "counted"), [(3, "sent", "confirmed"), (1, "sent", "confirmed"),
                                                                 (2, "failed", "undelivered")])  # fmt: skip
def test_query_send_details_settles_the_unknown_send_by_its_out_id(world, rules, dysms, send_status, status, counted):
    dysms.send_status = send_status
    delivery = _timed_out(world, dysms)
    result = _reconcile_later()
    delivery.refresh_from_db()
    assert delivery.status == status and getattr(result, counted) == 1
    [query] = dysms.queries
    assert query["PhoneNumber"] == world.lead_clerk.phone and query["SendDate"] == "20231031"
    assert dysms.rejected == [] and len(dysms.records) == 1  # asked, never sent again


def test_no_record_with_our_out_id_leaves_the_send_unknown(world, rules, dysms):
    delivery = _timed_out(world, dysms)
    dysms.records[0]["OutId"] = "someone-else"
    result = _reconcile_later()
    delivery.refresh_from_db()
    assert delivery.status == "unknown" and result.confirmed == 0 and len(dysms.queries) == 1
