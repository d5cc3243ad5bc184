"""Each page runs as many SQL queries with many rows as with few (no query per row)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from policy_tasks.services.imports import document_import
from policy_tasks.services.periods import document_generate_periods
from tests.web.builders import add_task_history, add_tasks

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "kecheng-2023-16.txt"
SMALL_DOCUMENT = (
    "测政发〔2023〕3号\n测试实施方案\n一、测试领域(由区发改局牵头实施)\n"
    "1. 第一条。年内完成A项目。(责任单位:区发改局、区新建中心)\n"
)


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


def test_import_review_query_count_does_not_grow_with_the_document(client, world_today):
    """The review of 55 clauses costs what the review of one costs, for a new document and for a new version."""
    client.force_login(world_today.admin)
    client.get("/import/")  # warm-up: session and caches, not the page's own work
    seed = SEED.read_text(encoding="utf-8")

    def review(text: str) -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            response = client.post("/import/", {"file": SimpleUploadedFile("方案.txt", text.encode())})
        assert response.status_code == 200
        return len(captured), response.content.decode()

    small, _ = review(SMALL_DOCUMENT)
    large, page = review(seed)
    assert large == small and page.count('class="review-task"') == 55

    document_import(text=SMALL_DOCUMENT)
    document_import(text=seed)
    small, page = review(SMALL_DOCUMENT.replace("A项目", "B项目"))
    assert "修改" in page
    large, page = review(seed.replace("新增学位1470个", "新增学位1500个"))
    assert large == small and page.count("不变") >= 54
