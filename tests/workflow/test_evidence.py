from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.base import File
from django.core.files.uploadedfile import SimpleUploadedFile

from policy_tasks.errors import Forbidden, InvalidState, NotFound, ServiceError
from policy_tasks.models import AuditEvent, CompletionRequest, Evidence, ReportPeriod
from policy_tasks.services.evidence import DOCX, XLSX, evidence_open_for, evidence_upload
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.services.reports import task_report_progress
from tests import factories as f

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 100
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 100


def png() -> bytes:
    """A real 1x1 PNG, built rather than pasted."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def ooxml(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


def upload(user, task, content: bytes, name: str = "佐证.pdf", **kwargs):
    return evidence_upload(user=user, task=task, uploaded_file=SimpleUploadedFile(name, content), **kwargs)


def refused(user, task, content: bytes, name: str = "佐证.pdf", **kwargs) -> ServiceError:
    rows, events = Evidence.objects.count(), AuditEvent.objects.count()
    with pytest.raises(ServiceError) as exc:
        upload(user, task, content, name, **kwargs)
    assert (Evidence.objects.count(), AuditEvent.objects.count()) == (rows, events)
    return exc.value


def test_a_pdf_is_stored_under_its_hash_with_size_and_type(world):
    before = AuditEvent.objects.count()
    evidence = upload(world.lead_clerk, world.task, PDF, name="C:\\材料\\开工证明.pdf")
    digest = hashlib.sha256(PDF).hexdigest()
    assert (evidence.sha256, evidence.size, evidence.content_type) == (digest, len(PDF), "application/pdf")
    assert (evidence.unit, evidence.uploaded_by, evidence.original_name) == (
        world.lead_unit,
        world.lead_clerk,
        "开工证明.pdf",
    )
    assert evidence.file.name == f"evidence/{digest[:2]}/{digest}"
    assert evidence.file.read() == PDF
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.last()
    assert (event.action, event.actor, event.task) == ("evidence.upload", world.lead_clerk, world.task)
    assert event.after["sha256"] == digest


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (png(), "现场照片.png", "image/png"),
        (ooxml("word/document.xml"), "汇报.docx", DOCX),
        (ooxml("xl/workbook.xml"), "台账.xlsx", XLSX),
        ("一、进展情况\n项目已开工。\n".encode(), "说明.txt", "text/plain"),
    ],
)
def test_common_evidence_types_are_recognised_by_content(world, content, name, expected):
    assert upload(world.lead_clerk, world.task, content, name).content_type == expected


@pytest.mark.parametrize(
    ("content", "name", "said"),
    [
        (PDF, "说明.txt", "说明.txt 的内容是PDF文件，扩展名应为 .pdf"),
        (png(), "验收报告.pdf", "验收报告.pdf 的内容是PNG图片，扩展名应为 .png"),
        ("进展情况".encode(), "进展.pdf", "进展.pdf 的内容是纯文本，扩展名应为 .txt"),
    ],
    ids=["pdf-called-txt", "png-called-pdf", "text-called-pdf"],
)
def test_type_is_judged_by_content_and_the_name_must_agree(world, content, name, said):
    # Issue 15: a file whose extension lies opens as nothing on the supervisor's machine.
    error = refused(world.lead_clerk, world.task, content, name=name)
    assert error.field == "file" and "扩展名与内容不符" in error.message and said in error.message


@pytest.mark.parametrize("content", [ELF, EXE], ids=["elf", "exe"])
def test_an_executable_renamed_pdf_is_refused(world, content):
    assert refused(world.lead_clerk, world.task, content, name="开工证明.pdf").field == "file"


@pytest.mark.parametrize(
    "content",
    [b"abc\x00def", "进展情况".encode("gbk"), b"PK\x03\x04broken zip"],
    ids=["nul-bytes", "gbk-text", "broken-zip"],
)
def test_unrecognisable_content_is_refused(world, content):
    assert refused(world.lead_clerk, world.task, content, name="说明.txt").field == "file"


def test_a_type_outside_the_allowed_list_is_refused(world, settings):
    settings.EVIDENCE_ALLOWED_TYPES = ["application/pdf"]
    assert refused(world.lead_clerk, world.task, png(), name="照片.png").field == "file"


def test_a_file_over_the_size_limit_is_refused(world, settings):
    settings.EVIDENCE_MAX_BYTES = len(PDF) - 1
    assert refused(world.lead_clerk, world.task, PDF).field == "file"


def test_the_limit_holds_even_when_the_declared_size_lies(world, settings):
    settings.EVIDENCE_MAX_BYTES = 20
    liar = File(io.BytesIO(PDF), name="小文件.pdf")
    liar.size = 10
    with pytest.raises(ServiceError) as exc:
        evidence_upload(user=world.lead_clerk, task=world.task, uploaded_file=liar)
    assert exc.value.field == "file"


def test_an_empty_file_is_refused(world):
    assert refused(world.lead_clerk, world.task, b"").field == "file"


def test_the_same_file_twice_shares_one_stored_copy(world):
    first = upload(world.lead_clerk, world.task, PDF)
    second = upload(world.co_clerk, world.task, PDF, name="副本.pdf")
    assert first.pk != second.pk
    assert first.file.name == second.file.name
    assert second.unit == world.co_unit


@pytest.mark.parametrize(
    ("actor", "error"),
    [("other_clerk", NotFound), ("supervisor", Forbidden), ("leader", Forbidden), ("admin", Forbidden)],
)
def test_only_the_tasks_units_upload_evidence(world, actor, error):
    with pytest.raises(error):
        upload(getattr(world, actor), world.task, PDF)
    assert not Evidence.objects.exists()


@pytest.fixture
def lead_report(world):
    document_generate_periods(document=world.document)
    period = ReportPeriod.objects.get(document=world.document, starts_on=date(2023, 3, 1))
    with time_machine.travel(datetime(2023, 4, 3, 10, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        return task_report_progress(
            user=world.lead_clerk, task=world.task, period=period, progress="推进中", percent=20
        )


def test_evidence_attaches_to_the_units_own_report(world, lead_report):
    evidence = upload(world.lead_clerk, world.task, PDF, report=lead_report)
    assert list(lead_report.evidence.all()) == [evidence]
    assert AuditEvent.objects.last().after["report"] == lead_report.pk


def test_a_co_unit_cannot_attach_to_the_leads_report(world, lead_report):
    with pytest.raises(Forbidden):
        upload(world.co_clerk, world.task, PDF, report=lead_report)


def test_a_report_of_another_task_is_refused(world, lead_report):
    other = f.TaskFactory(document=world.document)
    f.TaskUnitFactory(task=other, unit=world.lead_unit, role="lead")
    assert refused(world.lead_clerk, other, PDF, report=lead_report).field == "report"


def completion_request(world, milestone, status=CompletionRequest.Status.PENDING):
    return CompletionRequest.objects.create(
        milestone=milestone,
        unit=world.lead_unit,
        requested_by=world.lead_head,
        requested_at=datetime(2023, 10, 20, 9, tzinfo=ZoneInfo("Asia/Shanghai")),
        status=status,
    )


def test_evidence_attaches_to_a_pending_completion_request(world):
    request = completion_request(world, world.milestone)
    evidence = upload(world.lead_head, world.task, PDF, completion_request=request)
    assert evidence.completion_request == request


def test_a_decided_completion_request_takes_no_more_evidence(world):
    request = completion_request(world, world.milestone, CompletionRequest.Status.VERIFIED)
    with pytest.raises(InvalidState):
        upload(world.lead_head, world.task, PDF, completion_request=request)


def test_a_completion_request_of_another_task_is_refused(world):
    other = f.TaskFactory(document=world.document)
    f.TaskUnitFactory(task=other, unit=world.lead_unit, role="lead")
    request = completion_request(world, f.MilestoneFactory(task=other))
    assert refused(world.lead_head, world.task, PDF, completion_request=request).field == "completion_request"


@pytest.mark.parametrize("reader", ["lead_clerk", "co_clerk", "supervisor", "leader", "admin"])
def test_evidence_is_served_to_whoever_may_see_the_task(world, reader):
    evidence = upload(world.lead_clerk, world.task, PDF)
    with evidence_open_for(user=getattr(world, reader), evidence=evidence) as handle:
        assert handle.read() == PDF


def test_evidence_is_invisible_to_an_unrelated_unit(world):
    evidence = upload(world.lead_clerk, world.task, PDF)
    with pytest.raises(NotFound):
        evidence_open_for(user=world.other_clerk, evidence=evidence)
