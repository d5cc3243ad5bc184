"""A supervisor limited to scopes reads the overdue ledger one scope document at a time, plus the
tasks of their own units outside the scopes (permissions.visible_task_parts,
selectors.ledger_list_rows). What they see and its order must be what the whole rule gives:
the same rows as the ledger's queryset, page after page, whatever the scopes and units."""

from __future__ import annotations

from datetime import date

import pytest

from accounts.models import RoleGrant
from duban.lib import clock
from policy_tasks import permissions
from policy_tasks.models import SupervisionScope, Task
from policy_tasks.selectors.tasks import milestones_overdue
from tests import factories as f
from tests.api.conftest import client_for
from tests.api.paging import walk, walk_back
from tests.notifications.test_scope_forms import build_world

pytestmark = pytest.mark.django_db
PAST = date(2023, 6, 1)


def _supervisor(username, *scopes, unit=None):
    user = f.UserFactory(username=username)
    grant = f.RoleGrantFactory(user=user, role=RoleGrant.Role.SUPERVISOR)
    for document, area in scopes:
        SupervisionScope.objects.create(grant=grant, document=document, area=area)
    if unit is not None:
        f.MembershipFactory(user=user, unit=unit)
    return user


@pytest.fixture
def readers(paged):
    """Scoped supervisors over a world of three documents: one area of one document, with and
    without a unit of their own; an area of one document and the whole of another."""
    w = paged
    third = f.DocumentFactory(title="第三份文件")
    task = f.TaskFactory(document=third, number=1, title="第三份文件的工程")
    f.TaskUnitFactory(task=task, unit=w.other_unit, role="lead", position=0)
    for k in range(2):
        f.MilestoneFactory(task=task, position=k, due_date=date(2023, 2 + k, 10))
    w.third = third
    area_b = w.document.areas.get(number=2)
    return {
        "area": _supervisor("scope_area", (w.document, w.area_a)),
        "area_and_unit": _supervisor("scope_area_unit", (w.document, w.area_a), unit=w.other_unit),
        "two_documents": _supervisor("scope_two_documents", (w.document, area_b), (w.second, None)),
        "two_and_unit": _supervisor("scope_two_unit", (w.document, area_b), (w.second, None), unit=w.co_unit),
    }


def _expected(user, on) -> list[int]:
    return list(milestones_overdue(on=on, user=user).order_by("due_date", "id").values_list("id", flat=True))


@pytest.mark.parametrize("reader", ["area", "area_and_unit", "two_documents", "two_and_unit"])
@pytest.mark.parametrize("on", [PAST, None], ids=["past", "today"])
def test_paging_gives_the_rows_and_order_of_the_whole_list(readers, reader, on):
    user = readers[reader]
    on = on or clock.today()
    expected = _expected(user, on)
    assert expected, "every reader must have something overdue"
    client = client_for(user)
    whole = walk(client, f"/api/v1/ledger/overdue/?on={on}&page_size=200")[0]
    assert whole == [expected]
    pages, last = walk(client, f"/api/v1/ledger/overdue/?on={on}&page_size=2")
    assert [pk for page in pages for pk in page] == expected
    assert walk_back(client, last["previous"]) == pages[-2::-1]


def test_a_unit_of_their_own_adds_its_tasks_outside_the_scope(readers, paged):
    alone = set(_expected(readers["area"], PAST))
    with_unit = set(_expected(readers["area_and_unit"], PAST))
    outside = set(paged.third.milestones.values_list("id", flat=True))
    assert alone < with_unit and outside <= with_unit - alone
    pages = walk(client_for(readers["area_and_unit"]), f"/api/v1/ledger/overdue/?on={PAST}&page_size=3")[0]
    assert {pk for page in pages for pk in page} == with_unit


def test_the_document_filter_keeps_to_the_scope(readers, paged):
    user = readers["two_and_unit"]
    for document in (paged.document, paged.second):
        expected = list(
            milestones_overdue(on=PAST, user=user, document=document.pk)
            .order_by("due_date", "id")
            .values_list("id", flat=True)
        )
        pages = walk(client_for(user), f"/api/v1/ledger/overdue/?on={PAST}&page_size=2&document={document.pk}")[0]
        assert [pk for page in pages for pk in page] == expected


def test_the_parts_add_up_to_the_visible_tasks_without_overlap():
    people, _ = build_world()
    for name, user in people.items():
        parts = permissions.visible_task_parts(user)
        seen: list[int] = []
        for document, tasks in parts:
            ids = list(tasks.values_list("pk", flat=True))
            if document is not None:
                assert set(Task.objects.filter(pk__in=ids).values_list("document_id", flat=True)) <= {document}, name
            seen += ids
        assert len(seen) == len(set(seen)), name
        assert set(seen) == set(permissions.visible_tasks(user).values_list("pk", flat=True)), name
