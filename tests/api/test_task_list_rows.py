"""The API's task list reads its pages with one SQL statement (selectors.task_list_rows) and pages
by key (policy_tasks.api.keyset). Whatever the ordering, filters and reader, the pages hold
exactly the tasks the visible, filtered queryset holds, in its order, both ways."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import pytest
import time_machine

from accounts.models import Membership, RoleGrant
from policy_tasks.api.filters import TaskFilter
from policy_tasks.models import SupervisionScope, Task
from policy_tasks.permissions import visible_tasks
from tests.api.conftest import client_for
from tests.api.paging import cursor, walk, walk_back

pytestmark = pytest.mark.django_db


@pytest.fixture
def paged(paged_once):
    return paged_once


ORDERINGS = ["", "id", "-id", "number", "-number", "title", "-title", "updated_at", "-updated_at"]


def _expected(user, ordering: str, **filters) -> list[int]:
    queryset = visible_tasks(user)
    if filters:
        queryset = TaskFilter(filters, queryset=queryset).qs
    first = ordering or "id"
    tie = "-id" if first.startswith("-") else "id"
    return list(queryset.order_by(first, tie).values_list("id", flat=True))


@pytest.mark.parametrize("ordering", ORDERINGS)
@pytest.mark.parametrize("actor", ["supervisor", "by_area", "lead_clerk"])
def test_pages_follow_the_querysets_order_whatever_the_ordering(paged, actor, ordering):
    user = getattr(paged, actor)
    pages, last = walk(client_for(user), f"/api/v1/tasks/?page_size=4&ordering={ordering}")
    assert [pk for page in pages for pk in page] == _expected(user, ordering)
    assert last["next"] is None


@pytest.mark.parametrize("ordering", ["number", "-title", "updated_at"])
def test_previous_links_walk_back_through_the_same_pages(paged, ordering):
    client = client_for(paged.supervisor)
    forward, last = walk(client, f"/api/v1/tasks/?page_size=3&ordering={ordering}")
    assert len(forward) >= 3
    assert walk_back(client, last["previous"]) == forward[-2::-1]


def test_an_update_time_cursor_past_the_end_links_back_to_the_last_page(paged):
    client = client_for(paged.supervisor)
    everything = walk(client, "/api/v1/tasks/?page_size=200&ordering=updated_at")[0][0]
    past = cursor({"k": ["2099-01-01T00:00:00+00:00", 1], "b": False})
    body = client.get(f"/api/v1/tasks/?page_size=2&ordering=updated_at&cursor={past}").json()
    assert body["results"] == [] and body["next"] is None
    assert [row["id"] for row in client.get(body["previous"]).json()["results"]] == everything[-2:]


@pytest.mark.parametrize(
    "filters",
    [
        lambda w: {"document": w.second.pk},
        lambda w: {"unit": w.co_unit.pk},
        lambda w: {"lead_unit": w.other_unit.pk, "status": "open"},
        lambda w: {"search": "第2类"},
        lambda w: {"overdue_on": "2023-04-01"},
        lambda w: {"light": "red"},
        lambda w: {"light": "green"},
    ],
)
@pytest.mark.parametrize("actor", ["supervisor", "by_document"])
def test_filters_keep_the_querysets_tasks(paged, filters, actor):
    user = getattr(paged, actor)
    wanted = {name: str(value) for name, value in filters(paged).items()}
    query = urlencode(wanted)
    with time_machine.travel(date(2023, 3, 20), tick=False):
        pages, _ = walk(client_for(user), f"/api/v1/tasks/?page_size=2&ordering=-number&{query}")
        expected = _expected(user, "-number", **wanted)
    assert expected or actor == "by_document", wanted
    assert [pk for page in pages for pk in page] == expected


@pytest.mark.parametrize(
    "ordering,forged",
    [
        ("number", cursor({"k": ["3", 5], "b": False})),
        ("updated_at", cursor({"k": ["2023-05-28T10:00:00", 5], "b": False})),
        ("updated_at", cursor({"k": ["yesterday", 5], "b": False})),
        ("updated_at", cursor({"k": ["9999-12-31T23:59:59-14:00", 5], "b": False})),
        ("title", cursor({"k": [3, 5], "b": False})),
        ("id", cursor({"k": [5, -1], "b": False})),
    ],
)
def test_a_cursor_that_does_not_fit_the_ordering_is_a_400(paged, ordering, forged):
    response = client_for(paged.supervisor).get(f"/api/v1/tasks/?ordering={ordering}&cursor={forged}")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["cursor"]


def _by_the_rule(user) -> list[int]:
    """The tasks docs/permissions.md lets `user` see, decided in Python row by row: a task one of
    the user's units is on, or one in a supervisor's scope (everything without a scope)."""
    units = set(Membership.objects.filter(user=user).values_list("unit_id", flat=True))
    grants = RoleGrant.objects.filter(user=user, revoked_at=None)
    if grants.filter(role__in=[RoleGrant.Role.ADMIN, RoleGrant.Role.LEADER]).exists():
        return sorted(Task.objects.values_list("id", flat=True))
    scopes = None
    if grants.filter(role=RoleGrant.Role.SUPERVISOR).exists():
        scopes = list(SupervisionScope.objects.filter(grant__user=user).values_list("document_id", "area_id"))
    seen = []
    for task in Task.objects.prefetch_related("task_units"):
        member = any(link.unit_id in units for link in task.task_units.all())
        scoped = scopes is not None and (
            not scopes or any(d == task.document_id and a in (None, task.area_id) for d, a in scopes)
        )
        if member or scoped:
            seen.append(task.pk)
    return sorted(seen)


@pytest.mark.parametrize(
    "actor",
    ["supervisor", "by_document", "by_area", "by_second", "lead_clerk", "co_clerk", "other_clerk", "leader", "member"],
)
def test_each_reader_pages_through_exactly_the_tasks_the_rule_lets_them_see(paged, actor):
    if actor == "member":  # a scoped supervisor who is also a clerk of a unit outside the scope
        user = paged.by_area
        Membership.objects.create(user=user, unit=paged.other_unit)
    else:
        user = getattr(paged, actor)
    expected = _by_the_rule(user)
    assert sorted(visible_tasks(user).values_list("id", flat=True)) == expected
    pages, _ = walk(client_for(user), "/api/v1/tasks/?page_size=5")
    assert [pk for page in pages for pk in page] == expected
