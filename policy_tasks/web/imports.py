"""Document import with review: upload, read the preview, correct it, map new units, confirm.

Nothing is written before confirmation. The preview is `selectors.imports.document_preview`:
it reads the existing version, its tasks and milestones and every written unit name in a
fixed number of queries and replays the import's rules (tests hold it to the same counts as
a dry run of `document_import`). The uploaded file's bytes, its name, the year and the
reviewer's corrections travel between rounds in one signed hidden field: no server state,
and a tampered or stale form is refused rather than imported. Each "保存修改并重新预览"
re-reads the form into corrections (policy_tasks/parsing/corrections.py), re-signs them with
the file, and shows the preview as corrected; confirming imports the same file with the same
corrections, which the import keeps with the version it writes.
"""

from __future__ import annotations

import base64

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.models import Unit
from accounts.request_types import AuthenticatedHttpRequest
from policy_tasks.errors import ServiceError
from policy_tasks.models import DocumentVersion, PolicyDocument
from policy_tasks.parsing import ParsedDocument, ParseError
from policy_tasks.parsing.corrections import apply_corrections, describe_corrections
from policy_tasks.selectors.imports import document_preview
from policy_tasks.services.actors import office_role
from policy_tasks.services.audit import actor_for
from policy_tasks.services.import_read import read_upload
from policy_tasks.services.imports import document_import
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.services.task_source_lists import read_list
from policy_tasks.web.access import Viewer, meta, page, require_viewer
from policy_tasks.web.forms import ImportUploadForm
from policy_tasks.web.import_review import corrections_from_form, review_context
from policy_tasks.web.task_sources import list_review

SALT = "duban.web.import"
MAX_AGE_SECONDS = 2 * 3600
# Room left in a POST for the review's own fields (units, dates, mapping) beside the payload.
FORM_FIELDS_BYTES = 256 * 1024


def _can_import(viewer: Viewer) -> bool:
    return viewer.can_import


def _sign(state: dict) -> str:
    return signing.dumps(state, salt=SALT, compress=True)


def _fits_in_a_form(payload: str) -> bool:
    # The confirm POST carries the payload as a plain field, which Django caps at
    # DATA_UPLOAD_MAX_MEMORY_SIZE; a payload past it would fail there with a bare 400.
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return limit is None or len(payload) + FORM_FIELDS_BYTES <= limit


def _file(state: dict) -> dict:
    return {"data": base64.b64decode(state["data"]), "filename": state["name"], "year": state["year"]}


def _render_review(
    request: AuthenticatedHttpRequest,
    viewer: Viewer,
    state: dict,
    *,
    original: ParsedDocument,
    mapping: dict[str, Unit],
    error: str = "",
) -> HttpResponse:
    # The file as read once by the caller, with the corrections so far: not parsed again.
    reviewed = apply_corrections(original, state["corrections"])
    preview = document_preview(**_file(state), unit_mapping=mapping, parsed=reviewed)
    payload = "" if preview.errors else _sign(state)
    context = {"viewer": viewer, "nav": "import", "file_name": state["name"], "correction_error": error}
    context.update(review_context(preview, original, state["corrections"], payload))
    status = 400 if preview.errors or error else 200
    return render(request, "web/import_review.html", context, status=status)


@page
def upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    viewer = require_viewer(request, _can_import)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    context = {"viewer": viewer, "nav": "import", "form": form, "imported": _imported_versions()}
    if request.method != "POST" or not form.is_valid():
        return render(request, "web/import_upload.html", context, status=400 if request.method == "POST" else 200)
    file = form.cleaned_data["file"]
    data = file.read()
    state = {
        "data": base64.b64encode(data).decode("ascii"),
        "name": file.name,
        "year": form.cleaned_data.get("year"),
        "corrections": {},
    }
    # An .xlsx list of 批示件/会议议定事项/建议提案/交办事项 is reviewed as a list (issue 16).
    if (rows := read_list(data, file.name)) is not None:
        return list_review(request, viewer, data, file.name, rows)
    try:
        # The reader first: a file it refuses gets the same message as from the command and the API.
        original = read_upload(**_file(state))
    except (ParseError, ServiceError) as exc:
        form.add_error("file", getattr(exc, "message", None) or str(exc))
        return render(request, "web/import_upload.html", context, status=400)
    if not _fits_in_a_form(_sign(state)):
        form.add_error("file", "文件过大，网页核对暂不支持该文件，请删去其中的图片后重新上传")
        return render(request, "web/import_upload.html", context, status=400)
    return _render_review(request, viewer, state, original=original, mapping={})


def _imported_versions() -> list[tuple[PolicyDocument, list[DocumentVersion]]]:
    """Every imported document with each version's file and text, to download (two queries)."""
    versions = DocumentVersion.objects.defer("source", "text").order_by("document_id", "number")
    by_document: dict[int, list[DocumentVersion]] = {}
    for version in versions:
        by_document.setdefault(version.document_id, []).append(version)
    documents = PolicyDocument.objects.filter(pk__in=by_document).only("pk", "doc_number", "title", "year")
    return [(d, by_document[d.pk]) for d in documents]


def _chosen_mapping(request: AuthenticatedHttpRequest) -> dict[str, Unit]:
    """{name as written: existing unit} from the review's selects (map_name_N / map_unit_N)."""
    chosen: dict[str, int] = {}
    for key, value in request.POST.items():
        if key.startswith("map_name_") and isinstance(value, str) and value:
            unit_id = request.POST.get("map_unit_" + key.removeprefix("map_name_"), "")
            if unit_id.isdigit():
                chosen[value] = int(unit_id)
    units = Unit.objects.in_bulk(set(chosen.values()))
    return {name: units[pk] for name, pk in chosen.items() if pk in units}


@page
@require_POST
def confirm(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Both buttons of the review post here: `action=preview` shows the corrected preview again,
    anything else imports."""
    viewer = require_viewer(request, _can_import)
    try:
        state = signing.loads(request.POST.get("payload", ""), salt=SALT, max_age=MAX_AGE_SECONDS)
        state.setdefault("corrections", {})
        file = _file(state)
    except (signing.BadSignature, KeyError, ValueError, TypeError):
        messages.error(request, "预览已过期或内容被改动，请重新上传文件")
        return redirect("web:import")
    mapping = _chosen_mapping(request)
    try:
        original = read_upload(**file)
    except ParseError as exc:
        messages.error(request, str(exc))
        return redirect("web:import")
    corrections = corrections_from_form(request.POST, original, state["corrections"])
    try:
        reviewed = apply_corrections(original, corrections)
    except ParseError as exc:
        # Shown with the last corrections that did fit; nothing is written.
        return _render_review(request, viewer, state, original=original, mapping=mapping, error=str(exc))
    state["corrections"] = corrections
    if request.POST.get("action") == "preview":
        return _render_review(request, viewer, state, original=original, mapping=mapping)
    # The mapping goes with the corrections too: the version then records which written name
    # the reviewer sent to which unit (the aliases alone do not say who chose them, or when).
    record = dict(corrections)
    if mapping:
        record["unit_mapping"] = {name: unit.name for name, unit in mapping.items()}
    role = office_role(request.user)
    try:
        with transaction.atomic():
            # What was read above, corrected: the file is not parsed a second time.
            result = document_import(
                **file,
                corrections=record,
                user=request.user,
                unit_mapping=mapping,
                meta=meta(request),
                parsed=reviewed,
            )
            assert result.document is not None, "an import names the document it wrote or found unchanged"
            # Reporting needs the document's periods; generating is idempotent.
            document_generate_periods(
                document=result.document, actor=actor_for(request.user, role=role, meta=meta(request))
            )
    except (ParseError, ServiceError) as exc:
        messages.error(request, getattr(exc, "message", None) or str(exc))
        return redirect("web:import")
    corrected = describe_corrections(record, original)
    if not result.changed:
        unused = "，核对时的修改也未生效" if corrected else ""
        messages.info(request, f"{result.parsed.doc_number} 与已导入的版本完全相同，未做改动{unused}")
    else:
        messages.success(
            request,
            f"已导入 {result.parsed.doc_number}:新增任务 {result.tasks_created} 条，更新 {result.tasks_updated} 条，"
            f"新增里程碑 {result.milestones_created} 个，新建单位 {len(result.new_units)} 个，"
            f"单位别名对应 {len(mapping)} 个"
            + (f"；核对时修改 {len(corrected)} 处:" + "；".join(corrected) if corrected else ""),
        )
    return redirect(f"{reverse('web:supervision')}?document={result.document.pk}#board")
