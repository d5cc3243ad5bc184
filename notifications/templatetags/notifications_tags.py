"""What the policy_tasks pages show of notifications, reached through template tags so
that policy_tasks never imports notifications (the dependency points the other way)."""

from __future__ import annotations

from django import template

from notifications.selectors import deliveries_failed, inbox_messages
from notifications.services.inbox import inbox_unread_count

register = template.Library()

INBOX_SHOWN = 10
FAILED_SHOWN = 20


def inbox_context(user) -> dict:
    return {
        "inbox": list(inbox_messages(user=user)[:INBOX_SHOWN]),
        "inbox_unread": inbox_unread_count(user),
    }


@register.inclusion_tag("notifications/inbox.html", takes_context=True)
def inbox_panel(context) -> dict:
    request = context["request"]
    return {**inbox_context(request.user), "request": request, "csrf_token": context.get("csrf_token")}


@register.simple_tag
def failed_deliveries(user) -> list:
    return list(deliveries_failed(user=user)[:FAILED_SHOWN])
