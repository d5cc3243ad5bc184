"""One HTTP exchange for the SMS providers that answer with their own status codes.

Unlike http.post (webhooks answering JSON), the caller gets every HTTP answer back,
status and raw body, because a gateway may put its rejection in a 4xx body and
Tencent answers 200 with an error object. Only a call that got no answer raises,
sorted as http.post sorts it: refused before sending is a safe retry, a timeout or
a broken connection after sending is ambiguous (the SMS may be on its way).
"""

from __future__ import annotations

import urllib.error
import urllib.request

from django.conf import settings

from notifications.transports.base import TransportError


def exchange(url: str, *, method: str = "POST", data: bytes | None = None, headers: dict | None = None):
    """-> (HTTP status, raw body)."""
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=settings.NOTIFY_HTTP_TIMEOUT_SECONDS) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise TransportError(f"超时: {reason}", ambiguous=True) from exc
        raise TransportError(f"连接失败: {reason}") from exc
    except TimeoutError as exc:
        raise TransportError(f"读取超时: {exc}", ambiguous=True) from exc
    except OSError as exc:
        raise TransportError(f"连接中断: {exc}", ambiguous=True) from exc
