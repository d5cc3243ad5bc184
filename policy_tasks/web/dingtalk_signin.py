"""Sign-in with DingTalk: scan on the login page, and 免登 inside the DingTalk workbench.

Both end in policy_tasks.web.signin.begin, the step after a password: the second factor of
privileged roles, the session clocks and the audit event (`auth.login`, method "dingtalk")
apply as they do to a password. Who the person is comes from accounts.dingtalk_signin.
"""

from __future__ import annotations

import hmac
import secrets

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from accounts import dingtalk_signin as dingtalk
from accounts.dingtalk_signin import SignInRefused
from accounts.request_types import NoncedHttpRequest
from duban.lib import clock
from policy_tasks.services import signin as services
from policy_tasks.web import signin
from policy_tasks.web.access import meta
from policy_tasks.web.auth import LOCKED_OUT

STATE = "duban_dingtalk_state"
# Scanning and agreeing takes a person a minute or two; a state older than this is refused.
STATE_SECONDS = 600
BACKEND = "django.contrib.auth.backends.ModelBackend"
METHOD = "dingtalk"
STATE_INVALID = "登录请求已失效或与本次会话不符，请返回登录页重新扫码。"
NOT_IN_DINGTALK = "请在钉钉工作台中打开督办系统，或返回登录页使用用户名和密码登录。"


def _enabled_or_404() -> None:
    if not dingtalk.enabled():
        raise Http404("钉钉登录未启用")


def _safe_next(request: HttpRequest, target: str) -> str:
    return target if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) else ""


def _refused(request: HttpRequest, message: str, *, status: int = 403) -> HttpResponse:
    return render(request, "registration/dingtalk_refused.html", {"message": message}, status=status)


def _sign_in(request: HttpRequest, resolve, *, next_url: str = "") -> HttpResponse:
    """Resolve the code to an account and go on as after a password, or refuse with the reason."""
    try:
        userid, mobile = resolve()
        user = dingtalk.account_for(userid, mobile)
    except SignInRefused as refused:
        identity = f"dingtalk:{refused.dingtalk_userid}" if refused.dingtalk_userid else "dingtalk"
        services.signin_refused(
            user=refused.user, identity=identity, method=METHOD, reason=refused.reason, meta=meta(request)
        )
        status = 503 if refused.message in dingtalk.SERVER_SIDE else 403
        return _refused(request, refused.message, status=status)
    # A lockout stands for the account, whichever way in: while failed passwords hold it,
    # DingTalk does not open it either (an admin lifts it, or the cool-off ends).
    if AxesProxyHandler.is_locked(request, credentials={"username": user.username}):
        services.signin_refused(
            user=user, identity=f"dingtalk:{userid}", method=METHOD, reason="locked_out", meta=meta(request)
        )
        return _refused(request, LOCKED_OUT, status=429)
    return signin.begin(request, user, BACKEND, method=METHOD, next_url=next_url)


@require_GET
def scan_start(request: HttpRequest) -> HttpResponse:
    """The login page's button: a fresh state in this session, then DingTalk's authorize page."""
    _enabled_or_404()
    state = secrets.token_urlsafe(24)
    request.session[STATE] = {
        "value": state,
        "at": int(clock.now().timestamp()),
        "next": _safe_next(request, request.GET.get("next", "")),
    }
    callback = request.build_absolute_uri(reverse("web:login-dingtalk-callback"))
    return redirect(dingtalk.authorize_url(redirect_uri=callback, state=state))


@require_GET
def scan_callback(request: HttpRequest) -> HttpResponse:
    """Where DingTalk sends the browser back: the state must be this session's, once, and fresh."""
    _enabled_or_404()
    expected = request.session.pop(STATE, None)
    given = request.GET.get("state", "")
    # The new login page names the code authCode; older clients and documents say code.
    code = request.GET.get("authCode") or request.GET.get("code") or ""
    fresh = expected is not None and int(clock.now().timestamp()) - expected["at"] <= STATE_SECONDS
    if not (fresh and given and hmac.compare_digest(given, expected["value"])):
        services.signin_refused(user=None, identity="dingtalk", method=METHOD, reason="bad_state", meta=meta(request))
        return _refused(request, STATE_INVALID, status=400)
    if not code:
        return _refused(request, dingtalk.CODE_INVALID, status=400)
    return _sign_in(request, lambda: dingtalk.scan_identity(code), next_url=expected.get("next", ""))


@require_http_methods(["GET", "POST"])
def workbench(request: NoncedHttpRequest) -> HttpResponse:
    """免登: the page asks the DingTalk client for an authCode and posts it back here.

    The POST carries the CSRF token of this page, so only this page, opened in DingTalk,
    can hand in a code; the code itself is good for one use and a few minutes.
    """
    _enabled_or_404()
    if request.method == "POST":
        code = request.POST.get("authCode", "").strip()
        if not code:
            return _refused(request, NOT_IN_DINGTALK, status=400)
        return _sign_in(request, lambda: dingtalk.workbench_identity(code))
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    response = render(
        request,
        "registration/dingtalk_workbench.html",
        {"corp_id": settings.DINGTALK_CORP_ID, "jsapi_url": settings.DINGTALK_JSAPI_URL, "fallback": NOT_IN_DINGTALK},
    )
    # The JSAPI comes from DingTalk's own address (or the office's copy): allowed on this page only.
    policy = settings.DUBAN_CSP.replace("{nonce}", request.csp_nonce) if settings.DUBAN_CSP else ""
    if policy:
        origin = "/".join(settings.DINGTALK_JSAPI_URL.split("/")[:3])
        response["Content-Security-Policy"] = policy.replace("script-src 'self'", f"script-src 'self' {origin}", 1)
    return response
