"""One error shape for the whole API: {"error": {"code", "message", "fields"}} (duban.lib.error_body).

Every exception a view can raise ends here: DRF's own, Django's, and the
service errors of policy_tasks.errors (which carry their status and code).
Messages are Chinese whatever the client's Accept-Language, because the API's
users read them in Chinese and scripts read the code.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from accounts.lockout import LOCKED_OUT_CODE, LOCKED_OUT_MESSAGE
from duban.lib.error_body import error_body, json_error
from policy_tasks.api.exceptions import RequestTooLarge
from policy_tasks.errors import NoSuchObject, ServiceError

logger = logging.getLogger(__name__)


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "数据已被他人修改，请刷新后重试"
    default_code = "stale_version"


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = "修改此对象须在 If-Match 请求头中带上当前版本（ETag）"
    default_code = "precondition_required"


class InvalidCredentials(exceptions.APIException):
    status_code = status.HTTP_401_UNAUTHORIZED
    default_detail = "用户名或密码错误"
    default_code = "invalid_credentials"


class SecondFactorRequired(exceptions.APIException):
    status_code = status.HTTP_401_UNAUTHORIZED
    default_detail = "该账号已启用双因素认证，请在 otp 字段中提供验证器显示的 6 位验证码（或一个恢复码）"
    default_code = "otp_required"


class SecondFactorInvalid(exceptions.APIException):
    status_code = status.HTTP_401_UNAUTHORIZED
    default_detail = "验证码不正确或已使用"
    default_code = "otp_invalid"


class SignInIncomplete(exceptions.APIException):
    """The account must finish a step on the web first (second-factor enrolment, expired password)."""

    status_code = status.HTTP_403_FORBIDDEN
    default_code = "sign_in_incomplete"


class TokenLimit(exceptions.APIException):
    status_code = status.HTTP_403_FORBIDDEN
    default_detail = "令牌数量已达上限，请先吊销不再使用的令牌"
    default_code = "token_limit"


class LockedOut(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = LOCKED_OUT_MESSAGE
    default_code = LOCKED_OUT_CODE


# Chinese messages for the exceptions whose default text DRF writes in English
# or which carry a technical detail the caller should not depend on.
_MESSAGES: dict[type[exceptions.APIException], tuple[str, str]] = {
    exceptions.NotAuthenticated: ("not_authenticated", "未登录或未提供身份凭证"),
    exceptions.AuthenticationFailed: ("authentication_failed", "身份凭证无效或已过期"),
    exceptions.PermissionDenied: ("forbidden", "无权执行此操作"),
    exceptions.NotFound: ("not_found", "对象不存在或无权查看"),
    exceptions.MethodNotAllowed: ("method_not_allowed", "不支持该请求方法"),
    exceptions.NotAcceptable: ("not_acceptable", "无法按请求的格式返回结果"),
    exceptions.UnsupportedMediaType: ("unsupported_media_type", "不支持的请求内容类型"),
    exceptions.ParseError: ("parse_error", "请求体格式错误，无法解析"),
}


_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _flatten(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as {"a.b": [msgs]}; list items are numbered."""
    out: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            for k, v in _flatten(value, name).items():
                out.setdefault(k, []).extend(v)
    elif isinstance(detail, list):
        if all(not isinstance(item, (dict, list)) for item in detail):
            out[prefix or "non_field_errors"] = [str(item) for item in detail]
        else:
            for index, item in enumerate(detail):
                for k, v in _flatten(item, f"{prefix}.{index}" if prefix else str(index)).items():
                    out.setdefault(k, []).extend(v)
    else:
        out[prefix or "non_field_errors"] = [str(detail)]
    return out


def _validation_message(fields: dict[str, list[str]]) -> str:
    if not fields:
        return "提交的数据有误"
    name, messages = next(iter(fields.items()))
    first = messages[0] if messages else ""
    if name == "non_field_errors":
        return first or "提交的数据有误"
    return f"{name}：{first}"


def _translate(exc: Exception) -> tuple[int, str, str, dict[str, list[str]], dict[str, str]]:
    """(status, code, message, fields, headers) for any exception we know how to answer."""
    if isinstance(exc, ServiceError):
        fields = {exc.field: [exc.message]} if exc.field else {}
        if isinstance(exc, NoSuchObject):  # worded as the serializer words a missing id
            return exc.status, exc.code, _validation_message(fields), fields, {}
        return exc.status, exc.code, exc.message, fields, {}
    if isinstance(exc, RequestDataTooBig):  # Django's own check, when something read request.body
        exc = RequestTooLarge()
    if isinstance(exc, (PreconditionFailed, PreconditionRequired, InvalidCredentials, LockedOut, TokenLimit)):
        headers: dict[str, str] = {"WWW-Authenticate": 'Token realm="api"'} if exc.status_code == 401 else {}
        return exc.status_code, exc.default_code, str(exc.detail), {}, headers
    if isinstance(exc, exceptions.ValidationError):
        fields = _flatten(exc.detail)
        return 400, "invalid", _validation_message(fields), fields, {}
    if isinstance(exc, DjangoValidationError):
        fields = _flatten(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
        return 400, "invalid", _validation_message(fields), fields, {}
    if isinstance(exc, exceptions.Throttled):
        wait = int(exc.wait) if exc.wait else None  # type: ignore[attr-defined]  # set in __init__; drf-stubs omit it
        message = f"请求过于频繁，请 {wait} 秒后再试" if wait else "请求过于频繁，请稍后再试"
        return 429, "throttled", message, {}, ({"Retry-After": str(wait)} if wait else {})
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith("CSRF Failed"):
        return 403, "csrf_failed", "CSRF 校验失败，请刷新页面后重试（脚本请使用令牌认证）", {}, {}
    if isinstance(exc, (IntegrityError, DataError)):
        # A constraint the services did not foresee (e.g. two requests racing
        # past a check): a conflict for the caller, not a crash.
        logger.warning("database refused a change: %s", exc)
        return 409, "conflict", "数据冲突，请刷新后重试", {}, {}
    for cls, (code, message) in _MESSAGES.items():
        if isinstance(exc, cls):
            detail = str(exc.detail)
            if detail != str(exc.default_detail) and _CHINESE.search(detail):
                message = detail  # raised by our own code with its own message
            headers = {}
            if exc.status_code == 401:
                headers["WWW-Authenticate"] = getattr(exc, "auth_header", None) or 'Token realm="api"'
            return exc.status_code, code, message, {}, headers
    if isinstance(exc, RequestTooLarge):
        return exc.status_code, exc.default_code, str(exc.detail), {}, {}
    if isinstance(exc, exceptions.APIException):
        return exc.status_code, str(exc.default_code), str(exc.detail), {}, {}
    raise exc


def exception_handler(exc: Exception, context: dict) -> Response | None:
    try:
        status_code, code, message, fields, headers = _translate(exc)
    except Exception:
        return None  # not ours: let DRF re-raise it so the 500 is logged with its traceback
    set_rollback()
    return Response(error_body(code, message, fields), status=status_code, headers=headers)


def service_error_response(exc: ServiceError) -> JsonResponse:
    """A service's refusal outside DRF views, in the body and status the API gives it."""
    status_code, code, message, fields, _ = _translate(exc)
    return json_error(status_code, code, message, fields)
