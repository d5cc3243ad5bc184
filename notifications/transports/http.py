"""One HTTP POST for the webhook-style providers, with errors sorted for retrying."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from django.conf import settings

from notifications.transports.base import TransportError


def post(url: str, data: bytes, *, content_type: str) -> dict:
    request = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=settings.NOTIFY_HTTP_TIMEOUT_SECONDS) as response:
            raw = response.read()
    except urllib.error.HTTPError as exc:
        # The provider answered: it did not accept the message. 5xx and 429 are worth retrying.
        body = exc.read()[:300].decode("utf-8", "replace")
        retry = exc.code >= 500 or exc.code == 429
        raise TransportError(f"HTTP {exc.code}: {body}", permanent=not retry) from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise TransportError(f"超时: {reason}", ambiguous=True) from exc
        # Refused or unresolvable: the request never left, a retry is safe.
        raise TransportError(f"连接失败: {reason}") from exc
    except TimeoutError as exc:
        raise TransportError(f"读取超时: {exc}", ambiguous=True) from exc
    except OSError as exc:
        raise TransportError(f"连接中断: {exc}", ambiguous=True) from exc
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise TransportError(f"无法解析的响应: {raw[:200]!r}", ambiguous=True) from exc
