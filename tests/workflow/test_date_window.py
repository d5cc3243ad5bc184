"""Every date a user sends lies in a sane window: from 2000-01-01 to DUBAN_DATE_YEARS_AHEAD
years after today. A year-9299 reply date once made every reminder scan walk 2.7 million days."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from policy_tasks.errors import ServiceError
from policy_tasks.models import UrgeNotice
from policy_tasks.services.extensions import extension_request
from policy_tasks.services.urges import urge_issue

pytestmark = pytest.mark.django_db


def test_the_service_refuses_an_urge_reply_date_in_year_9299(world):
    with pytest.raises(ServiceError, match="日期须在"):
        urge_issue(user=world.supervisor, task=world.task, level="urge", message="请回复", reply_due=date(9299, 1, 1))
    assert not UrgeNotice.objects.exists()


def test_the_service_refuses_an_extension_to_year_9299(world):
    world.milestone.due_date = date(2023, 11, 30)
    world.milestone.save()
    with time_machine.travel(date(2023, 11, 1), tick=False), pytest.raises(ServiceError, match="日期须在"):
        extension_request(
            user=world.lead_head, milestone=world.milestone, reason="设备到货延迟", proposed_date=date(9299, 1, 1)
        )
