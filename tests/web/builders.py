"""Rows for the page tests, made through the services (as the pages would make them)."""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from policy_tasks.models import ReportPeriod, Task
from policy_tasks.services.evidence import evidence_upload
from policy_tasks.services.extensions import extension_request
from policy_tasks.services.milestones import milestone_request_completion
from policy_tasks.services.reports import task_report_progress
from policy_tasks.services.urges import urge_issue
from tests import factories as f

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "证明.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def request_completion(world, milestone, *, name: str = "证明.pdf"):
    evidence = evidence_upload(user=world.lead_head, task=milestone.task, uploaded_file=pdf(name))
    return milestone_request_completion(user=world.lead_head, milestone=milestone, evidence_ids=[evidence.pk])


def add_tasks(world, count: int, *, start: int = 100) -> list[Task]:
    """`count` clauses led by the world's lead unit, each with work in every queue.

    Each has an overdue milestone awaiting verification, one due within 30 days with a
    pending extension, a report with evidence, and an urge notice awaiting a reply.
    """
    area = f.AreaFactory(document=world.document, number=start)
    period = ReportPeriod.objects.filter(document=world.document, starts_on__lte=date(2023, 11, 15)).latest("starts_on")
    tasks = []
    for i in range(count):
        task = f.TaskFactory(document=world.document, area=area, number=start + i)
        f.TaskUnitFactory(task=task, unit=world.lead_unit, role="lead", position=0)
        f.TaskUnitFactory(task=task, unit=world.co_unit, role="co", position=1)
        late = f.MilestoneFactory(task=task, text=f"第{i}项10月底前开工", due_date=date(2023, 10, 31))
        soon = f.MilestoneFactory(task=task, text=f"第{i}项12月初完成", due_date=date(2023, 12, 1), position=1)
        report = task_report_progress(user=world.lead_clerk, task=task, period=period, progress="推进中", percent=50)
        evidence_upload(user=world.lead_clerk, task=task, uploaded_file=pdf(f"进展{i}.pdf"), report=report)
        request_completion(world, late, name=f"开工{i}.pdf")
        extension_request(user=world.lead_head, milestone=soon, reason="手续未齐", proposed_date=date(2023, 12, 20))
        urge_issue(
            user=world.supervisor,
            task=task,
            milestone=late,
            level="urge",
            message="请回复",
            reply_due=date(2023, 11, 20),
        )
        tasks.append(task)
    return tasks


def add_task_history(world, count: int) -> None:
    """`count` more milestones, reports (one per period) with evidence, and urges on the world's task."""
    task = world.task
    periods = list(ReportPeriod.objects.filter(document=world.document).order_by("starts_on"))
    done = task.reports.count()
    for i in range(count):
        f.MilestoneFactory(task=task, text=f"节点{done + i}", due_date=date(2023, 12, 31), position=10 + done + i)
        report = task_report_progress(
            user=world.lead_clerk, task=task, period=periods[done + i], progress=f"第{done + i}期", percent=10
        )
        evidence_upload(user=world.lead_clerk, task=task, uploaded_file=pdf(f"材料{done + i}.pdf"), report=report)
        urge_issue(user=world.supervisor, task=task, level="remind", message="提醒", reply_due=date(2023, 11, 30))
