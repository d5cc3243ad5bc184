"""One plan, every file kind, all three doors: the command, the web upload and the API give the
same tasks (clause labels, lead units, co units, milestone due dates) for the same file."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from policy_tasks.models import PolicyDocument
from tests.api.conftest import client_for
from tests.sources import builders as b
from tests.sources import more_formats as m

# The plan written as paragraphs with (责任单位:…) brackets, and as a task table.
PARAGRAPH_KINDS = {
    "utf-8.txt": lambda: b.plan_text().encode("utf-8"),
    "gb18030.txt": lambda: b.plan_text().encode("gb18030"),
    "paragraphs.docx": b.docx_paragraphs,
    "plan.pdf": b.pdf_plan,
    "plan.ofd": b.ofd_plan,
    "paragraphs.doc": b.DOC_PARAGRAPHS.read_bytes,
    "paragraphs.wps": b.DOC_PARAGRAPHS.read_bytes,
    "paragraphs.rtf": m.rtf_paragraphs,
    "page.mht": m.mht_paragraphs,
    "paragraphs.odt": m.odt_paragraphs,
    "word-2003.xml": m.word_xml_paragraphs,
}
TABLE_KINDS = {
    "table.docx": b.docx_table,
    "table.xlsx": b.xlsx_table,
    "table.xls": lambda: b.XLS.read_bytes(),
    "table.doc": b.DOC_TABLE.read_bytes,
    "table.rtf": m.rtf_table,
    "table.ods": m.ods_table,
    "oa-export.xls": m.excel_xml_table,
}
KINDS = {**PARAGRAPH_KINDS, **TABLE_KINDS}


def tasks(parsed: dict) -> list[tuple]:
    return [
        (
            task["label"],
            task["lead_units"],
            task["co_units"],
            sorted(m["due_date"] for m in task["milestones"] if m["due_date"]),
        )
        for task in parsed["tasks"]
    ]


def through_the_command(tmp_path, name: str, data: bytes) -> list[tuple]:
    path = tmp_path / name
    path.write_bytes(data)
    out = io.StringIO()
    call_command("parse_policy", str(path), "--format", "json", stdout=out)
    return tasks(json.loads(out.getvalue()))


def through_the_web(client, name: str, data: bytes) -> list[tuple]:
    response = client.post("/import/", {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 200, response.content.decode()[:2000]
    return tasks(response.context["parsed"].to_dict())


def through_the_api(api, name: str, data: bytes) -> list[tuple]:
    upload = SimpleUploadedFile(name, data)
    response = api.post("/api/v1/documents/import/?dry_run=1", {"file": upload}, format="multipart")
    assert response.status_code == 200, response.json()
    return tasks(response.json()["preview"])


@pytest.mark.django_db
def test_each_file_kind_gives_the_same_tasks_through_all_three(tmp_path, client, world):
    client.force_login(world.admin)
    api = client_for(world.admin)
    seen = {}
    for name, make in KINDS.items():
        data = make()
        command = through_the_command(tmp_path, name, data)
        assert through_the_web(client, name, data) == command, name
        assert through_the_api(api, name, data) == command, name
        seen[name] = command
    # Every kind is the same plan: clause 1..3 with their units, whichever way it is written.
    for name, found in seen.items():
        assert [(label, lead, co) for label, lead, co, _ in found] == [
            ("1", ["区发改局"], ["区财政局", "区住建局"]),
            ("2", ["区大数据局"], ["区政务服务中心"]),
            ("3", ["区教育局"], []),
        ], name
        assert {"2023-06-30", "2023-10-31"} <= set(found[0][3]), name
        assert "2023-09-30" in found[1][3] and "2023-08-31" in found[2][3], name
    # Written the same way, the same milestones too.
    assert len({json.dumps(seen[name]) for name in PARAGRAPH_KINDS}) == 1
    assert len({json.dumps(seen[name]) for name in TABLE_KINDS}) == 1


@pytest.mark.django_db
def test_each_file_kind_imports_through_the_api_and_the_command(tmp_path, world):
    api = client_for(world.admin)
    response = api.post(
        "/api/v1/documents/import/", {"file": SimpleUploadedFile("plan.pdf", b.pdf_plan())}, format="multipart"
    )
    assert response.status_code == 201, response.json()
    document = PolicyDocument.objects.get(doc_number=b.DOC_NUMBER)
    assert sorted(document.tasks.values_list("number", flat=True)) == [1, 2, 3]
    path = tmp_path / "table.xlsx"
    path.write_bytes(b.xlsx_table())
    out = io.StringIO()
    call_command("import_policy", str(path), stdout=out)
    assert b.DOC_NUMBER in out.getvalue()
    assert PolicyDocument.objects.filter(doc_number=b.DOC_NUMBER).count() == 1


@pytest.mark.django_db
def test_the_upload_page_offers_every_kind_in_its_file_picker(client, world):
    """A browser's file dialog shows only what `accept` names: a kind the reader reads but the
    picker hides is one a clerk cannot choose."""
    client.force_login(world.admin)
    page = client.get("/import/").content.decode()
    offered = set(re.search(r'accept="([^"]+)"', page)[1].split(","))
    assert {"." + name.rsplit(".", 1)[1] for name in KINDS} <= offered
