"""Document import with review: upload, read the preview, map new units, confirm.

Nothing is written before confirmation. The preview is `selectors.imports.document_preview`:
it reads the existing version, its tasks and milestones and every written unit name in a
fixed number of queries and replays the import's rules (tests hold it to the same counts as
a dry run of `document_import`). The text travels to the confirm step in a signed hidden
field: no server state, and a tampered or stale form is refused rather than imported.
"""

from __future__ import annotations

from django.contrib import messages
from django.core import signing
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.models import Unit
from policy_tasks.errors import ServiceError
from policy_tasks.parsing import ParseError
from policy_tasks.permissions import require
from policy_tasks.selectors.imports import (
    CHANGED,
    NEW,
    UNCHANGED,
    ImportPreview,
    TaskPreview,
    document_preview,
)
from policy_tasks.services.audit import actor_for
from policy_tasks.services.imports import document_import
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.web.access import meta, page, require_viewer
from policy_tasks.web.forms import ImportUploadForm
from policy_tasks.web.uploads import uploaded_text

SALT = "duban.web.import"
MAX_AGE_SECONDS = 2 * 3600
STATUS_LABELS = {NEW: ("新增", "tag-ok"), CHANGED: ("修改", "tag-todo"), UNCHANGED: ("不变", "")}
CHANGE_LABELS = {"text": "条文", "area": "所属领域"}


def _milestones_note(row: TaskPreview) -> str:
    # Only a changed clause's milestones move; a new clause's are all new and shown below it.
    if row.status != CHANGED or not (row.milestones_created or row.milestones_removed or row.milestones_kept):
        return ""
    note = f"里程碑:新增 {row.milestones_created} 个,删除 {row.milestones_removed} 个"
    if row.milestones_kept:
        note += f",原表述已不在条文中但已有办理记录而保留 {row.milestones_kept} 个"
    return note


def _review_context(preview: ImportPreview, payload: str) -> dict:
    parsed = preview.parsed
    new = set(preview.new_units)
    areas = {a.number: a for a in parsed.areas}
    tasks = []
    for row in preview.tasks:
        t = row.parsed
        label, css = STATUS_LABELS[row.status]
        tasks.append(
            {
                "task": t,
                "row": row,
                "status_label": label,
                "status_class": css,
                "changes": "、".join(CHANGE_LABELS[c] for c in row.changes),
                "milestones_note": _milestones_note(row),
                "area": areas.get(t.area),
                "lead": [(n, n in new) for n in t.lead_units],
                "co": [(n, n in new) for n in t.co_units if n not in t.lead_units],
            }
        )
    return {
        "preview": preview,
        "parsed": parsed,
        "tasks": tasks,
        "areas": [(a, [(n, n in new) for n in a.lead_units]) for a in parsed.areas],
        "new_units": preview.new_units,
        # Names that reach a unit under another name: the admin should see those matches.
        "renamed_units": [u for u in preview.units if not u.is_new and u.target_name != u.name],
        "units": list(Unit.objects.filter(is_active=True).order_by("name")) if new and not preview.errors else [],
        "missing": [(n, preview.missing_titles.get(n, "")) for n in preview.tasks_missing],
        "warning_count": len(parsed.warnings) + len(preview.tasks_missing),
        "payload": payload,
        "milestone_count": sum(len(t.milestones) for t in parsed.tasks),
    }


@page
def upload(request: HttpRequest) -> HttpResponse:
    viewer = require_viewer(request, lambda v: v.is_admin)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    context = {"viewer": viewer, "nav": "import", "form": form}
    if request.method != "POST" or not form.is_valid():
        return render(request, "web/import_upload.html", context, status=400 if request.method == "POST" else 200)
    file = form.cleaned_data["file"]
    year = form.cleaned_data.get("year")
    try:
        require(request.user, "document.import")
        text = uploaded_text(file.name, file.read())
        preview = document_preview(text=text, year=year)
    except (ParseError, ServiceError) as exc:
        form.add_error("file", getattr(exc, "message", None) or str(exc))
        return render(request, "web/import_upload.html", context, status=400)
    # A text the import would refuse is still shown, with why, but offers nothing to confirm.
    payload = (
        ""
        if preview.errors
        else signing.dumps({"text": text, "year": year, "name": file.name}, salt=SALT, compress=True)
    )
    context.update(_review_context(preview, payload), file_name=file.name)
    return render(request, "web/import_review.html", context, status=400 if preview.errors else 200)


@page
@require_POST
def confirm(request: HttpRequest) -> HttpResponse:
    require_viewer(request, lambda v: v.is_admin)
    try:
        data = signing.loads(request.POST.get("payload", ""), salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        messages.error(request, "预览已过期或内容被改动，请重新上传文件")
        return redirect("web:import")
    chosen = {}
    for key, value in request.POST.items():
        if key.startswith("map_name_") and value:
            unit_id = request.POST.get("map_unit_" + key.removeprefix("map_name_"), "")
            if unit_id.isdigit():
                chosen[value] = int(unit_id)
    units = Unit.objects.in_bulk(set(chosen.values()))
    mapping = {name: units[pk] for name, pk in chosen.items() if pk in units}
    try:
        with transaction.atomic():
            result = document_import(
                text=data["text"], user=request.user, year=data["year"], unit_mapping=mapping, meta=meta(request)
            )
            # Reporting needs the document's periods; generating is idempotent.
            document_generate_periods(
                document=result.document, actor=actor_for(request.user, role="admin", meta=meta(request))
            )
    except (ParseError, ServiceError) as exc:
        messages.error(request, getattr(exc, "message", None) or str(exc))
        return redirect("web:import")
    if not result.changed:
        messages.info(request, f"{result.parsed.doc_number} 与已导入的版本完全相同，未做改动")
    else:
        messages.success(
            request,
            f"已导入 {result.parsed.doc_number}:新增任务 {result.tasks_created} 条，更新 {result.tasks_updated} 条，"
            f"新增里程碑 {result.milestones_created} 个，新建单位 {len(result.new_units)} 个，"
            f"单位别名对应 {len(mapping)} 个",
        )
    return redirect(f"{reverse('web:supervision')}?document={result.document.pk}#board")
