"""Document import with review: upload, read the parse, map new units, confirm.

Nothing is written before confirmation. The preview is a dry run of the import
service (it writes and rolls back, so its counts are exact), and the text travels
to the confirm step in a signed hidden field: no server state, and a tampered
or stale form is refused rather than imported.
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
from policy_tasks.services.audit import actor_for
from policy_tasks.services.imports import ImportResult, document_import
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.web.access import meta, page, require_viewer
from policy_tasks.web.forms import ImportUploadForm
from policy_tasks.web.uploads import uploaded_text

SALT = "duban.web.import"
MAX_AGE_SECONDS = 2 * 3600


def _review_context(result: ImportResult, payload: str) -> dict:
    parsed = result.parsed
    new = set(result.new_units)
    areas = {a.number: a for a in parsed.areas}
    tasks = []
    for t in parsed.tasks:
        tasks.append(
            {
                "task": t,
                "area": areas.get(t.area),
                "lead": [(n, n in new) for n in t.lead_units],
                "co": [(n, n in new) for n in t.co_units if n not in t.lead_units],
            }
        )
    return {
        "result": result,
        "parsed": parsed,
        "tasks": tasks,
        "areas": [(a, [(n, n in new) for n in a.lead_units]) for a in parsed.areas],
        "new_units": result.new_units,
        "units": list(Unit.objects.filter(is_active=True).order_by("name")),
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
        text = uploaded_text(file.name, file.read())
        result = document_import(text=text, user=request.user, year=year, dry_run=True, meta=meta(request))
    except (ParseError, ServiceError) as exc:
        form.add_error("file", getattr(exc, "message", None) or str(exc))
        return render(request, "web/import_upload.html", context, status=400)
    payload = signing.dumps({"text": text, "year": year, "name": file.name}, salt=SALT, compress=True)
    context.update(_review_context(result, payload), file_name=file.name)
    return render(request, "web/import_review.html", context)


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
