"""Producing export files, directly or as a background job with progress.

`build_export` makes the bytes; the download views, the commands and the Celery
task all call it, so an export is the same file whichever way it was asked for.
A job is claimed before it runs (`status` pending → running in one conditional
UPDATE), so a task delivered twice generates the file once. The file is kept in the
default storage under exports/ (MEDIA_ROOT or the bucket) for download and removed with
the job by `export_jobs_prune`.

Exports read; they change nothing, so starting or running one writes no audit event.
"""

from __future__ import annotations

import io
import logging
import os
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import IO, Any

from django.core.files.base import File
from django.db import transaction

from accounts.models import User
from duban.lib import clock
from policy_tasks.errors import NotFound, ServiceError
from policy_tasks.exports.bulletin import bulletin_build, require_bulletin_reader
from policy_tasks.exports.bulletin_render import FORMATS, render_bulletin
from policy_tasks.exports.ledger import document_ledger
from policy_tasks.exports.ledger_csv import write_ledger_csv
from policy_tasks.exports.ledger_xlsx import write_ledger_xlsx
from policy_tasks.exports.params import LedgerParams, parse_period
from policy_tasks.models import ExportJob, PolicyDocument, Task
from policy_tasks.permissions import visible_tasks

log = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
CONTENT_TYPES: dict[str, str] = {  # by ExportJob.Kind
    ExportJob.Kind.LEDGER_XLSX: XLSX,
    ExportJob.Kind.LEDGER_CSV: CSV,
    ExportJob.Kind.BULLETIN_PDF: FORMATS["pdf"],
    ExportJob.Kind.BULLETIN_DOCX: FORMATS["docx"],
    ExportJob.Kind.BULLETIN_HTML: FORMATS["html"],
}
KEEP_DAYS = 7


@dataclass(frozen=True)
class ExportFile:
    """An export's name, type and content: `data` in memory (bulletins), or `file`, a temporary
    file at its start (ledgers: 100,000 rows are streamed to disk and sent from there, issue 18).
    Whoever sends or stores it closes it; a temporary file then goes away."""

    name: str
    content_type: str
    data: bytes = b""
    file: IO[bytes] | None = field(default=None, compare=False)

    @property
    def extension(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    def open(self) -> IO[bytes]:
        """The content as a binary file at its start."""
        return self.file if self.file is not None else io.BytesIO(self.data)

    @property
    def size(self) -> int:
        if self.file is None:
            return len(self.data)
        return os.fstat(self.file.fileno()).st_size


def _safe(text: str) -> str:
    return "".join(c for c in text if c not in '\\/:*?"<>|').strip() or "export"


def require_ledger_reader(user: User, document: PolicyDocument) -> None:
    """Anyone who sees a clause of the document; the rows are then cut to what they see."""
    if not visible_tasks(user, Task.objects.filter(document=document)).exists():
        raise NotFound("文件不存在或无权查看")


def build_export(
    *,
    kind: str,
    document: PolicyDocument,
    params: dict[str, Any],
    user: User | None = None,
    progress: Callable[[int], None] | None = None,
) -> ExportFile:
    """The file for `kind` (an ExportJob.Kind). `user=None` reads everything; `progress` gets 0..100."""
    report = progress or (lambda percent: None)
    if kind in (ExportJob.Kind.LEDGER_XLSX, ExportJob.Kind.LEDGER_CSV):
        if user is not None:
            require_ledger_reader(user, document)
        options = LedgerParams.parse(params)
        ledger = document_ledger(
            document=document,
            user=user,
            progress=lambda done, total: report(int(80 * done / total)),
            **options.ledger_kwargs(),
        )
        # Written to an anonymous temporary file and sent or stored from there: memory stays flat
        # whatever the number of rows; the file goes when it is closed.
        out = tempfile.TemporaryFile()
        stem = _safe(f"台账_{document.doc_number}_{ledger.as_of:%Y%m%d}")
        try:
            if kind == ExportJob.Kind.LEDGER_XLSX:
                write_ledger_xlsx(ledger, out)
                result = ExportFile(f"{stem}.xlsx", XLSX, file=out)
            else:
                write_ledger_csv(ledger, out)
                result = ExportFile(f"{stem}.csv", CSV, file=out)
        except BaseException:
            out.close()
            raise
        out.seek(0)
    elif kind in (ExportJob.Kind.BULLETIN_PDF, ExportJob.Kind.BULLETIN_DOCX, ExportJob.Kind.BULLETIN_HTML):
        period = parse_period(params.get("period"))
        bulletin = bulletin_build(document=document, period=period, user=user)
        report(50)
        fmt = kind.removeprefix("bulletin_")
        stem = _safe(f"督查通报_{document.doc_number}_{period.key}")
        result = ExportFile(f"{stem}.{fmt}", FORMATS[fmt], render_bulletin(bulletin, fmt))
    else:
        raise ServiceError(f"未知的导出类型：{kind}", field="kind")
    report(100)
    return result


@transaction.atomic
def export_job_create(*, user: User, kind: str, document: PolicyDocument, params: dict[str, Any]) -> ExportJob:
    """Check the request now (mistakes are answered at once, not by a failed job), then record it.

    Queueing is tasks.export_job_start's part, after commit.
    """
    if kind not in ExportJob.Kind.values:
        raise ServiceError(f"未知的导出类型：{kind}", field="kind")
    if kind.startswith("ledger_"):
        require_ledger_reader(user, document)
        params = LedgerParams.parse(params).as_json()
    else:
        require_bulletin_reader(user, document)
        params = {"period": parse_period(params.get("period")).key}
    return ExportJob.objects.create(
        kind=kind, document=document, params=params, requested_by=user, created_at=clock.now()
    )


def export_job_fail(*, job_id: int, message: str) -> bool:
    """Mark a job that could not be queued as failed, so nobody waits on it; False if it already moved on."""
    return bool(
        ExportJob.objects.filter(pk=job_id, status=ExportJob.Status.PENDING).update(
            status=ExportJob.Status.FAILED, error=message, finished_at=clock.now()
        )
    )


def export_job_run(*, job_id: int) -> ExportJob | None:
    """Generate a queued job's file. Returns None when another worker already claimed it."""
    now = clock.now()
    if not ExportJob.objects.filter(pk=job_id, status=ExportJob.Status.PENDING).update(
        status=ExportJob.Status.RUNNING, started_at=now, progress=0
    ):
        return None
    job = ExportJob.objects.select_related("document", "requested_by").get(pk=job_id)
    last = [0]

    def progress(percent: int) -> None:
        # Coarse steps: each one is an UPDATE the polling page will read.
        if percent >= last[0] + 10 or percent == 100:
            last[0] = percent
            ExportJob.objects.filter(pk=job_id).update(progress=min(percent, 99))

    try:
        result = build_export(
            kind=job.kind, document=job.document, params=job.params, user=job.requested_by, progress=progress
        )
    except Exception as exc:
        message = exc.message if isinstance(exc, ServiceError) else "生成失败，请稍后重试或联系管理员"
        if not isinstance(exc, ServiceError):
            log.exception("export job %s failed", job_id)
        ExportJob.objects.filter(pk=job_id).update(
            status=ExportJob.Status.FAILED, error=message, finished_at=clock.now()
        )
        job.refresh_from_db()
        return job
    # A random part in the stored name: stored files must not be guessable by id.
    with result.open() as handle:
        content = File(handle)
        content.content_type = result.content_type  # type: ignore[attr-defined]  # what an object store records; the stub lacks it
        job.file.save(f"{job.pk}-{secrets.token_hex(8)}.{result.extension}", content, save=False)
    ExportJob.objects.filter(pk=job_id).update(
        status=ExportJob.Status.DONE, progress=100, file=job.file.name, file_name=result.name, finished_at=clock.now()
    )
    job.refresh_from_db()
    return job


def export_jobs_prune(*, older_than: timedelta = timedelta(days=KEEP_DAYS)) -> int:
    """Delete finished jobs and their files after `older_than`; returns how many went."""
    old = ExportJob.objects.filter(created_at__lt=clock.now() - older_than).exclude(status=ExportJob.Status.RUNNING)
    count = 0
    for job in old:
        if job.file:
            job.file.delete(save=False)
        job.delete()
        count += 1
    return count
