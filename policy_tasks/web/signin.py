"""The steps after the password: the second factor (code or enrolment), then an expired password.

A user is signed in (django.contrib.auth.login) only once every step is done. Until then
the session holds only who passed the password, for a few minutes, so no page, the admin
or the API's session authentication sees anyone signed in.
"""

from __future__ import annotations

from base64 import b32encode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.models import Device

from accounts.models import User
from accounts.passwords import password_expired
from accounts.signin import has_second_factor, mfa_required_for
from duban.lib import clock
from policy_tasks.services import signin as services
from policy_tasks.web.access import meta

PENDING = "duban_pending_signin"
PENDING_SECONDS = 300
EXPIRED_PASSWORD = "您的密码已超过有效期，请设置新密码后继续。"
STEP_EXPIRED = "登录步骤已超时，请重新输入用户名和密码。"


class CodeForm(forms.Form):
    code = forms.CharField(label="验证码", max_length=32, error_messages={"required": "请输入验证码"})


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return resolve_url(settings.LOGIN_REDIRECT_URL)
    return target or resolve_url(settings.LOGIN_REDIRECT_URL)


def begin(
    request: HttpRequest, user: User, backend: str, *, method: str = "password", next_url: str = ""
) -> HttpResponse:
    """After a correct password (or DingTalk's word): sign in now, or hold the user for the next step.

    An expired password is asked to be changed only when it was the password that was given:
    a DingTalk sign-in does not use it, and the password path still refuses it.
    """
    needs_code = has_second_factor(user)
    needs_enrolment = not needs_code and mfa_required_for(user)
    expired = method == "password" and password_expired(user, now=clock.now())
    if not (needs_code or needs_enrolment or expired):
        return complete(request, user, backend, device=None, method=method, next_url=next_url)
    # A new session key for the half-signed-in state (fixation), as login() does for the whole.
    request.session.cycle_key()
    request.session[PENDING] = {
        "user": user.pk,
        "backend": backend,
        "at": int(clock.now().timestamp()),
        "factor": "code" if needs_code else "enrol" if needs_enrolment else "done",
        "device": None,
        "method": method,
        "next": next_url or _next(request),
    }
    if needs_code:
        return redirect("web:login-verify")
    if needs_enrolment:
        return redirect("web:login-enrol")
    return redirect("web:password")


def _pending(request: HttpRequest) -> tuple[User, dict] | None:
    state = request.session.get(PENDING)
    if not state or int(clock.now().timestamp()) - state["at"] > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return None
    user = User.objects.filter(pk=state["user"], is_active=True).first()
    return (user, state) if user else None


def _restart(request: HttpRequest) -> HttpResponse:
    request.session.pop(PENDING, None)
    messages.info(request, STEP_EXPIRED)
    return redirect("web:login")


def complete(
    request: HttpRequest, user: User, backend: str, *, device, method: str, next_url: str = ""
) -> HttpResponse:
    next_url = request.session.get(PENDING, {}).get("next") or next_url or _next(request)
    request.session.pop(PENDING, None)
    login(request, user, backend=backend)
    if device is not None:
        otp_login(request, device)
    services.signin_succeeded(user=user, method=method, meta=meta(request))
    return redirect(next_url)


def _after_factor(request: HttpRequest, user: User, state: dict, device) -> HttpResponse:
    first = state.get("method", "password")
    if first == "password" and password_expired(user, now=clock.now()):
        state.update(factor="done", device=device.persistent_id if device else None)
        request.session[PENDING] = state
        return redirect("web:password")
    method = f"{first}+" + ("recovery_code" if device.persistent_id.startswith("otp_static") else "totp")
    return complete(request, user, state["backend"], device=device, method=method)


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    pending = _pending(request)
    if pending is None or pending[1]["factor"] != "code":
        return _restart(request)
    user, state = pending
    form = CodeForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        device = services.second_factor_verify(user=user, code=form.cleaned_data["code"], meta=meta(request))
        if device is not None:
            return _after_factor(request, user, state, device)
        error = "验证码不正确或已使用，请重新输入。多次输错须等待片刻再试。"
    status = 400 if request.method == "POST" else 200
    return render(request, "registration/verify.html", {"form": form, "error": error}, status=status)


def _enrolling_user(request: HttpRequest) -> tuple[User, dict | None] | None:
    if request.user.is_authenticated:
        return request.user, None
    pending = _pending(request)
    if pending is None or pending[1]["factor"] != "enrol":
        return None
    return pending


@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app: required for admins and supervisors, offered to everyone."""
    who = _enrolling_user(request)
    if who is None:
        return _restart(request)
    user, state = who
    if state is None and has_second_factor(user):
        return render(request, "registration/enrol.html", {"enrolled": True})
    device = services.enrolment_device(user)
    form = CodeForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        done = services.second_factor_enrol(user=user, code=form.cleaned_data["code"], meta=meta(request))
        if done is not None:
            device, codes = done
            if state is None:
                # Signed in already: this session is now verified by the new device.
                otp_login(request, device)
                return render(request, "registration/recovery_codes.html", {"codes": codes, "next": "/"})
            response = _after_factor(request, user, state, device)
            return render(request, "registration/recovery_codes.html", {"codes": codes, "next": response["Location"]})
        error = "验证码不正确，请核对手机时间后重新输入。"
    context = {
        "form": form,
        "error": error,
        "qr": segno.make(device.config_url, error="m").svg_inline(scale=4, omitsize=False),
        "secret": b32encode(device.bin_key).decode(),
        "uri": device.config_url,
        "required": state is not None,
    }
    return render(request, "registration/enrol.html", context, status=400 if error else 200)


@require_http_methods(["GET", "POST"])
def password(request: HttpRequest) -> HttpResponse:
    """Change the password: signed in (with the old one), or as the last sign-in step when it expired."""
    state = None
    form_class: type[SetPasswordForm]
    if request.user.is_authenticated:
        user = request.user
        form_class = PasswordChangeForm
    else:
        pending = _pending(request)
        if pending is None or pending[1]["factor"] != "done":
            return _restart(request)
        user, state = pending
        form_class = SetPasswordForm
    form = form_class(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.password_change(user=user, new_password=form.cleaned_data["new_password1"], meta=meta(request))
        if state is None:
            update_session_auth_hash(request, user)
            messages.success(request, "密码已修改。")
            return redirect("web:home")
        device = None
        if state.get("device"):
            device = Device.from_persistent_id(state["device"])
        method = "password" if device is None else "password+otp"
        return complete(request, user, state["backend"], device=device, method=method)
    context = {
        "form": form,
        "notice": EXPIRED_PASSWORD if state else "",
        "min_length": settings.DUBAN_PASSWORD_MIN_LENGTH,
    }
    return render(request, "registration/password.html", context, status=400 if form.errors else 200)
