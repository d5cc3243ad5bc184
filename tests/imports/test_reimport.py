"""Re-import by content (issue 12): a new version that inserts a clause at the top, corrects a
target and drops a clause moves no history, withdraws the dropped clause, and keeps both versions.

The seed is imported as version 1; clause 2 gets a progress report, clause 7 an extension
request, clause 13 an urge, clause 1 a reported value on its 2000万元 target and clause 10 (the
one the new version drops) a report of its own. Version 2 is what an office would issue: a new
clause 1 at the top of area 一, every later clause renumbered through the document, clause 1's
target corrected to 2500万元, and old clause 10 gone.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pytest
import time_machine
from rest_framework.test import APIClient

from accounts.models import Membership
from notifications.models import Delivery
from notifications.services.timing import as_of
from policy_tasks.errors import InvalidState
from policy_tasks.models import (
    AuditEvent,
    DocumentVersion,
    ExtensionRequest,
    Milestone,
    MilestoneValue,
    PolicyDocument,
    ProgressReport,
    Task,
    UrgeNotice,
)
from policy_tasks.parsing import ParsedDocument
from policy_tasks.selectors.imports import CHANGED, NEW, STATUS_LABELS, UNCHANGED, WITHDRAWN, document_preview
from policy_tasks.selectors.scoreboard import unit_scoreboard
from policy_tasks.selectors.tasks import milestones_overdue
from policy_tasks.services import imports
from policy_tasks.services.extensions import extension_request
from policy_tasks.services.import_plan import (
    NewClause,
    NewMilestone,
    OldClause,
    OldMilestone,
    plan_clauses,
    plan_milestones,
)
from policy_tasks.services.imports import document_import
from policy_tasks.services.reports import task_report_progress
from policy_tasks.services.urges import urge_issue
from tests import factories as f
from tests.notifications.conftest import ensure_default_rules, run_day

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "kecheng-2023-16.txt"
INSERTED = "1. 加快新型基础设施建设。年内建成5G基站300个。(责任单位:区发改局、区经信局<商务局>)"
TARGET_OLD, TARGET_NEW = "全年完成投资2000万元", "全年完成投资2500万元"
_CLAUSE = re.compile(r"^(\d+)\.(?!\d)")


def _renumbered(lines: list[str]) -> str:
    """Number the clauses 1, 2, … through the document, as the office's next version would."""
    count = 0
    out = []
    for line in lines:
        if _CLAUSE.match(line):
            count += 1
            line = _CLAUSE.sub(f"{count}.", line, count=1)
        out.append(line)
    return "\n".join(out) + "\n"


def _version_2(seed: str) -> str:
    assert seed.count(TARGET_OLD) == 1
    lines = seed.replace(TARGET_OLD, TARGET_NEW).splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("1. "))
    lines.insert(first, INSERTED)
    dropped = next(i for i, line in enumerate(lines) if line.startswith("10."))
    assert "加强关键核心技术攻关" in lines.pop(dropped)
    return _renumbered(lines)


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _member(username: str, task: Task, role=Membership.Role.CLERK):
    user = f.UserFactory(username=username)
    f.MembershipFactory(user=user, unit=task.task_units.get(role="lead").unit, role=role)
    return user


class History:
    """Version 1 with a report, an extension request, an urge, a reported target and a report on
    the clause version 2 drops; each remembered by the text of its clause."""

    def __init__(self, seed: str):
        # Mid-2023, while every deadline is still ahead (an extension is asked for in time).
        with time_machine.travel(as_of(date(2023, 6, 1)), tick=False):
            self._build(seed)

    def _build(self, seed: str) -> None:
        self.document = document_import(text=seed).document
        tasks = {t.number: t for t in self.document.tasks.all()}
        self.clause = {n: tasks[n] for n in (1, 2, 7, 10, 13)}
        self.texts = {n: t.text for n, t in self.clause.items()}
        period = self.document.report_periods.order_by("starts_on").first()
        self.planner = _member("fgj_clerk", tasks[2])
        self.scientist = _member("kjj_clerk", tasks[7])
        head = _member("kjj_head", tasks[7], Membership.Role.HEAD)
        supervisor = f.UserFactory(username="supervisor")
        f.RoleGrantFactory(user=supervisor, role="supervisor")
        self.supervisor = supervisor

        self.report = task_report_progress(
            user=self.planner, task=tasks[2], period=period, progress="专项债申报推进中", percent=40
        )
        self.target = tasks[1].milestones.get(text=TARGET_OLD)
        self.target_report = task_report_progress(
            user=self.planner, task=tasks[1], period=period, progress="抽蓄项目推进", percent=30,
            values={self.target.pk: "1200"},
        )  # fmt: skip
        self.extension = extension_request(
            user=head,
            milestone=tasks[7].milestones.order_by("position").first(),
            reason="资金拨付滞后",
            proposed_date=date(2024, 3, 31),
        )
        self.urge = urge_issue(
            user=supervisor, task=tasks[13], level="urge", message="请加快村播基地申报", reply_due=date(2023, 12, 20)
        )
        self.dropped_report = task_report_progress(
            user=self.scientist, task=tasks[10], period=period, progress="攻关项目申报中", percent=20
        )
        self.dropped_milestones = set(tasks[10].milestones.values_list("pk", flat=True))


def test_the_preview_says_new_changed_unchanged_and_withdrawn_before_anything_is_written(seed_text):
    history = History(seed_text)
    v2 = _version_2(seed_text)
    preview = document_preview(text=v2)

    by_number = {row.parsed.number: row for row in preview.tasks}
    assert by_number[1].status == NEW and by_number[1].old_task_id is None
    # Old clause 1 is now clause 2: same task, its corrected target makes it changed.
    assert by_number[2].status == CHANGED and by_number[2].changes == ["text"]
    assert (by_number[2].old_task_id, by_number[2].old_number) == (history.clause[1].pk, 1)
    assert by_number[2].milestones_updated == 1 and by_number[2].milestones_created == 0
    # Old clause 2 is clause 3, unchanged but renumbered; after the dropped clause numbers agree again.
    assert by_number[3].status == UNCHANGED and by_number[3].old_task_id == history.clause[2].pk
    assert by_number[3].renumbered and by_number[3].old_label == "2"
    assert by_number[13].status == UNCHANGED and not by_number[13].renumbered
    assert [(w.task_id, w.number, w.status) for w in preview.withdrawn] == [(history.clause[10].pk, 10, WITHDRAWN)]
    assert preview.withdrawn[0].milestones == 4 and preview.tasks_missing == [10]
    assert (preview.tasks_created, preview.tasks_updated, preview.tasks_unchanged) == (1, 1, 53)
    assert STATUS_LABELS[WITHDRAWN][0] == "撤销"
    assert preview.summary() == document_import(text=v2, dry_run=True).summary()
    assert Task.objects.count() == 55 and DocumentVersion.objects.count() == 1


def test_reimport_keeps_every_history_on_its_own_clause_and_withdraws_the_dropped_one(seed_text):
    history = History(seed_text)
    document = history.document
    v1_sha = document.sha256
    v2 = _version_2(seed_text)

    result = document_import(data=v2.encode(), filename="柯政发〔2023〕16号(修订).txt")

    assert (result.tasks_created, result.tasks_updated, result.tasks_unchanged) == (1, 1, 53)
    assert result.tasks_missing == [10] and result.milestones_withdrawn == 4
    assert result.milestones_updated == 1 and result.milestones_created == 1 and result.milestones_removed == 0
    # Every piece of history is still on the clause it was written about (the same text).
    assert ProgressReport.objects.get(pk=history.report.pk).task.text == history.texts[2]
    assert ExtensionRequest.objects.get(pk=history.extension.pk).milestone.task.text == history.texts[7]
    assert UrgeNotice.objects.get(pk=history.urge.pk).task.text == history.texts[13]
    assert ProgressReport.objects.get(pk=history.dropped_report.pk).task.text == history.texts[10]
    # Clauses in force are numbered 1..55 in the new order, labelled as written.
    live = Task.objects.filter(document=document).in_force().order_by("number")
    assert list(live.values_list("number", flat=True)) == list(range(1, 56))
    assert live.get(number=1).title == "加快新型基础设施建设"
    assert Task.objects.get(pk=history.clause[2].pk).number == 3 == int(Task.objects.get(pk=history.clause[2].pk).label)
    assert Task.objects.get(pk=history.clause[13].pk).number == 13

    # The corrected target is the same milestone, with its reported value, at the new figure.
    target = Milestone.objects.get(pk=history.target.pk)
    assert target.text == TARGET_NEW and target.target_value == 2500 and target.version == history.target.version + 1
    assert target.task_id == history.clause[1].pk and target.status == Milestone.Status.OPEN
    assert MilestoneValue.objects.get(report=history.target_report, milestone=target).actual_value == 1200
    assert Task.objects.get(pk=history.clause[1].pk).version == 2

    # The dropped clause is withdrawn with its milestones, never deleted.
    dropped = Task.objects.get(pk=history.clause[10].pk)
    assert dropped.status == Task.Status.WITHDRAWN and dropped.withdrawn_in.number == 2
    milestones = Milestone.objects.filter(pk__in=history.dropped_milestones)
    assert milestones.count() == 4
    assert set(milestones.values_list("status", flat=True)) == {Milestone.Status.WITHDRAWN}
    assert all(m.withdrawn_at is not None and m.withdrawn_in_id == result.version.pk for m in milestones)

    # Out of the overdue ledger (selector and API) and of the scores; others stay in.
    overdue = {m.pk for m in milestones_overdue(on=date(2024, 1, 10), document=document)}
    assert overdue and not overdue & history.dropped_milestones
    assert history.extension.milestone_id in overdue
    api = APIClient()
    api.force_authenticate(history.supervisor)
    listed = set()
    url = f"/api/v1/ledger/overdue/?on=2024-01-10&document={document.pk}&page_size=200"
    while url:
        body = api.get(url).json()
        listed |= {row["id"] for row in body["results"]}
        url = body.get("next")
    assert listed == overdue
    science = next(s for s in unit_scoreboard(document=document, on=date(2024, 1, 10)) if s.unit.name == "区科技局")
    led = Task.objects.in_force().filter(document=document, task_units__unit=science.unit, task_units__role="lead")
    assert science.tasks_led == led.count()
    assert science.overdue_count == Milestone.objects.filter(task__in=led, due_date__lt=date(2024, 1, 10)).count()

    # No reminder for the withdrawn clause; the same scan reminds the others.
    ensure_default_rules()
    run_day(date(2024, 1, 3), send=False)
    reminded = set(Delivery.objects.filter(subject_type="milestone").values_list("subject_id", flat=True))
    assert history.extension.milestone_id in reminded
    assert not reminded & history.dropped_milestones

    # The audit row holds the true before and after; changed and withdrawn tasks have their own.
    event = AuditEvent.objects.get(action="document.reimport")
    assert event.before["sha256"] == v1_sha and event.before["version"] == 1
    assert event.before["tasks"][str(history.clause[1].pk)]["text"] == history.texts[1]
    assert event.before["tasks"][str(history.clause[10].pk)]["number"] == 10
    assert event.after["version"] == 2 and event.after["sha256"] == PolicyDocument.objects.get().sha256
    assert event.after["source_sha256"] == hashlib.sha256(v2.encode()).hexdigest() != event.before["source_sha256"]
    assert TARGET_NEW in event.after["tasks"][str(history.clause[1].pk)]["text"]
    changed = AuditEvent.objects.get(action="task.reimport", task=history.clause[1])
    assert TARGET_OLD in changed.before["text"] and TARGET_NEW in changed.after["text"]
    assert AuditEvent.objects.filter(action="task.withdraw", task=dropped).count() == 1

    # Both versions, file and text, can be downloaded by anyone who may read the document.
    reader = APIClient()
    reader.force_authenticate(history.scientist)
    versions = reader.get(f"/api/v1/documents/{document.pk}/versions/")
    assert versions.status_code == 200
    assert [(v["number"], v["filename"], v["source_kind"]) for v in versions.json()] == [
        (1, "document.txt", "text"),
        (2, "柯政发〔2023〕16号(修订).txt", "text"),
    ]
    assert versions.json()[1]["summary"]["tasks_missing"] == [10]
    # The text is what the parser read (from the file's bytes for version 2), the source the bytes.
    for number, text, data in ((1, seed_text, seed_text), (2, result.parsed.source_text, v2)):
        body = reader.get(f"/api/v1/documents/{document.pk}/versions/{number}/text")
        assert body.status_code == 200 and body["Content-Type"] == "text/plain; charset=utf-8"
        assert body.content.decode() == text
        source = reader.get(f"/api/v1/documents/{document.pk}/versions/{number}/source")
        assert source.status_code == 200 and source.content == data.encode()
        assert source["Content-Disposition"].startswith("attachment")
    assert "filename*=utf-8''" in source["Content-Disposition"]
    assert reader.get(f"/api/v1/documents/{document.pk}/versions/3/text").status_code == 404
    assert APIClient().get(f"/api/v1/documents/{document.pk}/versions/").status_code in (401, 403)


def test_the_same_text_again_writes_no_version_and_a_dropped_clause_can_come_back(seed_text):
    history = History(seed_text)
    v2 = _version_2(seed_text)
    document_import(text=v2)
    assert not document_import(text=v2).changed
    assert DocumentVersion.objects.filter(document=history.document).count() == 2

    # Version 3 restores the text of version 1: old clause 10 returns on its own task, reopened.
    result = document_import(text=seed_text)
    assert result.tasks_missing == [1]  # the clause version 2 inserted
    back = Task.objects.get(pk=history.clause[10].pk)
    assert back.status == Task.Status.OPEN and back.number == 10 and back.withdrawn_at is None
    assert set(back.milestones.values_list("status", flat=True)) == {Milestone.Status.OPEN}
    target = Milestone.objects.get(pk=history.target.pk)
    assert target.text == TARGET_OLD and target.target_value == 2000
    assert DocumentVersion.objects.filter(document=history.document).count() == 3
    assert PolicyDocument.objects.get().version == 3


def test_a_recurring_milestone_is_one_row_per_occurrence_matched_again_by_occurrence(monkeypatch):
    text = "测政发〔2024〕5号\n测试实施方案\n一、测试领域(由区发改局牵头实施)\n1. 月报。每月10日前报送进展。(责任单位:区发改局)\n"
    months = [date(2024, m, 10) for m in range(1, 13)]
    read = imports.read_upload

    def recurring(**kwargs) -> ParsedDocument:
        parsed = read(**kwargs)
        for milestone in parsed.tasks[0].milestones[:1]:
            milestone.recurrence, milestone.occurrences = "monthly", list(months)
        return parsed

    monkeypatch.setattr(imports, "read_upload", recurring)
    document = document_import(text=text).document
    rows = list(Milestone.objects.filter(task__document=document, recurrence="monthly").order_by("occurrence"))
    assert [m.occurrence for m in rows] == list(range(1, 13)) and [m.due_date for m in rows] == months
    assert {m.kind for m in rows} == {Milestone.Kind.RECURRING}
    Milestone.objects.filter(pk=rows[0].pk).update(status=Milestone.Status.CLOSED)

    result = document_import(text=text.replace("月报。", "月度报告。"))
    assert result.tasks_updated == 1 and result.milestones_created == 0
    again = list(Milestone.objects.filter(task__document=document, recurrence="monthly").order_by("occurrence"))
    assert [m.pk for m in again] == [m.pk for m in rows] and again[0].status == Milestone.Status.CLOSED


def test_the_plan_anchors_identical_clauses_and_pairs_the_rest_by_similarity_in_order():
    old = [
        OldClause(1, 1, "1", "甲项目年内开工建设，全年完成投资2000万元。(责任单位:区发改局)", 1),
        OldClause(2, 2, "2", "乙项目上半年完成验收并投入使用。(责任单位:区住建局)", 1),
        OldClause(3, 3, "3", "丙项目力争三季度完成主体工程。(责任单位:区交通运输局)", 1),
        OldClause(4, 4, "4", "丁项目完成立项。(责任单位:区水利局)", 2),
    ]
    new = [
        NewClause("新增戊项目前期工作年内完成。(责任单位:区发改局)", 1),
        NewClause("甲项目年内开工建设，全年完成投资2500万元。(责任单位:区发改局)", 1),
        NewClause("丙项目力争三季度完成主体工程。(责任单位:区交通运输局)", 1),
        NewClause("丁项目完成立项。(责任单位:区水利局)", 1),
    ]
    plan = plan_clauses(old, new)
    assert [(m.status, m.old.id if m.old else None) for m in plan.matches] == [
        (NEW, None),
        (CHANGED, 1),
        (UNCHANGED, 3),
        (CHANGED, 4),
    ]
    assert plan.matches[3].changes == ("area",) and plan.matches[1].changes == ("text",)
    assert [c.id for c in plan.withdrawn] == [2]


def test_the_milestone_plan_keeps_a_corrected_target_and_its_siblings_apart():
    old = [
        OldMilestone(10, "全年完成投资2000万元", None, "open", True),
        OldMilestone(11, "全年完成投资5000万元", None, "open", False),
        OldMilestone(12, "8月底前开工", None, "closed", True),
        OldMilestone(13, "年内完成验收", None, "open", True),
        OldMilestone(14, "年底前建成投用", None, "open", False),
    ]
    new = [NewMilestone("全年完成投资2500万元"), NewMilestone("全年完成投资6000万元"), NewMilestone("9月底前开工")]
    plan = plan_milestones(old, new)
    assert [m.id if m else None for m in plan.matches] == [10, 11, 12]
    assert plan.updated(new) == 3 and plan.created == 0
    assert [m.id for m in plan.withdrawn] == [13] and [m.id for m in plan.deleted] == [14]


def test_a_milestone_with_history_that_leaves_its_clause_is_withdrawn_and_its_request_answered(seed_text):
    history = History(seed_text)
    old = "2023年争取省财政补助资金600万元以上,其中"
    assert seed_text.count(old) == 1
    preview = document_preview(text=seed_text.replace(old, "积极争取省财政补助资金,其中"))
    clause7 = next(row for row in preview.tasks if row.parsed.number == 7)
    assert (clause7.status, clause7.milestones_withdrawn, clause7.milestones_kept) == (CHANGED, 1, 1)

    result = document_import(text=seed_text.replace(old, "积极争取省财政补助资金,其中"))

    assert (result.tasks_updated, result.milestones_withdrawn, result.tasks_missing) == (1, 1, [])
    extension = ExtensionRequest.objects.get(pk=history.extension.pk)
    assert extension.status == ExtensionRequest.Status.REFUSED and extension.decision_note == imports.WITHDRAWN_REASON
    gone = Milestone.objects.get(pk=history.extension.milestone_id)
    assert gone.status == Milestone.Status.WITHDRAWN and (gone.start, gone.end) == (0, 0)
    assert gone.task_id == history.clause[7].pk and gone.withdrawn_in == result.version
    assert gone not in milestones_overdue(on=date(2024, 1, 10), document=history.document)
    # The clause's other milestone is the same row as before.
    assert history.clause[7].milestones.filter(status=Milestone.Status.OPEN).count() == 1


def test_a_withdrawn_clause_takes_no_more_reports_or_urges(seed_text):
    history = History(seed_text)
    document_import(data=_version_2(seed_text).encode(), filename="v2.txt")
    dropped = Task.objects.get(pk=history.clause[10].pk)
    period = history.document.report_periods.order_by("starts_on").first()
    with time_machine.travel(as_of(date(2023, 6, 2)), tick=False):
        with pytest.raises(InvalidState, match="撤销"):
            task_report_progress(user=history.scientist, task=dropped, period=period, progress="仍在推进", percent=30)
        with pytest.raises(InvalidState, match="撤销"):
            urge_issue(
                user=history.supervisor, task=dropped, level="urge", message="请说明", reply_due=date(2023, 7, 1)
            )
    assert ProgressReport.objects.filter(task=dropped).count() == 1


def test_a_correction_to_a_clause_whose_text_is_unchanged_is_imported(seed_text):
    supervisor = f.UserFactory(username="reviewer")
    f.RoleGrantFactory(user=supervisor, role="supervisor")
    document = document_import(text=seed_text).document
    corrections = {"clauses": {"1": {"lead_units": ["区财政局"], "co_units": ["区发改局"]}}}

    preview = document_preview(data=seed_text.encode(), filename="seed.txt", corrections=corrections)
    assert [row.status for row in preview.tasks].count(CHANGED) == 1
    result = document_import(data=seed_text.encode(), filename="seed.txt", corrections=corrections, user=supervisor)

    assert result.changed and result.tasks_updated == 1
    first = Task.objects.get(document=document, number=1)
    assert [(tu.unit.name, tu.role) for tu in first.task_units.order_by("position")][:2] == [
        ("区财政局", "lead"),
        ("区发改局", "co"),
    ]
    assert document.versions.order_by("-number").first().corrections == corrections
    event = AuditEvent.objects.filter(action="document.reimport").latest("id")
    assert event.actor_role == "supervisor"
