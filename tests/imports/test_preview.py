"""The import preview reads what an import would do, agrees with the dry run, and writes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.models import Unit, UnitAlias
from policy_tasks.errors import ServiceError
from policy_tasks.models import (
    AuditEvent,
    CompletionRequest,
    ExtensionRequest,
    Milestone,
    MilestoneValue,
    PolicyDocument,
    ProgressReport,
    Task,
    UrgeNotice,
)
from policy_tasks.selectors.imports import CHANGED, NEW, UNCHANGED, WITHDRAWN, document_preview
from policy_tasks.services.imports import document_import
from tests import factories as f

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "kecheng-2023-16.txt"
SMALL = (
    "测政发〔2024〕3号\n测试实施方案\n一、测试领域(由区发改局牵头实施)\n"
    "1. 第一条。年内完成A项目。(责任单位:区发改局、区新建中心)\n"
)
# Clause 52's six milestones, each given a different history before the corrected version
# corrects the figure of all six: each keeps its row (history or not), updated in place.
CLAUSE_52 = [
    ("等4所学校", "等5所学校", "closed"),
    ("新增学位1470个", "新增学位1500个", "urged"),
    ("占比达到60%以上", "占比达到65%以上", "asked"),
    ("占比达到80%以上", "占比达到82%以上", "extended"),
    ("占比保持在90%以上", "占比保持在92%以上", "reported"),
    ("比例保持在85%以上", "比例保持在88%以上", None),
]


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _corrected(seed: str) -> str:
    """Reworded clause 52, new units on 53, clause 6 moved into area 2, clause 55 replaced by a new 56."""
    lines = seed.splitlines()
    clause6 = next(i for i, line in enumerate(lines) if line.startswith("6.支持企业技改投资"))
    moved = lines.pop(clause6)
    lines.insert(next(i for i, line in enumerate(lines) if line.startswith("7.")), moved)
    clause55 = next(i for i, line in enumerate(lines) if line.startswith("55."))
    lines[clause55] = "56.支持社区助餐服务。年内新建社区食堂5家。(责任单位:区民政局、区社区助餐服务中心)"
    text = "\n".join(lines) + "\n"
    for old, new, _ in CLAUSE_52:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text.replace("(责任单位:区卫健局)", "(责任单位:区卫健局、区民政局)")


def _give_clause_52_history(document: PolicyDocument) -> None:
    task = document.tasks.get(number=52)
    unit = task.task_units.get(role="lead").unit
    user = f.UserFactory()
    at = "2023-05-01T10:00:00+08:00"
    for old, _, history in CLAUSE_52:
        milestone = task.milestones.get(text__contains=old)
        if history == "closed":
            Milestone.objects.filter(pk=milestone.pk).update(status=Milestone.Status.CLOSED)
        elif history == "urged":
            UrgeNotice.objects.create(
                task=task, milestone=milestone, level="urge", message="请加快", reply_due=date(2023, 5, 10),
                issued_by=user, issued_at=at, number="柯督〔2023〕第1号", number_office="督查室", number_year=2023,
                number_seq=1,
            )  # fmt: skip
        elif history == "asked":
            CompletionRequest.objects.create(milestone=milestone, unit=unit, requested_by=user, requested_at=at)
        elif history == "extended":
            ExtensionRequest.objects.create(
                milestone=milestone, unit=unit, requested_by=user, requested_at=at, reason="手续未齐",
                current_due_date=date(2023, 12, 31), proposed_date=date(2024, 3, 31),
            )  # fmt: skip
        elif history == "reported":
            report = ProgressReport.objects.create(
                task=task, unit=unit, period=document.report_periods.first(), author=user, progress="推进中",
                submitted_at=at,
            )  # fmt: skip
            MilestoneValue.objects.create(report=report, milestone=milestone, actual_value=88)


def _preview_alone(**kwargs):
    """The preview, its SQL, and proof that it wrote nothing (not even inside a rolled-back savepoint)."""
    with CaptureQueriesContext(connection) as captured:
        preview = document_preview(**kwargs)
    statements = [q["sql"].lstrip().split(None, 1)[0].upper() for q in captured]
    assert set(statements) <= {"SELECT"}, statements
    return preview, len(captured)


def _agrees_with_dry_run(preview, **kwargs) -> None:
    dry = document_import(dry_run=True, **kwargs)
    assert preview.summary() == dry.summary()
    assert preview.matched_units == dry.matched_units
    assert preview.warnings == dry.warnings


def test_preview_of_the_seed_on_a_fresh_database_agrees_with_the_dry_run(seed_text):
    preview, queries = _preview_alone(text=seed_text)
    assert preview.created and preview.changed and not preview.errors
    assert preview.tasks_created == 55 and len(preview.new_units) == 28
    assert preview.milestones_created == sum(len(t.milestones) for t in preview.parsed.tasks)
    economy = next(u for u in preview.units if u.name == "区经信局")
    assert economy.is_new and economy.new_aliases == ["商务局", "区经信局<商务局>"]
    assert queries <= 3
    _agrees_with_dry_run(preview, text=seed_text)
    assert PolicyDocument.objects.count() == Unit.objects.count() == AuditEvent.objects.count() == 0


def test_preview_of_a_corrected_seed_agrees_with_the_dry_run_and_keeps_corrected_milestones(seed_text):
    document = document_import(text=seed_text).document
    _give_clause_52_history(document)
    corrected = _corrected(seed_text)
    before = (Task.objects.count(), Milestone.objects.count(), Unit.objects.count(), AuditEvent.objects.count())

    preview, queries = _preview_alone(text=corrected)

    assert not preview.created and preview.changed and queries <= 6
    status = {t.parsed.number: (t.status, t.changes) for t in preview.tasks}
    assert status[6] == (CHANGED, ["area"])
    assert status[52] == (CHANGED, ["text"]) and status[53] == (CHANGED, ["text"])
    assert status[56] == (NEW, [])
    assert (preview.tasks_created, preview.tasks_updated, preview.tasks_unchanged) == (1, 3, 51)
    clause52 = next(t for t in preview.tasks if t.parsed.number == 52)
    # Corrected figures are the same commitments: matched by wording similarity, none lost.
    assert (clause52.milestones_created, clause52.milestones_removed, clause52.milestones_kept) == (0, 0, 0)
    assert clause52.milestones_updated == 6 and clause52.old_number == 52
    assert preview.tasks_missing == [55] and "弱有众扶" in preview.missing_titles[55]
    assert [(w.number, w.status) for w in preview.withdrawn] == [(55, WITHDRAWN)]
    assert preview.new_units == ["区社区助餐服务中心"]
    assert next(u for u in preview.units if u.name == "区民政局").unit.name == "区民政局"
    assert (Task.objects.count(), Milestone.objects.count(), Unit.objects.count(), AuditEvent.objects.count()) == before
    _agrees_with_dry_run(preview, text=corrected)


def test_preview_of_the_text_already_imported_says_nothing_changes(seed_text):
    document_import(text=seed_text)
    preview, queries = _preview_alone(text=seed_text)
    assert not preview.changed and preview.tasks_unchanged == 55 and queries == 1
    assert {t.status for t in preview.tasks} == {UNCHANGED}
    _agrees_with_dry_run(preview, text=seed_text)


def _imported_like_the_preview(preview, **kwargs) -> None:
    """The import itself (not a dry run) creates the units and aliases the preview named."""
    units_before = set(Unit.objects.values_list("name", flat=True))
    aliases_before = set(UnitAlias.objects.values_list("pk", flat=True))
    result = document_import(**kwargs)
    assert result.summary() == preview.summary() and result.matched_units == preview.matched_units
    assert set(Unit.objects.values_list("name", flat=True)) - units_before == set(preview.new_units)
    written = UnitAlias.objects.exclude(pk__in=aliases_before).values_list("alias", "unit__name")
    assert sorted(written) == sorted((alias, u.target_name) for u in preview.units for alias in u.new_aliases)


def test_preview_applies_a_unit_mapping_and_existing_aliases_like_the_import(seed_text):
    economy = Unit.objects.create(name="区经济和信息化局")
    UnitAlias.objects.create(unit=economy, alias="区经信局")
    finance = Unit.objects.create(name="区财政局(地方金融监管局)")
    mapping = {"区财政局": finance}

    preview, queries = _preview_alone(text=seed_text, unit_mapping=mapping)

    units = {u.name: u for u in preview.units}
    assert units["区财政局"].mapped and units["区财政局"].unit == finance
    assert units["区财政局"].new_aliases == ["区财政局"]
    assert not units["区经信局"].mapped and units["区经信局"].target_name == "区经济和信息化局"
    assert units["区经信局"].new_aliases == ["商务局", "区经信局<商务局>"]
    assert "区财政局" not in preview.new_units and "区经信局" in preview.matched_units
    assert len(preview.new_units) == 26 and queries <= 3
    _agrees_with_dry_run(preview, text=seed_text, unit_mapping=mapping)
    _imported_like_the_preview(preview, text=seed_text, unit_mapping=mapping)


def test_a_unit_only_its_written_alias_resolves_is_the_same_unit_in_the_preview_and_the_import(seed_text):
    # 区经信局<商务局>: the name 区经信局 is known nowhere, its alias 商务局 is an existing unit's alias.
    commerce = Unit.objects.create(name="区经济和信息化局(区商务局)")
    UnitAlias.objects.create(unit=commerce, alias="商务局")

    preview, _ = _preview_alone(text=seed_text)

    economy = next(u for u in preview.units if u.name == "区经信局")
    assert economy.unit == commerce and not economy.is_new and not economy.mapped
    assert economy.new_aliases == ["区经信局", "区经信局<商务局>"]
    assert "区经信局" in preview.matched_units and len(preview.new_units) == 27
    _imported_like_the_preview(preview, text=seed_text)
    lead = Task.objects.get(number=6).task_units.get(role="lead", position=0).unit
    assert lead == commerce


def test_the_same_text_again_from_other_bytes_changes_nothing_in_both(seed_text):
    document_import(text=seed_text)
    # Another file (GB18030, CRLF line ends) that reads as the same text.
    data = seed_text.replace("\n", "\r\n").encode("gb18030")
    preview, queries = _preview_alone(data=data, filename="seed.txt")
    assert not preview.changed and not preview.created and queries == 1 and preview.units == []
    _agrees_with_dry_run(preview, data=data, filename="seed.txt")
    versions = PolicyDocument.objects.get().versions.count()
    _imported_like_the_preview(preview, data=data, filename="seed.txt")
    assert PolicyDocument.objects.get().versions.count() == versions


def test_the_same_text_with_a_reviewers_correction_changes_it_in_both(seed_text):
    document_import(text=seed_text)
    corrections = {"clauses": {"1": {"lead_units": ["区财政局"], "co_units": ["区发改局"]}}}

    preview, _ = _preview_alone(text=seed_text, corrections=corrections)

    assert preview.changed and (preview.tasks_updated, preview.tasks_unchanged) == (1, 54)
    _agrees_with_dry_run(preview, text=seed_text, corrections=corrections)
    _imported_like_the_preview(preview, text=seed_text, corrections=corrections)


def test_preview_query_count_does_not_grow_with_the_document(seed_text):
    _, small_fresh = _preview_alone(text=SMALL)
    _, seed_fresh = _preview_alone(text=seed_text)
    assert small_fresh == seed_fresh
    document_import(text=SMALL)
    document_import(text=seed_text)
    _, small_again = _preview_alone(text=SMALL.replace("A项目", "B项目"))
    _, seed_again = _preview_alone(text=_corrected(seed_text))
    assert small_again == seed_again


def test_a_repeated_clause_number_is_an_error_in_the_words_the_import_refuses_it_with():
    text = SMALL + "1. 重复条。年内完成B。(责任单位:区财政局)\n"
    preview, _ = _preview_alone(text=text)
    assert preview.duplicates == [1]
    with pytest.raises(ServiceError) as refused:
        document_import(text=text, dry_run=True)
    assert preview.errors == [refused.value.message]


def test_the_api_dry_run_answers_from_the_preview_in_the_documented_shape(world, seed_text):
    document_import(text=seed_text)
    corrected = _corrected(seed_text)
    admin = APIClient()
    admin.force_authenticate(world.admin)
    upload = SimpleUploadedFile("方案.txt", corrected.encode(), content_type="text/plain")
    with CaptureQueriesContext(connection) as captured:
        response = admin.post("/api/v1/documents/import/?dry_run=1", {"file": upload}, format="multipart")
    assert response.status_code == 200, response.json()
    assert {q["sql"].lstrip().split(None, 1)[0].upper() for q in captured} == {"SELECT"}
    body = response.json()
    assert set(body) == {"dry_run", "created", "changed", "document", "summary", "warnings", "preview"}
    assert body["dry_run"] is True and body["document"] is None
    assert body["summary"] == document_import(text=corrected, dry_run=True).summary()

    repeated = SimpleUploadedFile("重复.txt", (SMALL + "1. 重复条。年内完成B。(责任单位:区财政局)\n").encode())
    response = admin.post("/api/v1/documents/import/?dry_run=1", {"file": repeated}, format="multipart")
    assert response.status_code == 400
    assert "条款序号 1 重复" in response.json()["error"]["fields"]["text"][0]


def test_the_review_page_shows_what_changes_and_offers_no_confirm_for_a_refused_text(client, world, seed_text):
    document_import(text=seed_text)
    client.force_login(world.admin)
    response = client.post("/import/", {"file": SimpleUploadedFile("方案.txt", _corrected(seed_text).encode())})
    page = response.content.decode()
    assert response.status_code == 200 and 'name="payload"' in page
    assert "新增 1 条、修改 3 条、不变 51 条" in page and "修改:所属领域" in page
    assert "第55条 支持推进“弱有众扶” 不在新版本中" in page

    refused = SMALL + "1. 重复条。年内完成B。(责任单位:区财政局)\n"
    response = client.post("/import/", {"file": SimpleUploadedFile("重复.txt", refused.encode())})
    page = response.content.decode()
    assert response.status_code == 400
    assert "条款序号 1 重复出现" in page and "序号重复" in page
    assert 'name="payload"' not in page and "确认导入" not in page
