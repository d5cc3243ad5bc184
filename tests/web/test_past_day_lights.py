"""A milestone's light on a past day is the light it had then, as its task's light on that day
reads it (selectors.counted: closed by a day means closed by its end): one closed only today was
still to do on a past day, red past its due date and yellow just before it, not grey. Through the
pages that show a milestone's light for `?as_of=`: the task page and the ledger; and a clause
closed today with its last milestone has that light on the console's board and the workbench."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client

from duban.lib import clock
from policy_tasks.models import Milestone, Task
from policy_tasks.selectors.lights import task_light
from policy_tasks.services.evidence import evidence_upload
from policy_tasks.services.milestones import milestone_request_completion, milestone_verify
from tests.web.builders import pdf

pytestmark = pytest.mark.django_db

# world.milestone is due 2023-10-31 (a Tuesday); the document warns 5 working days ahead.
AFTER_DUE = date(2023, 11, 15)
BEFORE_DUE = date(2023, 10, 30)


def _badge(html: str, anchor: str) -> tuple[str, str | None]:
    """The light and the reason beside it in the element whose id is `anchor`."""
    block = html.split(f'id="{anchor}"', 1)[1].split("</article>", 1)[0].split("</tr>", 1)[0]
    light = re.search(r'<span class="light light-(\w+)">', block)
    reason = re.search(r'<small class="light-reason" data-code="\w+">([^<]*)</small>', block)
    assert light is not None, block
    return light.group(1), reason.group(1) if reason else None


@pytest.fixture
def closed_today(world) -> Milestone:
    Milestone.objects.filter(pk=world.milestone.pk).update(status=Milestone.Status.CLOSED, closed_at=clock.now())
    return world.milestone


@pytest.mark.parametrize(
    ("on", "light", "reason"),
    [(AFTER_DUE, "red", "逾期15天"), (BEFORE_DUE, "yellow", "临期：1个工作日内到期")],
)
def test_a_milestone_closed_today_has_the_light_of_then_on_a_past_day(
    client: Client, world, closed_today, on, light, reason
):
    client.force_login(world.supervisor)
    task_page = client.get(f"/tasks/{world.task.pk}/?as_of={on}").content.decode()
    assert _badge(task_page, f"m{closed_today.pk}") == (light, reason)
    ledger = client.get(f"/milestones/?document={world.document.pk}&as_of={on}&light=").content.decode()
    assert _badge(ledger, f"row-{closed_today.pk}") == (light, reason)
    # Its only milestone: the task's light that day is the same.
    assert task_light(world.task, on=on) == light


def test_today_a_closed_milestone_is_grey(client: Client, world, closed_today):
    client.force_login(world.supervisor)
    task_page = client.get(f"/tasks/{world.task.pk}/").content.decode()
    assert _badge(task_page, f"m{closed_today.pk}") == ("grey", None)
    assert task_light(world.task, on=clock.today()) == "grey"


def test_one_closed_before_the_past_day_is_grey_on_it(client: Client, world):
    closed_at = clock.end_of(date(2023, 11, 1))  # the first instant of 2023-11-02
    Milestone.objects.filter(pk=world.milestone.pk).update(status=Milestone.Status.CLOSED, closed_at=closed_at)
    client.force_login(world.supervisor)
    for on, light in ((date(2023, 11, 1), "red"), (date(2023, 11, 2), "grey")):
        html = client.get(f"/tasks/{world.task.pk}/?as_of={on}").content.decode()
        assert _badge(html, f"m{world.milestone.pk}")[0] == light, on
        assert task_light(world.task, on=on) == light, on


def test_a_task_closed_today_with_its_last_milestone_has_the_light_of_then(client: Client, world):
    """Verifying the last milestone closes the clause too (services.milestones): on a past day
    both were still to do, and the clause's tiles show its milestone's light, not grey."""
    evidence = evidence_upload(user=world.lead_head, task=world.task, uploaded_file=pdf("证明.pdf"))
    asked = milestone_request_completion(user=world.lead_head, milestone=world.milestone, evidence_ids=[evidence.pk])
    milestone_verify(user=world.supervisor, milestone=world.milestone, completion_request=asked.pk)
    world.task.refresh_from_db()
    assert world.task.status == Task.Status.CLOSED
    for on, light in ((AFTER_DUE, "red"), (BEFORE_DUE, "yellow"), (clock.today(), "grey")):
        assert task_light(world.task, on=on) == light, on
        client.force_login(world.supervisor)
        task_page = client.get(f"/tasks/{world.task.pk}/?as_of={on}").content.decode()
        assert _badge(task_page, f"m{world.milestone.pk}")[0] == light, on
        console = client.get(f"/supervision/?document={world.document.pk}&as_of={on}").content.decode()
        tile = re.search(rf'<li class="tile tile-(\w+)"><a href="/tasks/{world.task.pk}/', console)
        assert tile is not None and tile.group(1) == light, on
        client.force_login(world.lead_clerk)
        bench = client.get(f"/workbench/?as_of={on}").content.decode()
        tile = re.search(rf'<li class="tile tile-(\w+)">\s*<a href="/tasks/{world.task.pk}/"', bench)
        assert tile is not None and tile.group(1) == light, on
