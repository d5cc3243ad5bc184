"""One HTTP POST for the webhook-style providers, its failure sorted by duban.lib.http_calls."""

from __future__ import annotations

from django.conf import settings

from duban.lib import http_calls
from duban.lib.http_calls import CallFailed, Failure
from notifications.transports.base import TransportError


def transport_error(exc: CallFailed) -> TransportError:
    """The transports' reading of a sorted failure: an error status keeps its code and body."""
    message = f"{exc.detail}: {exc.body_text}" if exc.status is not None else exc.detail
    return TransportError(message, permanent=exc.kind is Failure.PERMANENT, ambiguous=exc.kind is Failure.AMBIGUOUS)


def post(url: str, data: bytes, *, content_type: str) -> dict:
    try:
        raw = http_calls.call(
            url, data=data, headers={"Content-Type": content_type}, timeout=settings.NOTIFY_HTTP_TIMEOUT_SECONDS
        )
        return http_calls.json_answer(raw)
    except CallFailed as exc:
        raise transport_error(exc) from exc
