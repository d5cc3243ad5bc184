"""Area-wide targets (a milestone of an area, no task) through the API: who sees them.

Admins, leaders and supervisors not limited to a scope see every one; a supervisor scoped to the
area's document or the area sees it, one scoped to another document does not; a member of the
area's lead unit sees it, another unit's clerk does not. One rule (`permissions.every_or_scopes`)
answers for the task lists and for these targets, and one for whose membership counts
(`roles.acting_memberships`: members of units still switched on).
"""

from __future__ import annotations

import pytest

from accounts.models import Unit
from policy_tasks.models import AreaUnit, Milestone, Task
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db


def _sees_target(user, target: Milestone) -> bool:
    response = client_for(user).get("/api/v1/milestones/?page_size=200")
    assert response.status_code == 200, response.content
    return target.pk in {row["id"] for row in response.json()["results"]}


def test_who_sees_an_area_wide_target(paged):
    w = paged
    target = Milestone.objects.get(task=None)
    AreaUnit.objects.get_or_create(area=target.area, unit=w.other_unit)
    seen = {
        who: _sees_target(getattr(w, who), target)
        for who in ("admin", "leader", "supervisor", "by_document", "by_area", "by_second", "other_clerk", "co_clerk")
    }
    assert seen == {
        "admin": True,
        "leader": True,
        "supervisor": True,
        "by_document": True,
        "by_area": True,
        "by_second": False,
        "other_clerk": True,  # a member of the area's lead unit
        "co_clerk": False,
    }


def test_acting_on_an_area_wide_target_is_refused_as_the_list_shows_it(paged):
    """Who does not see the target is told it does not exist (404); who sees it but does not
    supervise it may not act (403); a supervisor in scope gets past both."""
    w = paged
    target = Milestone.objects.get(task=None)
    AreaUnit.objects.get_or_create(area=target.area, unit=w.other_unit)
    codes = {}
    for who in ("by_second", "co_clerk", "other_clerk", "leader", "admin", "by_area", "supervisor"):
        response = client_for(getattr(w, who)).post(
            f"/api/v1/milestones/{target.pk}/request-completion/",
            {"note": "已完成", "evidence": []},
            format="json",
            HTTP_IF_MATCH=f'"{target.version}"',
        )
        codes[who] = response.status_code
    assert {who: codes[who] for who in ("by_second", "co_clerk")} == {"by_second": 404, "co_clerk": 404}
    assert {who: codes[who] for who in ("other_clerk", "leader", "admin")} == dict.fromkeys(
        ("other_clerk", "leader", "admin"), 403
    )
    assert codes["by_area"] not in (403, 404) and codes["supervisor"] not in (403, 404), codes


def _sees_detail(user, target: Milestone) -> bool:
    response = client_for(user).get(f"/api/v1/milestones/{target.pk}/")
    assert response.status_code in (200, 404), response.content
    return response.status_code == 200


def _sees_tasks_of(user, unit: Unit) -> bool:
    response = client_for(user).get("/api/v1/tasks/?page_size=200")
    assert response.status_code == 200, response.content
    seen = {row["id"] for row in response.json()["results"]}
    return bool(
        seen & set(Task.objects.filter(task_units__unit=unit, task_units__role="lead").values_list("pk", flat=True))
    )


def test_a_switched_off_lead_unit_no_longer_shows_its_area_target(paged):
    """A unit switched off (merged, abolished) no longer acts through its members: its clerk
    loses the area's target, in the list and by its address, as they lose the unit's tasks."""
    w = paged
    target = Milestone.objects.get(task=None)
    AreaUnit.objects.get_or_create(area=target.area, unit=w.other_unit)
    clerk = w.other_clerk
    assert (_sees_target(clerk, target), _sees_detail(clerk, target), _sees_tasks_of(clerk, w.other_unit)) == (
        True,
        True,
        True,
    )

    Unit.objects.filter(pk=w.other_unit.pk).update(is_active=False)

    assert (_sees_target(clerk, target), _sees_detail(clerk, target), _sees_tasks_of(clerk, w.other_unit)) == (
        False,
        False,
        False,
    )
    # The target itself is unchanged: a supervisor in scope still sees it.
    assert _sees_target(w.by_area, target) and _sees_detail(w.by_area, target)
