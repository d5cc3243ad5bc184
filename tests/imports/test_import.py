from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Unit, UnitAlias
from policy_tasks.models import AuditEvent, Milestone, PolicyDocument, ProgressReport, ReportPeriod, Task, TaskUnit
from policy_tasks.parsing import ParseError
from policy_tasks.services.imports import document_import
from tests import factories as f

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "kecheng-2023-16.txt"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _lead(task: Task) -> list[str]:
    return [tu.unit.name for tu in task.task_units.filter(role="lead").select_related("unit")]


@pytest.mark.django_db
def test_seed_import_writes_areas_tasks_units_and_milestones(seed_text):
    result = document_import(text=seed_text)
    doc = result.document
    assert result.created and doc.doc_number == "柯政发〔2023〕16号"
    assert doc.issued_on == date(2023, 2, 25) and doc.year == 2023
    assert doc.areas.count() == 8
    assert list(doc.tasks.values_list("number", flat=True)) == list(range(1, 56))
    area7 = doc.areas.get(number=7)
    assert [au.unit.name for au in area7.area_units.order_by("position")] == ["区农业农村局", "区发改局"]
    clause1 = doc.tasks.get(number=1)
    assert _lead(clause1) == ["区发改局"]
    assert [tu.unit.name for tu in clause1.task_units.filter(role="co").order_by("position")] == [
        "区文旅体局",
        "区水利局",
        "区农业农村局",
        "区交通运输局",
    ]
    assert _lead(doc.tasks.get(number=49)) == ["区加快新型城镇化建设领导小组办公室成员单位"]
    milestone = Milestone.objects.get(task=clause1, text__contains="抽蓄项目10月底前开工")
    assert milestone.due_date == milestone.original_due_date == date(2023, 10, 31)
    assert Unit.objects.resolve("商务局").name == "区经信局"
    assert Unit.objects.resolve("各乡镇<街道>").name == "各乡镇街道"
    assert ReportPeriod.objects.filter(document=doc).count() == 11  # February (issue month) .. December
    assert AuditEvent.objects.filter(action="document.import", object_id=str(doc.pk)).count() == 1


@pytest.mark.django_db
def test_importing_the_same_text_again_changes_nothing(seed_text):
    document_import(text=seed_text)
    events = AuditEvent.objects.count()
    again = document_import(text=seed_text)
    assert again.changed is False
    assert AuditEvent.objects.count() == events
    assert Task.objects.count() == 55


@pytest.mark.django_db
def test_dry_run_writes_nothing_but_counts_exactly(seed_text):
    result = document_import(text=seed_text, dry_run=True)
    assert result.tasks_created == 55 and len(result.new_units) == 28
    assert PolicyDocument.objects.count() == Task.objects.count() == Unit.objects.count() == 0
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_existing_units_are_matched_through_aliases(seed_text):
    unit = Unit.objects.create(name="区经济和信息化局")
    UnitAlias.objects.create(unit=unit, alias="区经信局")
    result = document_import(text=seed_text)
    assert "区经信局" in result.matched_units and "区经信局" not in result.new_units
    clause6 = result.document.tasks.get(number=6)
    assert _lead(clause6) == ["区经济和信息化局"]
    assert Unit.objects.resolve("商务局") == unit


@pytest.mark.django_db
def test_unit_mapping_turns_a_new_name_into_an_alias(seed_text):
    finance = Unit.objects.create(name="区财政局(地方金融监管局)")
    result = document_import(text=seed_text, unit_mapping={"区财政局": finance})
    assert "区财政局" not in result.new_units
    assert Unit.objects.resolve("区财政局") == finance
    assert _lead(result.document.tasks.get(number=50)) == ["区财政局(地方金融监管局)"]


@pytest.mark.django_db
def test_corrected_version_updates_changed_clauses_and_keeps_progress(seed_text):
    first = document_import(text=seed_text).document
    clause1 = first.tasks.get(number=1)
    lead = clause1.task_units.get(role="lead").unit
    report = ProgressReport.objects.create(
        task=clause1,
        unit=lead,
        period=first.report_periods.first(),
        author=f.UserFactory(),
        progress="抽蓄项目前期工作推进中",
        percent=30,
        submitted_at="2023-03-31T10:00:00+08:00",
    )
    clause1_milestones = set(clause1.milestones.values_list("pk", flat=True))
    corrected = seed_text.replace("新增学位1470个", "新增学位1500个").replace(
        "(责任单位:区卫健局)", "(责任单位:区卫健局、区民政局)"
    )
    result = document_import(text=corrected)
    assert result.changed and not result.created
    assert (result.tasks_updated, result.tasks_unchanged) == (2, 53)
    assert ProgressReport.objects.get(pk=report.pk).task_id == clause1.pk
    assert set(clause1.milestones.values_list("pk", flat=True)) == clause1_milestones
    clause52 = first.tasks.get(number=52)
    assert clause52.milestones.filter(text__contains="1500").exists()
    assert not clause52.milestones.filter(text__contains="1470").exists()
    assert [tu.unit.name for tu in first.tasks.get(number=53).task_units.order_by("position")] == [
        "区卫健局",
        "区民政局",
    ]
    assert AuditEvent.objects.filter(action="document.reimport").count() == 1


@pytest.mark.django_db
def test_a_non_policy_file_exits_2_and_leaves_the_database_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("会议纪要\n今天讨论了食堂菜单。\n", encoding="utf-8")
    with pytest.raises(CommandError) as excinfo:
        call_command("import_policy", str(path))
    assert excinfo.value.returncode == 2
    assert PolicyDocument.objects.count() == Unit.objects.count() == TaskUnit.objects.count() == 0


@pytest.mark.django_db
def test_parse_errors_reach_the_service_caller():
    with pytest.raises(ParseError):
        document_import(text="")


def test_commands_exit_2_with_one_line_for_unreadable_input(tmp_path):
    gbk = tmp_path / "renamed.txt"  # a binary file renamed .txt
    gbk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for path in (gbk, empty, tmp_path / "missing.txt"):
        for command in ("parse_policy", "import_policy"):
            run = subprocess.run(
                [sys.executable, "manage.py", command, str(path), "--year", "2023"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert run.returncode == 2, (command, path, run.stderr)
            errors = [line for line in run.stderr.splitlines() if "CommandError" in line]
            assert len(errors) == 1, run.stderr
            assert str(path.name) in errors[0]


def test_parse_policy_json_has_the_promised_shape():
    run = subprocess.run(
        [sys.executable, "manage.py", "parse_policy", str(SEED), "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    import json

    data = json.loads(run.stdout)
    assert set(data) >= {"document", "units", "areas", "tasks", "warnings"}
    assert data["document"]["doc_number"] == "柯政发〔2023〕16号"
    assert len(data["areas"]) == 8 and [t["number"] for t in data["tasks"]] == list(range(1, 56))
    clause1 = data["tasks"][0]
    assert clause1["lead_units"] == ["区发改局"]
    dated = {m["due_date"] for m in clause1["milestones"] if "抽蓄项目10月底前开工" in m["text"]}
    assert dated == {"2023-10-31"}
    assert set(clause1["milestones"][0]) >= {
        "text",
        "due_date",
        "kind",
        "time_expression",
        "target_value",
        "target_unit",
    }


@pytest.mark.django_db
def test_a_document_with_a_clause_number_twice_is_refused_whole(tmp_path):
    text = (
        "测政发〔2024〕3号\n测试实施方案\n一、测试领域(由区发改局牵头实施)\n"
        "1. 第一条。年内完成A。(责任单位:区发改局)\n"
        "1. 重复条。年内完成B。(责任单位:区财政局)\n"
    )
    path = tmp_path / "dup.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match="条款序号 1 重复") as excinfo:
        call_command("import_policy", str(path))
    assert excinfo.value.returncode == 2
    assert PolicyDocument.objects.count() == Unit.objects.count() == 0
