"""A document's page: its header, each area with its area-wide targets (领域目标) and lead
units, and the clauses the viewer may see. Reminders about an area-wide target link here
(`/documents/<id>/`), as does every 文号 on the other pages."""

from __future__ import annotations

from collections import defaultdict

from django.http import Http404, HttpResponse
from django.shortcuts import render

from accounts.request_types import AuthenticatedHttpRequest
from policy_tasks.models import Area, AreaUnit, Milestone, PolicyDocument, Task
from policy_tasks.permissions import can, visible_tasks
from policy_tasks.selectors.lights import annotate_lights
from policy_tasks.web.access import as_of, page, viewer_for


@page
def document_detail(request: AuthenticatedHttpRequest, document_id: int) -> HttpResponse:
    document = PolicyDocument.objects.filter(pk=document_id).first()
    if document is None:
        raise Http404("文件不存在")
    viewer = viewer_for(request)
    on = as_of(request)
    tasks = list(
        visible_tasks(request.user, Task.objects.filter(document=document)).select_related("area").order_by("number")
    )
    areas = list(Area.objects.filter(document=document).order_by("number"))
    leads: dict[int, list] = defaultdict(list)
    for row in AreaUnit.objects.filter(area__document=document).select_related("unit").order_by("position"):
        leads[row.area_id].append(row.unit)
    # The document and its areas are published (as in the API); what is done under them is
    # not. Those who see the whole document (leaders, admins, its supervisors) or lead an area
    # read its area-wide targets; everyone sees the clauses they may open.
    whole = can(request.user, "scoreboard.read", document)
    leading = {a.pk for a in areas if any(u.pk in viewer.unit_ids for u in leads[a.pk])}
    targets: dict[int | None, list[Milestone]] = defaultdict(list)
    wide = Milestone.objects.in_force().filter(document=document, task=None).order_by("area__number", "position")
    for m in annotate_lights(wide, on=on):
        if whole or m.area_id in leading:
            targets[m.area_id].append(m)
    clauses: dict[int | None, list[Task]] = defaultdict(list)
    for task in tasks:
        clauses[task.area_id].append(task)
    sections = [
        {
            "area": area,
            "leads": leads[area.pk],
            "targets": targets[area.pk],
            "show_intro": whole or area.pk in leading,
            "tasks": clauses[area.pk],
        }
        for area in areas
    ]
    context = {
        "viewer": viewer,
        "nav": "document",
        "on": on,
        "document": document,
        "sections": sections,
        "loose": clauses[None],
        "task_count": len(tasks),
    }
    return render(request, "web/document.html", context)
