"""The in-app inbox: unread count and mark-read, each user only their own."""

from __future__ import annotations

from datetime import date

import pytest

from notifications.models import InboxMessage
from notifications.selectors import inbox_messages
from notifications.services.inbox import inbox_mark_read, inbox_unread_count
from notifications.services.preferences import preference_update
from policy_tasks.errors import ServiceError
from tests import factories as f
from tests.notifications.conftest import run_day

pytestmark = pytest.mark.django_db


def test_reminder_lands_in_the_inbox_and_counts_as_unread(world, rules):
    f.MilestoneFactory(task=world.task, text="年内完成验收", due_date=date(2023, 10, 31))
    run_day(date(2023, 10, 31))
    assert inbox_unread_count(world.lead_clerk) == 2
    assert inbox_unread_count(world.co_clerk) == 0
    assert next(m.title for m in inbox_messages(user=world.lead_clerk)).startswith("【督办提醒】")


def test_mark_read_touches_only_the_callers_messages(world, rules):
    run_day(date(2023, 10, 31))
    mine = InboxMessage.objects.get(recipient=world.lead_clerk)
    assert inbox_mark_read(world.co_clerk, [mine.pk]) == 0
    assert inbox_unread_count(world.lead_clerk) == 1
    assert inbox_mark_read(world.lead_clerk, [mine.pk]) == 1
    assert inbox_unread_count(world.lead_clerk) == 0
    assert inbox_mark_read(world.lead_clerk) == 0


def test_preferences_switch_channels(world, rules):
    preference_update(user=world.lead_clerk, channels=["inbox"])
    run_day(date(2023, 10, 31))
    assert inbox_unread_count(world.lead_clerk) == 1
    from django.core import mail

    assert mail.outbox == []


def test_sms_needs_a_phone_number(world):
    world.lead_clerk.phone = ""
    world.lead_clerk.save()
    with pytest.raises(ServiceError) as caught:
        preference_update(user=world.lead_clerk, channels=["sms"])
    assert caught.value.field == "channels"
