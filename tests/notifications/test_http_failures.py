"""One sorting of a provider's HTTP failure (duban.lib.http_calls), read the same way by every caller.

Against a real local HTTP server and a port that refuses: the shared function sorts each failure,
then the webhook transport (http.post), the SMS exchange (sms_http.exchange), the DingTalk client
(dingtalk._request) and DingTalk sign-in (_new_api) are shown to reach the same verdict.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from accounts import dingtalk_signin
from duban.lib import dingtalk, http_calls
from duban.lib.http_calls import CallFailed, Failure
from notifications.transports import TransportError, http, sms_http

TIMEOUT = 0.3
RELEASE = threading.Event()  # frees the handler that holds its answer past the timeout


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.startswith("/status/"):
            return self._answer(int(self.path.rsplit("/", 1)[1]), b'{"code": "refused"}')
        if self.path == "/slow":
            RELEASE.wait(5)
            return self._answer(200, b"{}")
        if self.path == "/hangup":  # read the request, then close without a word
            self.close_connection = True
            return None
        if self.path == "/cut":  # a success answer that breaks off before its announced length
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.write(b'{"ok"')
            self.close_connection = True
            return None
        if self.path == "/badstatus":  # a status line no HTTP speaker would send
            self.wfile.write(b"GARBAGE 200 OK\r\n\r\n")
            self.close_connection = True
            return None
        if self.path == "/garbled":
            return self._answer(200, b"<html>gateway</html>")
        return self._answer(200, b'{"ok": true}')

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    RELEASE.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        RELEASE.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def refusing() -> Iterator[str]:
    """A port that is bound but not listening: the connection is refused, nothing is sent."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{s.getsockname()[1]}"


@pytest.fixture(autouse=True)
def short_timeouts(settings, monkeypatch):
    settings.NOTIFY_HTTP_TIMEOUT_SECONDS = TIMEOUT
    monkeypatch.setattr(dingtalk_signin, "TIMEOUT_SECONDS", TIMEOUT)


# (path on the local server, or None for the refusing port; the one sorting it must get)
CASES = {
    "refused": (None, Failure.REFUSED),
    "timeout": ("/slow", Failure.AMBIGUOUS),
    "hangup": ("/hangup", Failure.AMBIGUOUS),
    "429": ("/status/429", Failure.TRANSIENT),
    "503": ("/status/503", Failure.TRANSIENT),
    "400": ("/status/400", Failure.PERMANENT),
    "garbled": ("/garbled", Failure.AMBIGUOUS),
    # Sent, and the answer broke off or was garbled: it may have been acted on (not resent blindly).
    "cut": ("/cut", Failure.AMBIGUOUS),
    "badstatus": ("/badstatus", Failure.AMBIGUOUS),
}
# What each caller must make of a kind: retried later, never blindly resent, or given up.
VERDICT = {
    Failure.REFUSED: "retry",
    Failure.TRANSIENT: "retry",
    Failure.AMBIGUOUS: "ambiguous",
    Failure.PERMANENT: "permanent",
}


def _url(case: str, server: str, refusing: str) -> str:
    path, _ = CASES[case]
    return refusing + "/" if path is None else server + path


def _shared(url: str) -> CallFailed:
    with pytest.raises(CallFailed) as caught:
        http_calls.json_answer(http_calls.call(url, data=b"{}", timeout=TIMEOUT))
    return caught.value


def _transport_verdict(exc: TransportError) -> str:
    return "permanent" if exc.permanent else "ambiguous" if exc.ambiguous else "retry"


def _dingtalk_verdict(exc: dingtalk.DingTalkError) -> str:
    return "ambiguous" if exc.ambiguous else "retry" if exc.transient else "permanent"


@pytest.mark.parametrize("case", list(CASES))
def test_the_shared_function_sorts_each_failure(case, server, refusing):
    failed = _shared(_url(case, server, refusing))
    assert failed.kind is CASES[case][1]
    answered = case in {"429", "503", "400"}
    assert (failed.status is not None) is answered
    if answered:
        assert failed.detail == f"HTTP {case}" and failed.body_text == '{"code": "refused"}'


@pytest.mark.parametrize("case", list(CASES))
def test_every_caller_reaches_the_same_verdict(case, server, refusing, settings):
    url = _url(case, server, refusing)
    shared = _shared(url)
    verdict = VERDICT[shared.kind]

    with pytest.raises(TransportError) as webhook:
        http.post(url, b"{}", content_type="application/json")
    assert _transport_verdict(webhook.value) == verdict

    with pytest.raises(dingtalk.DingTalkError) as client:
        dingtalk._request("POST", url, data=b"{}")
    assert _dingtalk_verdict(client.value) == verdict

    # Sign-in only reads, so a retry and an ambiguous call are alike: "try again later".
    settings.DINGTALK_OAUTH_BASE = url
    with pytest.raises(dingtalk_signin.SignInRefused) as signin:
        dingtalk_signin._new_api("", body={})
    expected = dingtalk_signin.CODE_INVALID if verdict == "permanent" else dingtalk_signin.UNAVAILABLE
    assert signin.value.message == expected

    if shared.status is None and shared.body == b"":
        # No answer: the same words everywhere, the SMS exchange raising like the webhook.
        with pytest.raises(TransportError) as sms:
            sms_http.exchange(url, data=b"x")
        assert _transport_verdict(sms.value) == verdict
        assert webhook.value.message == sms.value.message == client.value.message == shared.detail
        assert signin.value.reason == "unreachable"
    else:
        # An answer: the SMS exchange hands it back for the provider's own reading.
        status, body = sms_http.exchange(url, data=b"x")
        assert status == (shared.status or 200)
        assert body == (shared.body if shared.status else b"<html>gateway</html>")


def test_a_success_answer_is_returned_by_every_caller(server):
    assert http.post(server + "/ok", b"{}", content_type="application/json") == {"ok": True}
    assert dingtalk._request("POST", server + "/ok", data=b"{}") == {"ok": True}
    assert sms_http.exchange(server + "/ok") == (200, b'{"ok": true}')
