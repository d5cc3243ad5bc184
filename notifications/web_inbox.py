"""消息中心: every role's inbox, a page at a time, reached from the top bar.

Marking read takes the ids of the messages the user was shown (the page, or the
workbench panel): a 全部标为已读 that also marked the ones on later pages would
hide escalations nobody has read. Opening a message marks it read and follows its link.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from accounts.request_types import AuthenticatedHttpRequest
from notifications.inbox_links import annotate
from notifications.models import InboxMessage
from notifications.selectors import inbox_messages
from notifications.services.inbox import inbox_mark_read, inbox_unread_count
from notifications.templatetags.notifications_tags import inbox_context
from policy_tasks.web.access import back, is_htmx, page, viewer_for

PAGE_SIZE = 20


@page
@require_GET
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    unread_only = request.GET.get("unread") == "1"
    user = request.user
    messages = inbox_messages(user=user, unread_only=unread_only)
    paginator = Paginator(messages, PAGE_SIZE)
    current = paginator.get_page(request.GET.get("page"))
    shown = annotate(list(current.object_list), request)
    context = {
        "viewer": viewer_for(request),
        "nav": "inbox",
        "page": current,
        "shown": shown,
        "shown_unread": [m.pk for m in shown if m.read_at is None],
        "unread_only": unread_only,
        "unread_total": inbox_unread_count(user),
        "here": request.get_full_path(),
    }
    return render(request, "notifications/inbox_page.html", context)


@page
@require_GET
def inbox_open(request: AuthenticatedHttpRequest, message_id: int) -> HttpResponse:
    """Open a message: marks it read (only the reader's own) and goes where it points."""
    user = request.user
    msg = InboxMessage.objects.filter(pk=message_id, recipient=user).first()
    if msg is None:
        raise Http404("消息不存在")
    inbox_mark_read(user, [msg.pk])
    target = annotate([msg], request)[0].target
    return redirect(target or reverse("notifications-web:inbox"))


@page
@require_POST
def inbox_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Mark read the messages named by id: those the user was shown, never the rest."""
    ids = [int(pk) for pk in request.POST.getlist("id") if pk.isdigit()]
    if ids:
        inbox_mark_read(request.user, ids)
    if is_htmx(request):
        # The top bar's badge is outside the panel: htmx swaps it out of band.
        return render(request, "notifications/inbox.html", {**inbox_context(request), "oob_badge": True})
    return back(request, reverse("notifications-web:inbox"))
