"""Who a DingTalk sign-in is: a code turned into the person's DingTalk user id, then the account.

Two ways in (docs/dingtalk-signin.md):
- scan on the login page: the code from login.dingtalk.com is exchanged on the new API for
  the person's own token (POST /v1.0/oauth2/userAccessToken), which reads their unionId and
  mobile (GET /v1.0/contact/users/me); the app's token turns the unionId into the userid of
  this organisation (oapi topapi/user/getbyunionid), so a DingTalk user outside it has none;
- 免登 inside the DingTalk workbench: the JSAPI's authCode is resolved with the app's token
  (oapi topapi/v2/user/getuserinfo); the mobile is read (topapi/v2/user/get) only when the
  userid is not yet stored on an account.
浙政钉 (DINGTALK_EDITION=gov) does both through its signed gateway
(/rpc/oauth2/getuserinfo_bycode.json, /rpc/oauth2/dingtalk_app_user.json), which names the
person by accountId and gives no mobile: there only the stored id finds the account.

An account is found by its stored `dingtalk_userid`, else by its mobile number, which then
stores the id. No account is ever created: an office decides who may use the system.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from accounts.models import User
from duban.lib import http_calls
from duban.lib.dingtalk import DingTalkError, app_access_token, call_gov, call_oapi, edition
from duban.lib.http_calls import Failure

TIMEOUT_SECONDS = 10
PUBLIC_LOGIN_BASE = "https://login.dingtalk.com"
GOV_LOGIN_BASE = "https://login-pro.ding.zj.gov.cn"
# oapi: no such user in this organisation (getbyunionid, user/get).
USER_NOT_FOUND = {60121, 60011}

UNMAPPED = "该钉钉账号未关联督办系统账号，请联系管理员。"
NOT_IN_ORG = "该钉钉账号不在本单位组织内，无法登录督办系统，请联系管理员。"
DISABLED = "该督办系统账号已停用，无法登录。如有疑问请联系管理员。"
AMBIGUOUS = "该钉钉账号的手机号对应多个督办系统账号，无法确定登录哪一个，请联系管理员。"
CONFLICT = "该手机号对应的督办系统账号已关联另一个钉钉账号，请联系管理员。"
CODE_INVALID = "钉钉授权码无效或已过期，请重新扫码登录或重新打开应用。"
UNAVAILABLE = "暂时无法连接钉钉，请稍后再试，或使用用户名和密码登录。"
MISCONFIGURED = "钉钉登录的应用配置有误，暂时无法使用，请使用用户名和密码登录并告知管理员。"
# Shown with 503: the fault is on the system's side, not the person's.
SERVER_SIDE = {UNAVAILABLE, MISCONFIGURED}


class SignInRefused(Exception):
    """This DingTalk sign-in ends here: `message` is shown to the person, `reason` goes on the audit chain."""

    def __init__(self, message: str, *, reason: str, dingtalk_userid: str = "", user: User | None = None):
        super().__init__(message)
        self.message = message
        self.reason = reason
        self.dingtalk_userid = dingtalk_userid
        self.user = user


@dataclass(frozen=True)
class Mobile:
    number: str
    state_code: str = "86"


def enabled() -> bool:
    """On when the app is configured and DINGTALK_SIGNIN is not turned off."""
    return bool(settings.DINGTALK_SIGNIN and settings.DINGTALK_APP_KEY and settings.DINGTALK_APP_SECRET)


def _gov() -> bool:
    return edition() == "gov"


def authorize_url(*, redirect_uri: str, state: str) -> str:
    """DingTalk's page that shows the QR code and sends the browser back with a code and `state`."""
    if _gov():
        base = settings.DINGTALK_LOGIN_BASE or GOV_LOGIN_BASE
        params = {"response_type": "code", "scope": "get_user_info", "authType": "QRCODE"}
        path = "/oauth2/auth.htm"
    else:
        base = settings.DINGTALK_LOGIN_BASE or PUBLIC_LOGIN_BASE
        # prompt=consent: always ask, so a shared office computer never signs in whoever used it last.
        params = {"response_type": "code", "scope": "openid", "prompt": "consent"}
        path = "/oauth2/auth"
    params.update(client_id=settings.DINGTALK_APP_KEY, redirect_uri=redirect_uri, state=state)
    return f"{base.rstrip('/')}{path}?{urllib.parse.urlencode(params)}"


def _new_api(path: str, *, body: dict | None = None, user_token: str = "") -> dict:
    """The public edition's new API (api.dingtalk.com), which answers a refusal with 4xx."""
    url = f"{settings.DINGTALK_OAUTH_BASE.rstrip('/')}{path}"
    headers = {"Content-Type": "application/json"}
    if user_token:
        headers["x-acs-dingtalk-access-token"] = user_token
    data = None if body is None else json.dumps(body).encode()
    try:
        raw = http_calls.call(
            url, method="GET" if data is None else "POST", data=data, headers=headers, timeout=TIMEOUT_SECONDS
        )
        return http_calls.json_answer(raw)
    except http_calls.CallFailed as exc:
        if exc.status is None:  # refused, unresolvable, timed out, broken, garbled
            raise SignInRefused(UNAVAILABLE, reason="unreachable") from exc
        # {"code": "invalidAuthCode"...}: a used, expired or foreign code, or a token it no longer takes.
        # A redirect urllib would not follow is the configured address's fault, not the person's code.
        refused = exc.kind is Failure.PERMANENT and exc.status >= 400
        raise SignInRefused(CODE_INVALID if refused else UNAVAILABLE, reason=f"http_{exc.status}") from exc
    except (OSError, ValueError) as exc:  # a request urllib will not build, an error body that broke off
        raise SignInRefused(UNAVAILABLE, reason="unreachable") from exc


def _app_ready() -> None:
    """The app's token first, on its own: a refusal there is the office's configuration, not the person's code."""
    try:
        app_access_token()
    except DingTalkError as exc:
        if exc.transient or exc.answer is None:
            raise SignInRefused(UNAVAILABLE, reason=f"app_token_{exc.code}") from exc
        raise SignInRefused(MISCONFIGURED, reason=f"app_token_{exc.code}") from exc


def _oapi(path: str, body: dict, *, refused: dict[int, tuple[str, str]]) -> dict:
    """An oapi call with the app's token (duban.lib.dingtalk); `refused` maps errcodes to (message, reason)."""
    _app_ready()
    try:
        answer = call_oapi(path, body)
    except DingTalkError as exc:
        errcode = (exc.answer or {}).get("errcode")
        if errcode in refused:
            message, reason = refused[errcode]
            raise SignInRefused(message, reason=reason) from exc
        raise SignInRefused(UNAVAILABLE, reason=f"dingtalk_{exc.code}") from exc
    return answer.get("result") or {}


def _gov_account(path: str, params: dict) -> str:
    """The 浙政钉 accountId a code stands for, through the signed gateway."""
    _app_ready()
    try:
        answer = call_gov(path, params, with_token=True)
    except DingTalkError as exc:
        # The gateway's codes are not published: an answered refusal is taken as a bad code.
        transient = exc.transient or exc.answer is None
        raise SignInRefused(UNAVAILABLE if transient else CODE_INVALID, reason=f"dingtalk_{exc.code}") from exc
    data = (answer.get("content") or {}).get("data") or {}
    account = str(data.get("accountId") or "")
    if not account:
        raise SignInRefused(CODE_INVALID, reason="no_account_id")
    return account


def _no_mobile() -> Mobile:
    # 浙政钉's sign-in answers carry no mobile: the account is found by the id the
    # work-notification channel (or an admin) stored, and only by it.
    return Mobile("")


def scan_identity(code: str) -> tuple[str, Callable[[], Mobile]]:
    """The userid and mobile of whoever scanned and agreed on DingTalk's login page."""
    if _gov():
        return _gov_account("/rpc/oauth2/getuserinfo_bycode.json", {"code": code}), _no_mobile
    grant = {
        "clientId": settings.DINGTALK_APP_KEY,
        "clientSecret": settings.DINGTALK_APP_SECRET,
        "code": code,
        "grantType": "authorization_code",
    }
    user_token = _new_api("/v1.0/oauth2/userAccessToken", body=grant).get("accessToken")
    if not user_token:
        raise SignInRefused(CODE_INVALID, reason="no_access_token")
    me = _new_api("/v1.0/contact/users/me", user_token=user_token)
    not_in_org = dict.fromkeys(USER_NOT_FOUND, (NOT_IN_ORG, "not_in_org"))
    found = _oapi("topapi/user/getbyunionid", {"unionid": me.get("unionId") or ""}, refused=not_in_org)
    userid = str(found.get("userid") or "")
    if not userid:
        raise SignInRefused(NOT_IN_ORG, reason="not_in_org")
    mobile = Mobile(str(me.get("mobile") or ""), str(me.get("stateCode") or "86"))
    return userid, lambda: mobile


def workbench_identity(auth_code: str) -> tuple[str, Callable[[], Mobile]]:
    """The userid of whoever opened the app in the DingTalk workbench (免登)."""
    if _gov():
        return _gov_account("/rpc/oauth2/dingtalk_app_user.json", {"auth_code": auth_code}), _no_mobile
    # 40078: the code does not exist (used, expired or from another app).
    bad_code = {40078: (CODE_INVALID, "bad_code")}
    userid = str(_oapi("topapi/v2/user/getuserinfo", {"code": auth_code}, refused=bad_code).get("userid") or "")
    if not userid:
        raise SignInRefused(CODE_INVALID, reason="bad_code")

    def mobile() -> Mobile:
        not_found = dict.fromkeys(USER_NOT_FOUND, (NOT_IN_ORG, "not_in_org"))
        detail = _oapi("topapi/v2/user/get", {"userid": userid, "language": "zh_CN"}, refused=not_found)
        return Mobile(str(detail.get("mobile") or ""), str(detail.get("state_code") or "86"))

    return userid, mobile


def phone_forms(mobile: Mobile) -> set[str]:
    """The ways an admin may have typed this number into User.phone."""
    number = "".join(ch for ch in mobile.number if ch.isdigit())
    code = "".join(ch for ch in mobile.state_code if ch.isdigit()) or "86"
    if not number:
        return set()
    if number.startswith(code) and len(number) > 11:
        number = number[len(code) :]
    return {number, f"+{code}{number}", f"{code}{number}"}


def account_for(userid: str, mobile: Callable[[], Mobile]) -> User:
    """The existing, active account of this DingTalk user, or SignInRefused; never a new one."""
    user = User.objects.filter(dingtalk_userid=userid).first()
    if user is None:
        user = _by_mobile(userid, mobile())
    if not user.is_active:
        raise SignInRefused(DISABLED, reason="disabled", dingtalk_userid=userid, user=user)
    return user


def _by_mobile(userid: str, mobile: Mobile) -> User:
    forms = phone_forms(mobile)
    matches = list(User.objects.filter(phone__in=forms)[:2]) if forms else []
    if not matches:
        raise SignInRefused(UNMAPPED, reason="unmapped", dingtalk_userid=userid)
    if len(matches) > 1:
        raise SignInRefused(AMBIGUOUS, reason="ambiguous_mobile", dingtalk_userid=userid)
    user = matches[0]
    if user.dingtalk_userid and user.dingtalk_userid != userid:
        # The number moved to another DingTalk account (or was typed on the wrong account):
        # an admin must decide, a sign-in must not repoint the account.
        raise SignInRefused(CONFLICT, reason="mobile_linked_elsewhere", dingtalk_userid=userid, user=user)
    if not user.is_active:
        raise SignInRefused(DISABLED, reason="disabled", dingtalk_userid=userid, user=user)
    try:
        with transaction.atomic():
            user.dingtalk_userid = userid
            user.save(update_fields=["dingtalk_userid"])
    except IntegrityError:
        # Stored meanwhile by a parallel sign-in or the notification channel: whoever holds it now wins.
        return User.objects.get(dingtalk_userid=userid)
    return user
