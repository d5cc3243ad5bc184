"""Each page runs as many SQL queries with many rows as with few (no query per row)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from policy_tasks.services.periods import document_generate_periods
from tests.web.builders import add_task_history, add_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def world_today(world, today, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    document_generate_periods(document=world.document)
    return world


def _count(client, url: str) -> int:
    client.get(url)  # warm-up: session and caches, not the page's own work
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _grows_not(client, django_assert_max_num_queries, url: str, more, marker: str) -> None:
    few = _count(client, url)
    more()
    with django_assert_max_num_queries(few):
        response = client.get(url)
    # The extra rows are really on the page: the count held because the queries are bulk.
    assert response.content.decode().count(marker) >= 10, url


@pytest.mark.parametrize(
    ("actor", "url", "marker"),
    [
        ("lead_clerk", "/workbench/", "第"),
        ("supervisor", "/supervision/", "<tr"),
        ("supervisor", "/milestones/?light=", "<tr"),
        ("leader", "/milestones/?light=red", "<tr"),
        ("leader", "/dashboard/", "里程碑"),
    ],
)
def test_list_pages_query_count_does_not_grow_with_rows(
    client, world_today, django_assert_max_num_queries, actor, url, marker
):
    world = world_today
    add_tasks(world, 2)
    client.force_login(getattr(world, actor))
    if url == "/dashboard/":
        few = _count(client, url)
        add_tasks(world, 10, start=200)
        with django_assert_max_num_queries(few):
            assert client.get(url).status_code == 200
        return
    _grows_not(client, django_assert_max_num_queries, url, lambda: add_tasks(world, 10, start=200), marker)


@pytest.mark.parametrize("actor", ["lead_clerk", "supervisor"])
def test_task_page_query_count_does_not_grow_with_its_history(
    client, world_today, django_assert_max_num_queries, actor
):
    world = world_today
    add_task_history(world, 2)
    client.force_login(getattr(world, actor))
    url = f"/tasks/{world.task.pk}/"
    _grows_not(client, django_assert_max_num_queries, url, lambda: add_task_history(world, 6), "材料")
