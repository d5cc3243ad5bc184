"""Tasks: list and detail (with units, milestones, light and latest progress), their audit trail."""

from __future__ import annotations

from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from duban.lib import clock
from policy_tasks.api import rows
from policy_tasks.api.etag import with_etag
from policy_tasks.api.filters import TaskFilter
from policy_tasks.api.serializers.tasks import TaskDetailSerializer, TaskListSerializer
from policy_tasks.api.serializers.workflow import AuditEventSerializer
from policy_tasks.api.views.common import (
    ScopedDetailApi,
    ScopedListApi,
    attach_units,
    light_milestones,
    light_tasks,
)
from policy_tasks.models import AuditEvent, ProgressReport
from policy_tasks.permissions import require, visible_tasks
from policy_tasks.selectors.reports import latest_report


def tasks_queryset(user):
    newest = ProgressReport.objects.filter(task=OuterRef("pk"), is_lead=True).order_by(
        "-period__starts_on", "-submitted_at", "-id"
    )
    return visible_tasks(user).annotate(
        latest_percent=Subquery(newest.values("percent")[:1]),
        latest_report_at=Subquery(newest.values("submitted_at")[:1]),
    )


@extend_schema_view(get=extend_schema(tags=["tasks"], summary="任务列表（可见范围内）"))
class TaskListApi(ScopedListApi):
    permission_action = "task.view"
    serializer_class = TaskListSerializer
    filterset_class = TaskFilter
    ordering_fields = ["id", "number", "title", "updated_at"]

    def get_queryset(self):
        return visible_tasks(self.request.user)

    def list(self, request, *args, **kwargs):
        # Plain rows, not models and nested serializers: see policy_tasks.api.rows.
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()).values(*rows.TASK_VALUES))
        return self.get_paginated_response(rows.task_rows(page, on=clock.today()))


@extend_schema_view(get=extend_schema(tags=["tasks"], summary="任务详情（响应头 ETag 为当前版本）"))
class TaskDetailApi(ScopedDetailApi):
    permission_action = "task.view"
    serializer_class = TaskDetailSerializer

    def get_queryset(self):
        return tasks_queryset(self.request.user)

    def retrieve(self, request, *args, **kwargs):
        task = light_tasks(attach_units([self.get_object()]))[0]
        task.milestone_list = light_milestones(task.milestones.order_by("position"))
        task.latest_report = latest_report(task=task)
        return with_etag(Response(self.get_serializer(task).data), task.version)


class ObjectAuditApi(ScopedListApi):
    """An object's audit trail, oldest first; readable by supervisors in scope, leaders and admins."""

    permission_action = "audit.read"

    serializer_class = AuditEventSerializer
    filter_backends: list = []

    def audited(self):
        """(the task the permission is checked on, the events)"""
        raise NotImplementedError

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AuditEvent.objects.none()
        task, events = self.audited()
        require(self.request.user, "audit.read", task)
        return events.select_related("actor", "actor_unit")


@extend_schema_view(get=extend_schema(tags=["audit"], summary="任务的审计记录（含其节点、填报、材料、催办）"))
class TaskAuditApi(ObjectAuditApi):
    def audited(self):
        task = get_object_or_404(visible_tasks(self.request.user), pk=self.kwargs["pk"])
        return task, AuditEvent.objects.filter(task=task)
