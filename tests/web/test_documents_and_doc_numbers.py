"""A page for each document (the target of area-wide targets' reminders), and 第N条 named
with its 文号 once there is more than one document (issue 15)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core import mail

from policy_tasks.models import AreaUnit, Milestone
from policy_tasks.services.periods import document_generate_periods
from tests import factories as f
from tests.notifications.conftest import ensure_default_rules, run_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def area(world):
    area = f.AreaFactory(document=world.document, number=1, title="扩大有效投资", intro="全年固定资产投资增长10%以上")
    AreaUnit.objects.create(area=area, unit=world.lead_unit, position=0)
    world.task.area = area
    world.task.save()
    return area


@pytest.fixture
def target(world, area):
    return Milestone.objects.create(
        document=world.document,
        area=area,
        text="全年固定资产投资增长10%以上",
        kind=Milestone.Kind.TARGET,
        due_date=date(2023, 10, 31),
        original_due_date=date(2023, 10, 31),
    )


def test_an_area_wide_targets_reminder_links_to_a_page_that_shows_it(client, world, target, settings):
    ensure_default_rules()
    settings.SITE_URL = "http://duban.example"
    run_day(date(2023, 10, 31))
    [message] = [m for m in mail.outbox if target.text in m.body and "lead_clerk" in m.to[0]]
    link = re.search(r"http://duban\.example(/documents/\d+/)", message.body).group(1)
    assert link == f"/documents/{world.document.pk}/"
    client.force_login(world.lead_clerk)
    page = client.get(link)
    assert page.status_code == 200
    html = page.content.decode()
    assert world.document.doc_number in html and "1. 扩大有效投资" in html
    assert f'id="m{target.pk}"' in html and "领域目标" in html
    assert f'href="/tasks/{world.task.pk}/"' in html


def test_the_document_page_shows_area_targets_only_to_those_who_answer_for_them(client, world, target):
    client.force_login(world.co_clerk)  # a co-unit of clause 1, no lead of the area
    html = client.get(f"/documents/{world.document.pk}/").content.decode()
    assert f'href="/tasks/{world.task.pk}/"' in html and f'id="m{target.pk}"' not in html
    client.force_login(world.other_clerk)  # published document: its header, none of the work
    html = client.get(f"/documents/{world.document.pk}/").content.decode()
    assert world.document.doc_number in html and "/tasks/" not in html and f'id="m{target.pk}"' not in html
    for user in (world.supervisor, world.leader, world.admin):
        client.force_login(user)
        assert f'id="m{target.pk}"' in client.get(f"/documents/{world.document.pk}/").content.decode()
    assert client.get("/documents/987654/").status_code == 404


def test_every_doc_number_on_the_task_page_and_workbench_links_to_the_document(client, world, area, today):
    document_generate_periods(document=world.document)
    client.force_login(world.lead_clerk)
    task_page = client.get(f"/tasks/{world.task.pk}/").content.decode()
    crumbs = task_page.split('class="crumbs"')[1].split("</nav>")[0]
    assert f'<a href="/documents/{world.document.pk}/">{world.document.doc_number}</a>' in crumbs
    assert f'href="/documents/{world.document.pk}/#area-1"' in crumbs
    workbench = client.get("/workbench/").content.decode()
    assert f'<a href="/documents/{world.document.pk}/">{world.document.doc_number}</a>' in workbench


def test_with_two_documents_the_workbench_names_each_clause_with_its_doc_number(client, world, today):
    document_generate_periods(document=world.document)
    client.force_login(world.lead_clerk)
    html = client.get("/workbench/").content.decode()
    overdue = html.split('id="overdue"')[1].split("</section>")[0]
    assert "第1条 · 抽蓄项目10月底前开工" in overdue and world.document.doc_number not in overdue

    second = f.DocumentFactory(doc_number="柯政发〔2024〕3号")
    task = f.TaskFactory(document=second, number=1, title="另一文件的第1条")
    f.TaskUnitFactory(task=task, unit=world.lead_unit, role="lead")
    f.MilestoneFactory(task=task, text="9月底前完成")
    html = client.get("/workbench/").content.decode()
    overdue = html.split('id="overdue"')[1].split("</section>")[0]
    assert f"{world.document.doc_number} 第1条 · 抽蓄项目10月底前开工" in overdue
    assert "柯政发〔2024〕3号 第1条 · 9月底前完成" in overdue
    tiles = html.split('id="tasks-h"')[1]
    assert "<b>柯政发〔2024〕3号 第1条</b>" in tiles
