"""What a log line knows about the work it belongs to, carried in context variables.

A context variable, not a thread-local "current user": it serves log lines only, never a
decision, and it is reset when the request or the task ends.
"""

from __future__ import annotations

import re
import uuid
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.utils.functional import LazyObject, empty

request_id: ContextVar[str | None] = ContextVar("duban_request_id", default=None)
current_request: ContextVar[Any] = ContextVar("duban_current_request", default=None)
task: ContextVar[tuple[str, str] | None] = ContextVar("duban_task", default=None)

# What a proxy or a client may hand us as an id: short, and nothing a log reader would trip on.
_SANE_ID = re.compile(r"^[A-Za-z0-9._:\-]{8,64}$")


def accept_request_id(incoming: str | None) -> str:
    """The incoming X-Request-ID if it looks like an id, else a fresh one."""
    if incoming and _SANE_ID.match(incoming):
        return incoming
    return uuid.uuid4().hex


def route_of(request: Any) -> str:
    """The resolved URL name (never the raw path: calendar feeds carry their secret in it)."""
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.view_name or match.route or "unnamed"
    if getattr(request, "path", "").startswith("/" + settings.STATIC_URL.lstrip("/")):
        return "static"  # whitenoise answers before URLs are resolved
    return "unmatched"


def user_id_of(request: Any) -> int | None:
    """The user's id if authentication already ran; never loads a session just to log."""
    user = request.__dict__.get("user") if request is not None else None
    # LazyObject._wrapped: Django's private slot for the wrapped object, which the stubs leave out.
    if user is None or (isinstance(user, LazyObject) and user._wrapped is empty):  # type: ignore[attr-defined]
        return None
    return getattr(user, "pk", None)


def fields() -> dict[str, Any]:
    """request_id, user_id and route for the line being written now (None where unknown)."""
    request = current_request.get()
    running = task.get()
    return {
        "request_id": request_id.get(),
        "user_id": user_id_of(request),
        "route": route_of(request) if request is not None else None,
        "task": running[0] if running else None,
        "task_id": running[1] if running else None,
    }
