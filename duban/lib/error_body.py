"""The API's one error shape, {"error": {"code", "message", "fields"}}, written in one place.

DRF's exception handler (policy_tasks.api.errors), Django's own error answers under /api/
(duban.errors) and the sign-in lockout (accounts.lockout, which may not import policy_tasks)
all answer with it; here below both apps, so each can.
"""

from __future__ import annotations

from typing import Any

from django.http import JsonResponse


def error_body(code: str, message: str, fields: dict[str, list[str]] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def json_error(status_code: int, code: str, message: str, fields: dict[str, list[str]] | None = None) -> JsonResponse:
    """For answers produced outside DRF views (unknown API paths, the lockout, old URLs)."""
    return JsonResponse(
        error_body(code, message, fields), status=status_code, json_dumps_params={"ensure_ascii": False}
    )
