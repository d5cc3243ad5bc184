"""Reads of the notification ledger and inbox."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.models import User
from notifications.models import UNDELIVERED, Delivery, InboxMessage
from policy_tasks.permissions import can, visible_tasks


def deliveries_failed(*, user: User | None = None) -> QuerySet[Delivery]:
    """Deliveries that did not arrive (failed) or may not have (unknown), newest first.

    With a user: those who may retry them (docs/permissions.md, delivery.retry) see those
    about the tasks in their scope, and any of their own; delivery.read_all sees all;
    anybody else only their own.
    """
    qs = Delivery.objects.filter(status__in=UNDELIVERED).select_related("recipient", "rule", "task")
    if user is not None and not user.is_authenticated:
        return qs.none()
    if user is None or can(user, "delivery.read_all"):
        return qs.order_by("-id")
    if can(user, "delivery.retry"):
        return qs.filter(Q(task__in=visible_tasks(user)) | Q(recipient=user)).order_by("-id")
    return qs.filter(recipient=user).order_by("-id")


def deliveries_pending_due(*, now) -> QuerySet[Delivery]:
    return Delivery.objects.filter(status=Delivery.Status.PENDING, next_attempt_at__lte=now).select_related(
        "recipient", "rule"
    )


def inbox_messages(*, user: User, unread_only: bool = False) -> QuerySet[InboxMessage]:
    qs = InboxMessage.objects.filter(recipient=user)
    if unread_only:
        qs = qs.filter(read_at=None)
    return qs.order_by("-created_at", "-id")
