"""The pages refuse dates outside the sane window with a Chinese message (400), not a 500."""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.models import ExtensionRequest, UrgeNotice
from policy_tasks.services.periods import document_generate_periods

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(world, today):
    document_generate_periods(document=world.document)
    return world


@pytest.mark.parametrize("path", ["/supervision/", "/milestones/", "/dashboard/", "/workbench/"])
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_pages_refuse_an_as_of_at_the_ends_of_time(client, w, path, day):
    client.force_login(w.admin if path != "/workbench/" else w.lead_clerk)
    response = client.get(f"{path}?as_of={day}")
    assert response.status_code == 400
    assert "日期须在" in response.content.decode()


def test_task_page_refuses_a_far_as_of(client, w):
    client.force_login(w.lead_clerk)
    response = client.get(f"/tasks/{w.task.pk}/?as_of=9999-12-31")
    assert response.status_code == 400
    assert "日期须在" in response.content.decode()


def test_urge_with_a_reply_date_in_year_9299_is_refused(client, w):
    client.force_login(w.supervisor)
    response = client.post(
        f"/milestones/{w.milestone.pk}/urge/",
        {"level": "urge", "reply_due": "9299-01-01", "message": "请回复"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 400
    assert "日期须在" in response.content.decode()
    assert not UrgeNotice.objects.exists()


def test_extension_to_year_9299_is_refused_on_the_task_page(client, w):
    w.milestone.due_date = w.milestone.original_due_date = date(2023, 11, 30)
    w.milestone.save()
    client.force_login(w.lead_head)
    m = w.milestone.pk
    response = client.post(
        f"/milestones/{m}/extend/", {f"e{m}-proposed_date": "9299-01-01", f"e{m}-reason": "设备到货延迟"}
    )
    assert response.status_code == 400
    assert "日期须在" in response.content.decode()
    assert not ExtensionRequest.objects.exists()


def test_htmx_asking_for_the_ledger_alone_gets_a_ledger_section_that_says_why(client, w):
    client.force_login(w.supervisor)
    response = client.get("/milestones/?due_from=9299-01-01", headers={"HX-Request": "true", "HX-Target": "ledger"})
    assert response.status_code == 400
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="ledger"')
    assert "日期须在" in html
