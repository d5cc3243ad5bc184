from __future__ import annotations

from notifications.models.inbox import InboxMessage, NotificationPreference
from notifications.models.ledger import DIGEST_CHANNELS, UNDELIVERED, Channel, Decision, Delivery, DeliveryAttempt
from notifications.models.rules import ReminderRule, Subject
from notifications.models.runs import TaskRun
from notifications.models.scanmarks import ScanChange, ScanMark

__all__ = [
    "DIGEST_CHANNELS",
    "UNDELIVERED",
    "Channel",
    "Decision",
    "Delivery",
    "DeliveryAttempt",
    "InboxMessage",
    "NotificationPreference",
    "ReminderRule",
    "ScanChange",
    "ScanMark",
    "Subject",
    "TaskRun",
]
