"""Tasks from other sources (issue 16): the list, the short form per kind, and the review of an
.xlsx list of them, which the import page hands over (web/imports.py) when the upload is one.

The list's review works like the document review: nothing is written before confirmation,
and the file travels between the two requests in a signed hidden field (no server state).
"""

from __future__ import annotations

import base64

from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.request_types import AuthenticatedHttpRequest
from policy_tasks.errors import ServiceError
from policy_tasks.models import SourceKind, TaskSource
from policy_tasks.permissions import visible_tasks
from policy_tasks.services.task_source_lists import ListRow, new_unit_names, read_list, task_sources_import
from policy_tasks.services.task_sources import task_source_create
from policy_tasks.web.access import Viewer, meta, page, require_viewer
from policy_tasks.web.task_source_forms import SourceTaskForm

SALT = "duban.web.task_sources"
MAX_AGE_SECONDS = 2 * 3600
KIND_SLUGS = {kind.value: kind for kind in SourceKind}


def _can_create(viewer: Viewer) -> bool:
    return viewer.can_import


def _can_read(viewer: Viewer) -> bool:
    return viewer.can_import or viewer.is_leader


@page
def source_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Supervisors and admins see every source task; a leader sees the ones they follow."""
    viewer = require_viewer(request, _can_read)
    sources = TaskSource.objects.select_related("task", "leader").order_by("-year", "kind", "-serial")
    following = not viewer.can_import
    if following:
        sources = sources.filter(leader=request.user)
    else:
        # A supervisor limited to some documents lists only the source tasks in that scope.
        sources = sources.filter(task__in=visible_tasks(request.user))
    kind = request.GET.get("kind", "")
    if kind in KIND_SLUGS:
        sources = sources.filter(kind=kind)
    context = {
        "viewer": viewer,
        "nav": "sources",
        "sources": list(sources[:500]),
        "kinds": list(SourceKind),
        "kind": kind,
        "following": following,
    }
    return render(request, "policy_tasks/task_sources/list.html", context)


@page
def source_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    """`?kind=instruction|meeting|proposal|assignment`: the kind picks the form's fields."""
    viewer = require_viewer(request, _can_create)
    kind = request.GET.get("kind", "")
    if kind not in KIND_SLUGS:
        raise Http404("没有这种来源")
    form = SourceTaskForm(request.POST or None, kind=kind)
    context = {"viewer": viewer, "nav": "sources", "form": form, "kind_label": KIND_SLUGS[kind].label}
    if request.method != "POST" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        return render(request, "policy_tasks/task_sources/form.html", context, status=status)
    try:
        source = task_source_create(user=request.user, data=form.to_input(), meta=meta(request))
    except ServiceError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return render(request, "policy_tasks/task_sources/form.html", context, status=400)
    messages.success(request, f"已登记 {source.number}")
    return redirect("web:task", source.task_id)


def list_review(
    request: AuthenticatedHttpRequest, viewer: Viewer, data: bytes, name: str, rows: list[ListRow]
) -> HttpResponse:
    """The review of an uploaded list (called by the import page's upload)."""
    payload = signing.dumps({"data": base64.b64encode(data).decode("ascii"), "name": name}, salt=SALT, compress=True)
    errors = [r for r in rows if r.errors]
    context = {
        "viewer": viewer,
        "nav": "import",
        "file_name": name,
        "rows": rows,
        "error_rows": errors,
        "new_units": new_unit_names(rows),
        "payload": "" if errors or not rows else payload,
        "counts": {k.label: sum(1 for r in rows if r.kind == k) for k in SourceKind},
    }
    status = 400 if errors or not rows else 200
    return render(request, "policy_tasks/task_sources/import_review.html", context, status=status)


@page
@require_POST
def list_confirm(request: AuthenticatedHttpRequest) -> HttpResponse:
    require_viewer(request, _can_create)
    try:
        state = signing.loads(request.POST.get("payload", ""), salt=SALT, max_age=MAX_AGE_SECONDS)
        data, name = base64.b64decode(state["data"]), state["name"]
    except (signing.BadSignature, KeyError, ValueError, TypeError):
        messages.error(request, "预览已过期或内容被改动，请重新上传文件")
        return redirect("web:import")
    rows = read_list(data, name)
    try:
        created = task_sources_import(user=request.user, rows=rows or [], meta=meta(request))
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("web:import")
    messages.success(request, f"已导入 {len(created)} 项:{created[0].number} 至 {created[-1].number}")
    return redirect(reverse("web:sources"))
