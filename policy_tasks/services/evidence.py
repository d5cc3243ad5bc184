"""Evidence (佐证材料): files attached to a task's report or completion request.

The type is decided by the bytes, never by the name or the browser's claim: a
renamed executable is refused whatever it is called. Files are stored under their
sha256 (content-addressed), so an identical file uploaded twice shares one copy.
A file written in a transaction that later rolls back stays on disk as an
unreferenced blob; that is harmless (same content, same name) and cheaper than
writing after commit, when a failed write could no longer undo the row.
Every read and write goes through the default storage (MEDIA_ROOT, or a bucket with
DUBAN_STORAGE=s3), never a path on disk, so any web node or worker reaches every file.
"""

from __future__ import annotations

import hashlib
import io
import zipfile

import filetype
from django.conf import settings
from django.core.files.base import File
from django.db import transaction
from django.db.models.fields.files import FieldFile

from accounts import roles
from accounts.models import Unit, User
from duban.lib import clock
from policy_tasks import permissions
from policy_tasks.errors import Forbidden, InvalidState, NoSuchObject, ServiceError
from policy_tasks.models import AuditAction, CompletionRequest, Evidence, ProgressReport, Task
from policy_tasks.models.workflow import evidence_path
from policy_tasks.services.actors import unit_actor
from policy_tasks.services.audit import RequestMeta, audit_record
from policy_tasks.services.evidence_names import clean_name, mismatch_message, name_fits
from policy_tasks.services.uploads import TypedContent, refuse_zip_bomb

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ZIP = "application/zip"
TEXT = "text/plain"
_ZIP_FAMILY = {ZIP, DOCX, XLSX, PPTX}
_OOXML_PARTS = (("word/", DOCX), ("xl/", XLSX), ("ppt/", PPTX))


def _zip_type(data: bytes) -> str | None:
    """DOCX, XLSX and PPTX are zip files; only their members tell them apart."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if "[Content_Types].xml" in names:
        for prefix, mime in _OOXML_PARTS:
            if any(name.startswith(prefix) for name in names):
                return mime
    return ZIP


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def detect_content_type(data: bytes) -> str | None:
    """The MIME type of `data` judged by its content, or None when it is unrecognisable."""
    kind = filetype.guess(data[:8192])
    if kind is not None:
        mime: str = kind.mime  # filetype ships no type hints
        if mime in _ZIP_FAMILY:
            return _zip_type(data)
        return mime
    # Plain text has no magic number: accept it only as clean UTF-8. GBK text
    # would need a guess, and a guess is how binaries get through.
    return TEXT if _is_text(data) else None


def _read_limited(uploaded_file: File[bytes], limit: int) -> bytes:
    """Read at most limit + 1 bytes: enough to know it is too big without trusting `.size`."""
    if hasattr(uploaded_file, "seek"):
        uploaded_file.seek(0)
    if hasattr(uploaded_file, "chunks"):
        parts: list[bytes] = []
        total = 0
        for chunk in uploaded_file.chunks():
            parts.append(chunk)
            total += len(chunk)
            if total > limit:
                break
        return b"".join(parts)[: limit + 1]
    data: bytes = uploaded_file.read(limit + 1)
    return data


def _check_links(
    user: User, task: Task, report: ProgressReport | None, request: CompletionRequest | None
) -> Unit | None:
    """Return the unit the upload is made for; a file may only join its own unit's paper."""
    my_units = roles.unit_ids(user)
    if report is not None:
        if report.task_id != task.pk:
            raise NoSuchObject(report.pk, field="report")
        if report.unit_id not in my_units:
            raise Forbidden("只能为本单位的填报上传佐证材料")
        return report.unit
    if request is not None:
        if request.milestone.task_id != task.pk:
            raise NoSuchObject(request.pk, field="completion_request")
        if request.unit_id not in my_units:
            raise Forbidden("只能为本单位的办结申请上传佐证材料")
        if request.status != CompletionRequest.Status.PENDING:
            # What a supervisor verified or returned must stay what they saw.
            raise InvalidState("办结申请已审核,不能再补充材料")
        return request.unit
    return permissions.acting_unit(user, task)


@transaction.atomic
def evidence_upload(
    *,
    user: User,
    task: Task,
    uploaded_file: File[bytes],
    report: ProgressReport | None = None,
    completion_request: CompletionRequest | None = None,
    meta: RequestMeta | None = None,
) -> Evidence:
    """Store a file as evidence for the task (and optionally a report or a completion request)."""
    permissions.require(user, "task.upload_evidence", task)
    if report is not None and completion_request is not None:
        raise ServiceError("佐证材料只能附于填报或办结申请之一", field="file")
    unit = _check_links(user, task, report, completion_request)

    limit = settings.EVIDENCE_MAX_BYTES
    declared = getattr(uploaded_file, "size", None)
    if declared is not None and declared > limit:
        raise ServiceError(f"文件过大,单个文件不得超过{limit // (1024 * 1024) or 1}MB", field="file")
    data = _read_limited(uploaded_file, limit)
    if len(data) > limit:
        raise ServiceError(f"文件过大,单个文件不得超过{limit // (1024 * 1024) or 1}MB", field="file")
    if not data:
        raise ServiceError("文件为空", field="file")
    if data.startswith(b"PK"):  # a zip container (.docx, .xlsx, .zip): its size before anyone unpacks it
        refuse_zip_bomb(data)
    content_type = detect_content_type(data)
    if content_type is None or content_type not in settings.EVIDENCE_ALLOWED_TYPES:
        raise ServiceError("不支持的文件类型,请上传PDF、图片、Word、Excel或文本文件", field="file")
    name = clean_name(getattr(uploaded_file, "name", ""))
    if not name_fits(name, content_type, settings.EVIDENCE_ALLOWED_TYPES):
        raise ServiceError(mismatch_message(name, content_type, settings.EVIDENCE_ALLOWED_TYPES), field="file")

    sha256 = hashlib.sha256(data).hexdigest()
    evidence = Evidence(
        task=task,
        unit=unit,
        report=report,
        completion_request=completion_request,
        original_name=name,
        size=len(data),
        content_type=content_type,
        sha256=sha256,
        uploaded_by=user,
        uploaded_at=clock.now(),
    )
    path = evidence_path(evidence, "")
    storage = Evidence._meta.get_field("file").storage
    if storage.exists(path):
        evidence.file.name = path
    else:
        evidence.file.save(path, TypedContent(data, content_type), save=False)
    evidence.save(force_insert=True)

    audit_record(
        actor=unit_actor(user, unit, meta=meta),
        action=AuditAction.EVIDENCE_UPLOAD,
        obj=evidence,
        after={
            "name": evidence.original_name,
            "size": evidence.size,
            "content_type": content_type,
            "sha256": sha256,
            "report": report.pk if report else None,
            "completion_request": completion_request.pk if completion_request else None,
        },
        document=task.document,
        task=task,
    )
    return evidence


def evidence_open_for(*, user: User, evidence: Evidence) -> FieldFile:
    """The stored file, opened for reading, for users who may see the task (NotFound otherwise).

    A read, not a change: nothing is audited."""
    permissions.require(user, "evidence.download", evidence.task)
    stored: FieldFile = evidence.file  # the stubs type a FileField's value as Any
    stored.open("rb")
    return stored
