"""Fixtures for the API tests: clients per actor, a world with something in every table."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import RoleGrant
from policy_tasks.models import ReportPeriod, SupervisionScope, Task, UrgeRecipient
from policy_tasks.services.evidence import evidence_upload
from policy_tasks.services.extensions import extension_request
from policy_tasks.services.milestones import milestone_request_completion
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.services.reports import task_report_progress
from policy_tasks.services.urges import urge_issue
from tests import factories as f
from tests.conftest import build_world
from tests.module_rows import build_for_module, module_rows

# The world's dates: its milestone is due 2023-10-31; "today" is mid-year.
TODAY = date(2023, 6, 15)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _api_env(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Throttle and lockout counters live in the cache and the axes tables: start each test clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def frozen():
    with time_machine.travel(date(2023, 6, 15), tick=False) as traveller:
        yield traveller


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def pdf_file(name: str = "进展.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def rich_world(world, frozen):
    return build_rich_world(world)


def build_rich_world(world):
    """`world` plus a scoped supervisor for other documents, a period, reports, evidence,
    a pending completion and extension request and an urge notice, so that every endpoint
    has an object. Call it with the clock at TODAY."""
    document = world.document
    document_generate_periods(document=document)
    period = ReportPeriod.objects.filter(document=document, starts_on__lte=TODAY).order_by("-starts_on").first()
    report = task_report_progress(
        user=world.lead_clerk, task=world.task, period=period, progress="已完成选址", percent=30
    )
    evidence = evidence_upload(user=world.lead_head, task=world.task, uploaded_file=pdf_file())
    co_report = task_report_progress(
        user=world.co_clerk, task=world.task, period=period, progress="配合推进", percent=20
    )
    area = f.AreaFactory(document=document, number=1, title="扩大有效投资")
    Task.objects.filter(pk=world.task.pk).update(area=area)
    second = f.MilestoneFactory(task=world.task, text="8月底前完成设计", due_date=date(2023, 8, 31), position=1)
    requested = f.MilestoneFactory(task=world.task, text="6月底前完成招标", due_date=date(2023, 6, 30), position=2)
    attached = evidence_upload(user=world.lead_head, task=world.task, uploaded_file=pdf_file("招标.pdf"))
    completion = milestone_request_completion(
        user=world.lead_head, milestone=requested, note="已完成招标", evidence_ids=[attached.pk]
    )
    extension = extension_request(
        user=world.lead_head, milestone=second, reason="设计变更", proposed_date=date(2023, 9, 30)
    )
    notice = urge_issue(
        user=world.supervisor, task=world.task, level="urge", message="请加快进度", reply_due=date(2023, 6, 30)
    )
    outsider = f.UserFactory(username="supervisor_out")
    grant = f.RoleGrantFactory(user=outsider, role=RoleGrant.Role.SUPERVISOR)
    elsewhere = f.DocumentFactory(title="另一份文件")
    SupervisionScope.objects.create(grant=grant, document=elsewhere)
    world.supervisor_out = outsider
    world.period = period
    world.report = report
    world.co_report = co_report
    world.area = area
    world.requested = requested
    world.completion = completion
    world.evidence = evidence
    world.second = second
    world.extension = extension
    world.notice = notice
    world.task.refresh_from_db()
    world.lead_recipient = UrgeRecipient.objects.get(notice=notice, unit=world.lead_unit)
    world.co_recipient = UrgeRecipient.objects.get(notice=notice, unit=world.co_unit)
    world.other_document = elsewhere
    return world


@pytest.fixture
def paged(world):
    return build_paged(world)


@pytest.fixture(scope="module")
def _paged_for_module(request, django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("paged")
    for world in build_for_module(request, django_db_blocker, folder, lambda: build_paged(build_world())):
        yield world, folder


@pytest.fixture
def paged_once(request, _paged_for_module, settings):
    """`paged`, built once for the whole module and seen by each test in its own savepoint
    (tests/module_rows.py). A module whose database tests all want it takes it by defining
    `paged` as this."""
    world, folder = _paged_for_module
    return module_rows(request, world, folder, settings)


def build_paged(world):
    """For paging: two documents, two areas, twelve more tasks among three units (some with
    equal titles and equal update times), milestones that tie on their due dates, some
    closed, one area-wide target; supervisors scoped three ways."""
    w = world
    second = f.DocumentFactory(title="第二份文件")
    area_a = f.AreaFactory(document=w.document, number=1, title="甲领域")
    area_b = f.AreaFactory(document=w.document, number=2, title="乙领域")
    units = [w.lead_unit, w.co_unit, w.other_unit]
    for n in range(2, 14):
        document = w.document if n % 3 else second
        area = (area_a if n % 2 else area_b) if document == w.document else None
        task = f.TaskFactory(document=document, area=area, number=n, title=f"第{n % 4}类工程")
        f.TaskUnitFactory(task=task, unit=units[n % 3], role="lead", position=0)
        f.TaskUnitFactory(task=task, unit=units[(n + 1) % 3], role="co", position=1)
        for k in range(3):
            due = date(2023, 1 + (n + k) % 6, 15 if k == 0 else 28)
            f.MilestoneFactory(task=task, position=k, due_date=due, status="closed" if (n + k) % 4 == 0 else "open")
    same_moment = timezone.now() - timedelta(days=1)
    Task.objects.filter(number__in=[3, 5, 8]).update(updated_at=same_moment)
    f.MilestoneFactory(task=None, area=area_a, document=w.document, due_date=date(2023, 3, 1))
    w.second = second
    w.area_a = area_a
    w.by_document = _scoped("scoped_document", document=w.document)
    w.by_area = _scoped("scoped_area", document=w.document, area=area_a)
    w.by_second = _scoped("scoped_second", document=second)
    return w


def _scoped(username, **scope):
    user = f.UserFactory(username=username)
    grant = f.RoleGrantFactory(user=user, role=RoleGrant.Role.SUPERVISOR)
    SupervisionScope.objects.create(grant=grant, **scope)
    return user
