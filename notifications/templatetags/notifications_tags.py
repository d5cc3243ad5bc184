"""What the policy_tasks pages show of notifications, reached through template tags so
that policy_tasks never imports notifications (the dependency points the other way)."""

from __future__ import annotations

from django import template

from accounts.models import User
from notifications.inbox_links import annotate
from notifications.models import Delivery
from notifications.selectors import deliveries_failed, inbox_messages
from notifications.services.inbox import inbox_unread_count

register = template.Library()

INBOX_SHOWN = 10
FAILED_SHOWN = 20


def inbox_context(request) -> dict:
    """The workbench's panel: the newest messages, and how many there are in all."""
    user = request.user
    shown = annotate(list(inbox_messages(user=user)[:INBOX_SHOWN]), request)
    total = len(shown) if len(shown) < INBOX_SHOWN else inbox_messages(user=user).count()
    return {
        "inbox": shown,
        "inbox_unread": inbox_unread_count(user),
        "inbox_total": total,
        # Only what the panel shows may be marked read from it.
        "inbox_shown_unread": [m.pk for m in shown if m.read_at is None],
    }


@register.simple_tag(takes_context=True)
def inbox_unread(context) -> int:
    """The top bar's badge: one indexed count (inbox_unread_idx) per page."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return inbox_unread_count(user) if user is not None else 0


@register.inclusion_tag("notifications/inbox.html", takes_context=True)
def inbox_panel(context) -> dict:
    request = context["request"]
    return {**inbox_context(request), "request": request, "csrf_token": context.get("csrf_token")}


@register.simple_tag
def failed_deliveries(user: User) -> list[Delivery]:
    return list(deliveries_failed(user=user)[:FAILED_SHOWN])
