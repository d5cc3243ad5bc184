"""The in-app inbox's one page action: mark messages read (the panel sits on 工作台)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_POST

from notifications.services.inbox import inbox_mark_read
from notifications.templatetags.notifications_tags import inbox_context
from policy_tasks.web.access import back, is_htmx, page


@page
@require_POST
def inbox_read(request: HttpRequest) -> HttpResponse:
    ids = [int(pk) for pk in request.POST.getlist("id") if pk.isdigit()] or None
    inbox_mark_read(request.user, ids)
    if is_htmx(request):
        return render(request, "notifications/inbox.html", inbox_context(request.user))
    return back(request, "/workbench/")


app_name = "notifications-web"
urlpatterns = [path("inbox/read/", inbox_read, name="inbox-read")]
