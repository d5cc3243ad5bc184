"""One HTTP call to an outside provider, and the one way its failure is sorted.

Every caller that talks to a provider over HTTP (the webhook and SMS transports, the DingTalk
client, DingTalk sign-in) reads a failure by this convention and maps it to its own outcome:

- ``REFUSED``: the connection was refused or the name did not resolve (urllib's ``URLError``
  whose reason is not a timeout). Nothing was sent, so a retry is safe.
- ``AMBIGUOUS``: a timeout, connecting or reading (``URLError(TimeoutError)``, ``TimeoutError``),
  a connection broken after the request went out (any other ``OSError``), an answer cut short or
  garbled on the wire (``http.client.HTTPException``: ``IncompleteRead``, ``BadStatusLine``), or a
  success answer that cannot be read (``json_answer``). The provider may have acted on the request: do not
  blindly resend it (an at-most-once channel marks it unknown).
- ``TRANSIENT``: the provider answered HTTP 5xx or 429: it did not act, a later retry can succeed.
- ``PERMANENT``: the provider answered any other error status (a 4xx, or a 3xx that urllib does
  not follow): repeating the same request gets the same answer.

``exchange`` returns every answer, success or not (an SMS gateway puts its refusal in a 4xx
body); only a call that got no answer raises, and a caller that reads the answer itself asks
``transient_status`` about 5xx/429. ``call`` raises for an error status too.
The ``detail`` texts are the ones the ledger and the operator's test command have always shown.
A request urllib will not build (``ValueError``) is not sorted here and reaches the caller as it is.
"""

from __future__ import annotations

import enum
import http.client
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any


class Failure(enum.Enum):
    REFUSED = "refused"
    AMBIGUOUS = "ambiguous"
    TRANSIENT = "transient"
    PERMANENT = "permanent"


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes


class CallFailed(Exception):
    """A sorted failure. ``status``/``body``: the provider's answer when there was one."""

    def __init__(self, kind: Failure, detail: str, *, status: int | None = None, body: bytes = b""):
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.status = status
        self.body = body

    @property
    def body_text(self) -> str:
        """The start of the answer's body, for a message."""
        return self.body[:300].decode("utf-8", "replace")


def transient_status(status: int) -> bool:
    """5xx or 429: the provider did not act now and may later (for callers that read any answer)."""
    return status >= 500 or status == 429


def status_failure(status: int) -> Failure:
    """How an error status (one urllib raises for: not 2xx) is sorted."""
    return Failure.TRANSIENT if transient_status(status) else Failure.PERMANENT


def exchange(
    url: str,
    *,
    method: str = "POST",
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float,
) -> Answer:
    """Every HTTP answer, status and raw body; raises CallFailed (REFUSED or AMBIGUOUS) without one."""
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Answer(response.status, response.read())
    except urllib.error.HTTPError as exc:
        return Answer(exc.code, exc.read())
    except urllib.error.URLError as exc:
        # urllib wraps what fails while connecting and writing the request; a timeout there
        # counts as ambiguous too (part of the request may have gone out).
        if isinstance(exc.reason, TimeoutError):
            raise CallFailed(Failure.AMBIGUOUS, f"超时: {exc.reason}") from exc
        raise CallFailed(Failure.REFUSED, f"连接失败: {exc.reason}") from exc
    except TimeoutError as exc:
        raise CallFailed(Failure.AMBIGUOUS, f"读取超时: {exc}") from exc
    except http.client.HTTPException as exc:
        # The request went out and what came back broke off or made no sense: it may have been acted on.
        raise CallFailed(Failure.AMBIGUOUS, f"响应不完整: {exc!r}") from exc
    except OSError as exc:
        raise CallFailed(Failure.AMBIGUOUS, f"连接中断: {exc}") from exc


def call(
    url: str,
    *,
    method: str = "POST",
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float,
) -> bytes:
    """The body of a success answer; CallFailed of any kind otherwise (an error status carries it)."""
    answer = exchange(url, method=method, data=data, headers=headers, timeout=timeout)
    if 200 <= answer.status < 300:
        return answer.body
    kind = status_failure(answer.status)
    raise CallFailed(kind, f"HTTP {answer.status}", status=answer.status, body=answer.body)


def json_answer(raw: bytes) -> Any:
    """A success answer's JSON (typed as json.loads types it). Unreadable: the provider took the request, its outcome is unknown."""
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise CallFailed(Failure.AMBIGUOUS, f"无法解析的响应: {raw[:200]!r}", body=raw) from exc
