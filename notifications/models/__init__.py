from __future__ import annotations

from notifications.models.inbox import InboxMessage, NotificationPreference
from notifications.models.ledger import Channel, Decision, Delivery, DeliveryAttempt
from notifications.models.rules import ReminderRule, Subject
from notifications.models.runs import TaskRun

__all__ = [
    "Channel",
    "Decision",
    "Delivery",
    "DeliveryAttempt",
    "InboxMessage",
    "NotificationPreference",
    "ReminderRule",
    "Subject",
    "TaskRun",
]
