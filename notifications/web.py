"""Notifications' pages: the message centre (web_inbox) and 提醒设置, where a user
chooses their own reminder channels, SMS quiet hours and digest."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from accounts.request_types import AuthenticatedHttpRequest
from notifications import web_inbox
from notifications.models import Channel
from notifications.services.preferences import CHANNELS, preference_update
from notifications.services.recipients import Prefs, prefs_for
from notifications.services.retry import deliveries_retry_failed
from notifications.transports import dingtalk_reaches
from policy_tasks.errors import Forbidden, ServiceError
from policy_tasks.services.audit import RequestMeta
from policy_tasks.web.access import page, viewer_for
from policy_tasks.web.forms import PageForm


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


def _channel_label(name: str, user: User) -> str:
    """Each channel with where it would reach this user, or why it cannot."""
    label = Channel(name).label
    if name == Channel.EMAIL:
        return f"{label}({user.email})" if user.email else f"{label}(账户未登记邮箱,暂时收不到)"
    if name == Channel.SMS:
        return f"{label}({user.phone})" if user.phone else f"{label}(须先由管理员登记手机号)"
    if name == Channel.DINGTALK and settings.DINGTALK_MODE == "work_notice":
        reachable = dingtalk_reaches(phone=user.phone, has_id=bool(user.dingtalk_userid))
        return f"{label}(工作通知)" if reachable else f"{label}(须先由管理员登记手机号或钉钉用户ID)"
    if name == Channel.DINGTALK and not settings.DINGTALK_WEBHOOK_URL:
        return f"{label}(本系统尚未接入钉钉,暂时收不到)"
    return label


class PreferenceForm(PageForm):
    # Not required here: preference_update says "at least one" in the same words as the API.
    channels = forms.MultipleChoiceField(label="提醒方式", required=False, widget=forms.CheckboxSelectMultiple)
    quiet_start = forms.TimeField(label="短信免打扰开始", input_formats=["%H:%M", "%H:%M:%S"], widget=TimeInput())
    quiet_end = forms.TimeField(label="短信免打扰结束", input_formats=["%H:%M", "%H:%M:%S"], widget=TimeInput())
    daily_digest = forms.BooleanField(
        label="每日汇总",
        required=False,
        help_text=f"邮件和短信每个工作日 {settings.NOTIFY_DIGEST_TIME} 合并为一条发送;站内信和钉钉照常逐条发送",
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.MultipleChoiceField, self.fields["channels"]).choices = [
            (name, _channel_label(name, user)) for name in CHANNELS
        ]
        for name in ("quiet_start", "quiet_end"):
            self.fields[name].error_messages["invalid"] = "请输入有效的时间,如 22:00"


def _initial(prefs: Prefs) -> dict:
    return {
        "channels": list(prefs.channels),
        "quiet_start": prefs.quiet[0],
        "quiet_end": prefs.quiet[1],
        "daily_digest": prefs.digest,
    }


@page
@require_http_methods(["GET", "POST"])
def preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    """提醒设置. The form shows what the scan reads (recipients.prefs_for): the defaults until saved."""
    user = request.user
    if request.method == "POST":
        form = PreferenceForm(request.POST, user=user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                preference_update(
                    user=user,
                    channels=data["channels"],
                    quiet_start=data["quiet_start"].replace(second=0, microsecond=0),
                    quiet_end=data["quiet_end"].replace(second=0, microsecond=0),
                    daily_digest=data["daily_digest"],
                )
            except ServiceError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, "提醒设置已保存")
                return redirect(reverse("notifications-web:preferences"))
    else:
        form = PreferenceForm(initial=_initial(prefs_for(user)), user=user)
    context = {"viewer": viewer_for(request), "nav": "preferences", "form": form}
    return render(request, "notifications/preferences.html", context, status=400 if form.errors else 200)


@page
@require_POST
def failed_retry(request: AuthenticatedHttpRequest) -> HttpResponse:
    """督查台's failed-delivery panel: every transient failure in the viewer's scope, again now."""
    try:
        count = deliveries_retry_failed(user=request.user, meta=RequestMeta.from_request(request))
    except Forbidden as exc:
        raise PermissionDenied(exc.message) from exc
    if count:
        messages.success(request, f"已将 {count} 条发送失败的提醒重新排队，将在一分钟内重试。")
    else:
        messages.info(request, "没有可重试的提醒（地址错误等永久失败和结果未知的短信须由管理员核查）。")
    return redirect(reverse("web:supervision") + "#failed")


app_name = "notifications-web"
urlpatterns = [
    path("inbox/", web_inbox.inbox, name="inbox"),
    path("inbox/<int:message_id>/", web_inbox.inbox_open, name="inbox-open"),
    path("inbox/read/", web_inbox.inbox_read, name="inbox-read"),
    path("preferences/", preferences, name="preferences"),
    path("failed/retry/", failed_retry, name="failed-retry"),
]
