from __future__ import annotations

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from accounts.models import RoleGrant
from policy_tasks.errors import Forbidden, InvalidState, NotFound, ServiceError, StaleVersion
from policy_tasks.models import AuditEvent, CompletionRequest, Milestone, SupervisionScope, Task
from policy_tasks.services.evidence import evidence_upload
from policy_tasks.services.milestones import milestone_request_completion, milestone_return, milestone_verify
from tests import factories as f


def upload(user, task, content: bytes = "竣工验收报告".encode()):
    return evidence_upload(
        user=user, task=task, uploaded_file=SimpleUploadedFile("证明.txt", content, content_type="text/plain")
    )


def request_completion(world, milestone=None, **kwargs):
    evidence = upload(world.lead_head, world.task)
    return milestone_request_completion(
        user=world.lead_head, milestone=milestone or world.milestone, evidence_ids=[evidence.pk], **kwargs
    )


def events(action: str):
    return list(AuditEvent.objects.filter(action=action))


def test_head_of_lead_unit_requests_completion_with_evidence(world):
    evidence = upload(world.lead_clerk, world.task)
    request = milestone_request_completion(
        user=world.lead_head, milestone=world.milestone, note="已开工", evidence_ids=[evidence.pk]
    )
    world.milestone.refresh_from_db()
    assert world.milestone.status == Milestone.Status.REQUESTED
    assert world.milestone.version == 2
    assert request.status == CompletionRequest.Status.PENDING
    assert request.unit == world.lead_unit
    assert list(request.evidence.all()) == [evidence]
    [event] = events("milestone.request_completion")
    assert (event.actor, event.actor_unit, event.actor_role) == (world.lead_head, world.lead_unit, "head")
    assert event.after["evidence"] == [evidence.pk]
    assert event.reason == "已开工"


def test_request_without_evidence_is_refused(world):
    with pytest.raises(ServiceError) as exc:
        milestone_request_completion(user=world.lead_head, milestone=world.milestone)
    assert exc.value.field == "evidence"
    world.milestone.refresh_from_db()
    assert world.milestone.status == Milestone.Status.OPEN
    assert not events("milestone.request_completion")


def test_evidence_of_a_co_unit_cannot_back_the_lead_units_request(world):
    theirs = upload(world.co_clerk, world.task)
    with pytest.raises(ServiceError) as exc:
        milestone_request_completion(user=world.lead_head, milestone=world.milestone, evidence_ids=[theirs.pk])
    assert exc.value.field == "evidence"


def test_evidence_used_by_one_request_cannot_back_another(world):
    second = f.MilestoneFactory(task=world.task, text="全年完成投资2000万元", position=1)
    evidence = upload(world.lead_clerk, world.task)
    milestone_request_completion(user=world.lead_head, milestone=world.milestone, evidence_ids=[evidence.pk])
    with pytest.raises(ServiceError) as exc:
        milestone_request_completion(user=world.lead_head, milestone=second, evidence_ids=[evidence.pk])
    assert exc.value.field == "evidence"
    second.refresh_from_db()
    assert second.status == Milestone.Status.OPEN


def test_clerk_of_lead_unit_cannot_request_completion(world):
    evidence = upload(world.lead_clerk, world.task)
    with pytest.raises(Forbidden):
        milestone_request_completion(user=world.lead_clerk, milestone=world.milestone, evidence_ids=[evidence.pk])


def test_co_unit_head_cannot_request_completion(world):
    evidence = upload(world.co_head, world.task)
    with pytest.raises(Forbidden):
        milestone_request_completion(user=world.co_head, milestone=world.milestone, evidence_ids=[evidence.pk])


def test_unrelated_unit_does_not_even_see_the_milestone(world):
    with pytest.raises(NotFound):
        milestone_request_completion(user=world.other_clerk, milestone=world.milestone, evidence_ids=[1])


def test_a_requested_milestone_cannot_be_requested_twice(world):
    request_completion(world)
    with pytest.raises(InvalidState):
        request_completion(world)


def test_supervisor_verifies_and_closes_the_milestone(world):
    request = request_completion(world)
    milestone = milestone_verify(user=world.supervisor, milestone=world.milestone, reason="材料齐全")
    assert milestone.status == Milestone.Status.CLOSED
    assert milestone.closed_at is not None
    request.refresh_from_db()
    assert request.status == CompletionRequest.Status.VERIFIED
    assert request.decided_by == world.supervisor
    assert request.decision_reason == "材料齐全"
    [event] = events("milestone.verify")
    assert event.before["status"] == "requested" and event.after["status"] == "closed"
    assert event.actor_role == "supervisor"


def test_an_open_milestone_cannot_be_verified_without_a_request(world):
    with pytest.raises(InvalidState):
        milestone_verify(user=world.supervisor, milestone=world.milestone)


def test_return_requires_a_reason(world):
    request_completion(world)
    for reason in ("", "   "):
        with pytest.raises(ServiceError) as exc:
            milestone_return(user=world.supervisor, milestone=world.milestone, reason=reason)
        assert exc.value.field == "reason"
    world.milestone.refresh_from_db()
    assert world.milestone.status == Milestone.Status.REQUESTED


def test_returned_milestone_is_open_again_and_can_be_requested_with_new_evidence(world):
    first = request_completion(world)
    first_evidence = list(first.evidence.all())
    milestone = milestone_return(user=world.supervisor, milestone=world.milestone, reason="缺少开工许可")
    assert milestone.status == Milestone.Status.OPEN
    first.refresh_from_db()
    assert first.status == CompletionRequest.Status.RETURNED
    assert first.decision_reason == "缺少开工许可"
    # What the supervisor returned keeps its files; a new request brings its own.
    assert list(first.evidence.all()) == first_evidence
    with pytest.raises(ServiceError):
        milestone_request_completion(
            user=world.lead_head, milestone=world.milestone, evidence_ids=[e.pk for e in first_evidence]
        )
    second = request_completion(world)
    assert second.pk != first.pk
    assert milestone_verify(user=world.supervisor, milestone=world.milestone).status == Milestone.Status.CLOSED


def test_task_rolls_up_to_closed_when_its_last_milestone_is_verified(world):
    second = f.MilestoneFactory(task=world.task, text="全年完成投资2000万元", position=1)
    request_completion(world)
    milestone_verify(user=world.supervisor, milestone=world.milestone)
    world.task.refresh_from_db()
    assert world.task.status == Task.Status.OPEN

    request_completion(world, milestone=second)
    before = AuditEvent.objects.count()
    milestone_verify(user=world.supervisor, milestone=second)
    world.task.refresh_from_db()
    assert world.task.status == Task.Status.CLOSED
    assert world.task.closed_at is not None
    # The roll-up is part of the verification: one event, carrying both changes.
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.last()
    assert (event.before["task_status"], event.after["task_status"]) == ("open", "closed")


def test_stale_expected_version_is_refused(world):
    seen = world.milestone.version
    request_completion(world, expected_version=seen)
    with pytest.raises(StaleVersion):
        milestone_verify(user=world.supervisor, milestone=world.milestone, expected_version=seen)
    with pytest.raises(StaleVersion):
        milestone_return(user=world.supervisor, milestone=world.milestone, reason="x", expected_version=seen)
    milestone_verify(user=world.supervisor, milestone=world.milestone, expected_version=seen + 1)


def test_supervisor_outside_scope_does_not_see_the_milestone(world):
    request_completion(world)
    outsider = f.UserFactory(username="outsider")
    grant = f.RoleGrantFactory(user=outsider, role=RoleGrant.Role.SUPERVISOR)
    SupervisionScope.objects.create(grant=grant, document=f.DocumentFactory())
    with pytest.raises(NotFound):
        milestone_verify(user=outsider, milestone=world.milestone)
    SupervisionScope.objects.create(grant=grant, document=world.document)
    assert milestone_verify(user=outsider, milestone=world.milestone).status == Milestone.Status.CLOSED


def test_area_milestone_is_closed_by_a_supervisor_directly(world):
    area = f.AreaFactory(document=world.document, number=1)
    area.area_units.create(unit=world.lead_unit)
    target = Milestone.objects.create(
        document=world.document, area=area, text="一季度确保增长15%", kind=Milestone.Kind.TARGET
    )
    with pytest.raises(Forbidden):
        milestone_request_completion(user=world.lead_head, milestone=target, evidence_ids=[1])
    with pytest.raises(NotFound):
        milestone_verify(user=world.other_clerk, milestone=target)
    with pytest.raises(InvalidState):
        milestone_request_completion(user=world.supervisor, milestone=target, evidence_ids=[1])
    closed = milestone_verify(user=world.supervisor, milestone=target, reason="一季度增长16.2%")
    assert closed.status == Milestone.Status.CLOSED
    assert events("milestone.verify")[0].task is None


def test_concurrent_verifications_of_one_milestone_let_only_one_win(require_postgres, transactional_db, world):
    request_completion(world)
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def verify():
        try:
            barrier.wait()
            outcomes.append(milestone_verify(user=world.supervisor, milestone=world.milestone))
        except (InvalidState, StaleVersion) as exc:
            outcomes.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=verify) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(isinstance(o, Milestone) for o in outcomes) == 1
    assert sum(isinstance(o, (InvalidState, StaleVersion)) for o in outcomes) == 1
    assert len(events("milestone.verify")) == 1
    assert CompletionRequest.objects.get().status == CompletionRequest.Status.VERIFIED
