"""What each API resource lets a user see, derived from permissions.visible_tasks.

A detail lookup goes through the same queryset as the list, so an object the
list would not show is a 404, never a 403 that reveals it exists.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.models import User
from policy_tasks.models import (
    Area,
    CompletionRequest,
    Evidence,
    ExtensionRequest,
    Milestone,
    PolicyDocument,
    ProgressReport,
    Task,
    UrgeNotice,
    UrgeRecipient,
)
from policy_tasks.permissions import visible_area_targets, visible_tasks


def task_ids(user: User) -> QuerySet:
    return visible_tasks(user, Task.objects.all()).values("pk")


def documents(user: User) -> QuerySet[PolicyDocument]:
    """Documents are published: every signed-in user reads them (docs/permissions.md)."""
    if not user.is_authenticated:
        return PolicyDocument.objects.none()
    return PolicyDocument.objects.all()


def areas(user: User) -> QuerySet[Area]:
    if not user.is_authenticated:
        return Area.objects.none()
    return Area.objects.all()


def milestones(user: User) -> QuerySet[Milestone]:
    if not user.is_authenticated:
        return Milestone.objects.none()
    return Milestone.objects.filter(Q(task__in=task_ids(user)) | visible_area_targets(user))


def reports(user: User) -> QuerySet[ProgressReport]:
    return ProgressReport.objects.filter(task__in=task_ids(user))


def evidence(user: User) -> QuerySet[Evidence]:
    return Evidence.objects.filter(task__in=task_ids(user))


def completion_requests(user: User) -> QuerySet[CompletionRequest]:
    return CompletionRequest.objects.filter(milestone__task__in=task_ids(user))


def extension_requests(user: User) -> QuerySet[ExtensionRequest]:
    return ExtensionRequest.objects.filter(milestone__task__in=task_ids(user))


def urges(user: User) -> QuerySet[UrgeNotice]:
    return UrgeNotice.objects.filter(task__in=task_ids(user))


def urge_recipients(user: User) -> QuerySet[UrgeRecipient]:
    return UrgeRecipient.objects.filter(notice__task__in=task_ids(user))
