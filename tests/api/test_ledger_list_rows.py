"""The API's overdue ledger reads its pages with one SQL statement (selectors.ledger_list_rows) and
pages by key (policy_tasks.api.keyset). A reader must get exactly the rows the ledger's
queryset (selectors.tasks.milestones_overdue) gives them, in order, page after page, both ways."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import pytest
from django.db import connection

from policy_tasks.selectors.tasks import milestones_overdue
from tests.api.conftest import client_for
from tests.api.paging import cursor, walk, walk_back

pytestmark = pytest.mark.django_db


@pytest.fixture
def paged(paged_once):
    return paged_once


ON = date(2023, 6, 1)


def _expected(user, **filters) -> list[int]:
    rows = milestones_overdue(on=ON, user=user, **filters).order_by("due_date", "id")
    return list(rows.values_list("id", flat=True))


@pytest.mark.parametrize("actor", ["supervisor", "leader", "admin", "by_document", "by_area", "by_second"])
def test_every_reader_gets_the_querysets_rows_in_order_page_by_page(paged, actor):
    user = getattr(paged, actor)
    expected = _expected(user)
    assert expected, "the fixture must leave something overdue for every reader"
    pages, _ = walk(client_for(user), f"/api/v1/ledger/overdue/?on={ON}&page_size=3")
    assert [pk for page in pages for pk in page] == expected
    assert all(len(page) == 3 for page in pages[:-1])


def test_scopes_narrow_the_rows(paged):
    everything = set(_expected(paged.supervisor))
    document = set(_expected(paged.by_document))
    area = set(_expected(paged.by_area))
    second = set(_expected(paged.by_second))
    assert area < document < everything
    assert second and not second & document and second | document == everything


@pytest.mark.parametrize(
    "filters",
    [
        lambda w: {"document": w.document.pk},
        lambda w: {"document": w.second.pk},
        lambda w: {"unit": w.co_unit.pk},
        lambda w: {"unit": w.other_unit.pk, "document": w.document.pk},
    ],
)
def test_filters_keep_the_querysets_rows(paged, filters):
    wanted = filters(paged)
    query = urlencode(wanted)
    pages, _ = walk(client_for(paged.supervisor), f"/api/v1/ledger/overdue/?on={ON}&page_size=4&{query}")
    assert [pk for page in pages for pk in page] == _expected(paged.supervisor, **wanted)


def test_previous_links_walk_back_through_the_same_pages(paged):
    client = client_for(paged.supervisor)
    forward, last = walk(client, f"/api/v1/ledger/overdue/?on={ON}&page_size=4")
    assert len(forward) >= 3
    assert walk_back(client, last["previous"]) == forward[-2::-1]
    first = client.get(f"/api/v1/ledger/overdue/?on={ON}&page_size=4").json()
    assert first["previous"] is None and first["next"]
    assert last["next"] is None


def test_next_from_a_page_reached_backwards_returns_the_page_left(paged):
    client = client_for(paged.supervisor)
    first = client.get(f"/api/v1/ledger/overdue/?on={ON}&page_size=4").json()
    second = client.get(first["next"]).json()
    back = client.get(second["previous"]).json()
    assert [row["id"] for row in back["results"]] == [row["id"] for row in first["results"]]
    again = client.get(back["next"]).json()
    assert [row["id"] for row in again["results"]] == [row["id"] for row in second["results"]]


def test_a_cursor_past_either_end_gives_an_empty_page_that_links_back(paged):
    client = client_for(paged.supervisor)
    everything = walk(client, f"/api/v1/ledger/overdue/?on={ON}&page_size=200")[0][0]
    beyond = client.get(
        f"/api/v1/ledger/overdue/?on={ON}&page_size=3&cursor={cursor({'k': ['2099-01-01', 1], 'b': False})}"
    )
    assert beyond.status_code == 200
    body = beyond.json()
    assert body["results"] == [] and body["next"] is None
    assert [row["id"] for row in client.get(body["previous"]).json()["results"]] == everything[-3:]
    before = client.get(
        f"/api/v1/ledger/overdue/?on={ON}&page_size=3&cursor={cursor({'k': ['1999-01-01', 1], 'b': True})}"
    )
    body = before.json()
    assert body["results"] == [] and body["previous"] is None
    assert [row["id"] for row in client.get(body["next"]).json()["results"]] == everything[:3]


@pytest.mark.parametrize(
    "forged",
    [
        "garbage",
        "cD0xMjM0NTY3ODk=",  # a DRF cursor: this list no longer reads them
        cursor({"k": ["2023-05-28"], "b": False}),
        cursor({"k": ["2023-02-30", 5], "b": False}),
        cursor({"k": ["2023-05-28", "5"], "b": False}),
        cursor({"k": ["2023-05-28", 2**63], "b": False}),
        cursor({"k": ["2023-05-28", 5], "b": "yes"}),
        cursor(["2023-05-28", 5]),
    ],
)
def test_a_cursor_not_written_here_is_a_400_naming_it(paged, forged):
    response = client_for(paged.supervisor).get(f"/api/v1/ledger/overdue/?on={ON}&cursor={forged}")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["cursor"]


def test_the_page_statement_uses_the_open_milestones_index(paged, require_postgres):
    from policy_tasks.selectors.ledger_list_rows import overdue_page

    statements = []

    def capture(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        overdue_page(on=ON, user=paged.supervisor, after=(date(2023, 3, 1), 1), limit=51)
    sql, params = statements[-1]
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert "milestone_open_due_idx" in plan, plan
