"""工作台: what a unit's clerk or head has to do, on one page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from notifications.selectors import inbox_messages
from notifications.services.inbox import inbox_mark_read, inbox_unread_count
from policy_tasks.web import queries
from policy_tasks.web.access import as_of, back, is_htmx, page, viewer_for

INBOX_SHOWN = 10


def _inbox(request: HttpRequest) -> dict:
    return {
        "inbox": list(inbox_messages(user=request.user)[:INBOX_SHOWN]),
        "inbox_unread": inbox_unread_count(request.user),
    }


@page
def workbench(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    on = as_of(request)
    board = queries.workbench(user=request.user, unit_ids=viewer.unit_ids, on=on)
    return render(
        request,
        "web/workbench.html",
        {"viewer": viewer, "on": on, "board": board, "nav": "workbench", **_inbox(request)},
    )


@page
@require_POST
def inbox_read(request: HttpRequest) -> HttpResponse:
    ids = [int(pk) for pk in request.POST.getlist("id") if pk.isdigit()] or None
    inbox_mark_read(request.user, ids)
    if is_htmx(request):
        return render(request, "web/partials/inbox.html", _inbox(request))
    return back(request, "/workbench/")
