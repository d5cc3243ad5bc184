"""Who may split, who sees what of a split, what is refused, and what a re-import does to it."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client

from accounts.models import Membership, RoleGrant, Unit
from policy_tasks.errors import Forbidden, InvalidState, ServiceError
from policy_tasks.models import AuditEvent, Milestone, SupervisionScope, Task
from policy_tasks.selectors.imports import document_preview
from policy_tasks.services.audit import audit_verify
from policy_tasks.services.decomposition import SubTaskSpec, task_decompose
from policy_tasks.services.demo import SEED_PATH
from policy_tasks.services.imports import document_import
from tests import factories as f
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db


def _member(username, unit, role=Membership.Role.CLERK):
    user = f.UserFactory(username=username)
    f.MembershipFactory(user=user, unit=unit, role=role)
    return user


@pytest.fixture
def split(db):
    lead = f.UnitFactory(name="区经信局")
    group = f.UnitFactory(name="各乡镇街道", kind=Unit.Kind.GROUP)
    hangbu = f.UnitFactory(name="航埠镇", parent=group)
    shiliang = f.UnitFactory(name="石梁镇", parent=group)
    outsider = f.UnitFactory(name="区教育局")
    task = f.TaskFactory(number=35, title="培育发展一批消费新场景")
    f.TaskUnitFactory(task=task, unit=lead, role="lead", position=0)
    f.TaskUnitFactory(task=task, unit=group, role="co", position=1)
    milestone = f.MilestoneFactory(task=task, text="年内获得省级专项支持", due_date=date(2023, 10, 31))
    supervisor = f.UserFactory(username="supervisor")
    f.RoleGrantFactory(user=supervisor, role=RoleGrant.Role.SUPERVISOR)
    with time_machine.travel(date(2023, 6, 1), tick=False):
        subs = task_decompose(
            user=supervisor,
            task=task,
            share_unit=group,
            milestone=milestone,
            specs=[
                SubTaskSpec(unit=hangbu, target="航埠镇建成工坊2个", due_date=date(2023, 9, 30), target_value="2"),
                SubTaskSpec(unit=shiliang, target="石梁镇建成工坊1个", due_date=date(2023, 10, 31)),
            ],
        )
    return {
        "task": task,
        "milestone": milestone,
        "group": group,
        "hangbu": hangbu,
        "shiliang": shiliang,
        "outsider": outsider,
        "subs": dict(zip(["航埠镇", "石梁镇"], subs, strict=True)),
        "supervisor": supervisor,
        "lead_clerk": _member("lead_clerk", lead),
        "lead_head": _member("lead_head", lead, Membership.Role.HEAD),
        "hangbu_clerk": _member("hangbu_clerk", hangbu),
        "shiliang_head": _member("shiliang_head", shiliang, Membership.Role.HEAD),
    }


def _page(user, path):
    client = Client()
    client.force_login(user)
    return client.get(path)


def test_a_township_sees_its_own_sub_task_and_only_the_parents_title(split):
    sub, sibling, parent = split["subs"]["航埠镇"], split["subs"]["石梁镇"], split["task"]
    page = _page(split["hangbu_clerk"], f"/tasks/{sub.pk}/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "本任务由第35条 培育发展一批消费新场景分解而来" in body
    assert f'href="/tasks/{parent.pk}/"' not in body
    assert _page(split["hangbu_clerk"], f"/tasks/{sibling.pk}/").status_code == 404
    assert _page(split["hangbu_clerk"], f"/tasks/{parent.pk}/").status_code == 404

    api = client_for(split["hangbu_clerk"])
    detail = api.get(f"/api/v1/tasks/{sub.pk}/").json()
    assert detail["parent"] == {"id": parent.pk, "label": "35", "title": "培育发展一批消费新场景"}
    assert detail["decomposition"] is None
    assert api.get(f"/api/v1/tasks/{sibling.pk}/").status_code == 404
    listed = {t["id"] for t in api.get("/api/v1/tasks/").json()["results"]}
    assert listed == {sub.pk}


def test_the_parents_units_see_the_figures_but_not_the_townships_rows(split):
    parent = split["task"]
    body = _page(split["lead_clerk"], f"/tasks/{parent.pk}/").content.decode()
    assert "共 2 项子任务" in body
    assert "航埠镇建成工坊2个" not in body and "分解给成员单位" not in body
    rollup = client_for(split["lead_clerk"]).get(f"/api/v1/tasks/{parent.pk}/").json()["decomposition"]
    assert rollup["total"] == 2 and rollup["sub_tasks"] == []
    # The supervisor sees every row and may split further.
    body = _page(split["supervisor"], f"/tasks/{parent.pk}/").content.decode()
    assert "航埠镇建成工坊2个" in body and "石梁镇建成工坊1个" in body and "分解给成员单位" in body


def test_only_a_supervisor_in_scope_splits(split):
    parent, spec = split["task"], SubTaskSpec(unit=split["hangbu"], target="x", due_date=date(2023, 9, 1))
    assert _page(split["lead_head"], f"/tasks/{parent.pk}/decompose/").status_code == 403
    assert _page(split["hangbu_clerk"], f"/tasks/{parent.pk}/decompose/").status_code == 404
    with pytest.raises(Forbidden, match="只有督查员可以分解任务"):
        task_decompose(user=split["lead_head"], task=parent, share_unit=split["group"], specs=[spec])
    scoped = f.UserFactory(username="scoped")
    grant = f.RoleGrantFactory(user=scoped, role=RoleGrant.Role.SUPERVISOR)
    SupervisionScope.objects.create(grant=grant, document=f.DocumentFactory())
    assert _page(scoped, f"/tasks/{parent.pk}/decompose/").status_code == 404


@pytest.mark.parametrize(
    ("unit", "due", "message"),
    [
        ("outsider", date(2023, 9, 1), "区教育局不是该单位的成员单位"),
        ("hangbu", date(2023, 9, 1), "航埠镇已有该任务的分解任务"),
    ],
)
def test_refusals_leave_nothing_behind(split, unit, due, message):
    before = (Task.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ServiceError, match=message):
        task_decompose(
            user=split["supervisor"],
            task=split["task"],
            share_unit=split["group"],
            specs=[SubTaskSpec(unit=split[unit], target="目标", due_date=due)],
        )
    assert (Task.objects.count(), AuditEvent.objects.count()) == before


def test_without_a_parent_milestone_the_documents_default_deadline_bounds(split):
    third = f.UnitFactory(name="九华乡", parent=split["group"])
    with pytest.raises(ServiceError, match=r"九华乡的完成时限（2024-01-05）不得晚于上级任务的完成时限（2023-12-31）"):
        task_decompose(
            user=split["supervisor"],
            task=split["task"],
            share_unit=split["group"],
            specs=[SubTaskSpec(unit=third, target="目标", due_date=date(2024, 1, 5))],
        )
    with pytest.raises(InvalidState, match="分解任务不能再分解"):
        task_decompose(
            user=split["supervisor"],
            task=split["subs"]["航埠镇"],
            share_unit=split["hangbu"],
            specs=[SubTaskSpec(unit=third, target="目标", due_date=date(2023, 9, 1))],
        )


def test_the_split_is_on_the_audit_chain(split):
    event = AuditEvent.objects.get(action="task.decompose")
    assert event.actor == split["supervisor"] and event.task_id == split["task"].pk
    assert [row["label"] for row in event.after["sub_tasks"]] == ["35-1", "35-2"]
    assert event.after["sub_tasks"][0]["target_value"] == "2"
    assert audit_verify() is None
    audit = client_for(split["supervisor"]).get(f"/api/v1/tasks/{split['task'].pk}/audit/").json()
    assert "task.decompose" in {e["action"] for e in audit["results"]}


def test_the_admin_keeps_a_groups_members(split):
    admin = f.UserFactory(username="superuser", is_staff=True, is_superuser=True)
    page = _page(admin, f"/admin/accounts/unit/{split['group'].pk}/change/").content.decode()
    assert "成员单位" in page and "航埠镇" in page and "石梁镇" in page


def _seed_with_clause_35_split():
    """The seed imported, clause 35's 各乡镇街道 share split off to 航埠镇 by a supervisor."""
    text = SEED_PATH.read_text(encoding="utf-8")
    document = document_import(text=text).document
    task = Task.objects.get(document=document, number=35)
    group = Unit.objects.resolve("各乡镇街道")
    township = Unit.objects.create(name="航埠镇", parent=group)
    supervisor = f.UserFactory(username="supervisor")
    f.RoleGrantFactory(user=supervisor, role=RoleGrant.Role.SUPERVISOR)
    (sub,) = task_decompose(
        user=supervisor,
        task=task,
        share_unit=group,
        specs=[SubTaskSpec(unit=township, target="航埠镇建成工坊", due_date=date(2023, 12, 31))],
    )
    return text, document, task, sub, supervisor


def test_a_reimport_keeps_sub_tasks_and_counts_55_clauses():
    text, document, task, sub, supervisor = _seed_with_clause_35_split()
    document_import(text=text.replace("鼓励发展夜间经济", "积极发展夜间经济"), user=supervisor)
    sub.refresh_from_db()
    assert sub.status == Task.Status.OPEN and sub.parent_id == task.pk
    assert Task.objects.clauses().in_force().filter(document=document).count() == 55
    assert Task.objects.in_force().filter(document=document).count() == 56


def test_a_clause_a_new_version_drops_takes_its_sub_tasks_with_it():
    text, _, task, sub, supervisor = _seed_with_clause_35_split()
    assert Milestone.objects.live().filter(task=sub).exists()
    dropped = next(line for line in text.splitlines() if line.startswith("35.培育发展一批消费新场景"))
    document_import(text=text.replace(dropped + "\n", ""), user=supervisor)

    task.refresh_from_db()
    sub.refresh_from_db()
    assert task.status == sub.status == Task.Status.WITHDRAWN
    assert not Milestone.objects.live().filter(task=sub).exists()  # nothing left to remind of
    event = AuditEvent.objects.get(action="task.withdraw", object_id=str(sub.pk))
    assert event.reason == "上级任务第35条已在文件新版本中撤销"


def test_the_preview_counts_the_sub_tasks_milestones_a_dropped_clause_withdraws_as_the_import_does():
    text, _, task, sub, supervisor = _seed_with_clause_35_split()
    own = Milestone.objects.live().filter(task=task).count()  # the clause's own: none on clause 35
    assert Milestone.objects.live().filter(task=sub).count() == 1
    dropped = next(line for line in text.splitlines() if line.startswith("35.培育发展一批消费新场景"))
    new = text.replace(dropped + "\n", "")

    preview = document_preview(text=new)

    assert [(w.number, w.milestones) for w in preview.withdrawn] == [(35, own + 1)]
    assert preview.milestones_withdrawn == own + 1
    assert preview.summary() == document_import(text=new, dry_run=True).summary()
    assert preview.summary() == document_import(text=new, user=supervisor).summary()
    assert not Milestone.objects.live().filter(task__in=[task, sub]).exists()
