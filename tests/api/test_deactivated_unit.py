"""A unit switched off (机构改革: merged, abolished) no longer acts through its members: the
lists show them what the task pages let them open, which is nothing of the unit's."""

from __future__ import annotations

from tests.api.conftest import client_for


def test_a_member_of_a_deactivated_unit_lists_none_of_its_tasks_and_opens_none(world):
    world.co_unit.is_active = False
    world.co_unit.save(update_fields=["is_active"])
    co, lead = client_for(world.co_clerk), client_for(world.lead_clerk)

    assert co.get("/api/v1/tasks/").json()["results"] == []
    assert co.get(f"/api/v1/tasks/{world.task.pk}/").status_code == 404
    assert co.get("/api/v1/milestones/").json()["results"] == []
    assert co.get(f"/api/v1/milestones/{world.milestone.pk}/").status_code == 404
    # The lead unit is still active: its clerk is unaffected.
    assert [t["id"] for t in lead.get("/api/v1/tasks/").json()["results"]] == [world.task.pk]
    assert lead.get(f"/api/v1/tasks/{world.task.pk}/").status_code == 200
