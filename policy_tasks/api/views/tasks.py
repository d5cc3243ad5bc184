"""Tasks: list and detail (with units, milestones, light and latest progress), their audit trail."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

from django.db.models import OuterRef, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from accounts.models import User
from duban.lib import clock
from duban.lib.sql import SQLParam
from policy_tasks.api import keyset, rows
from policy_tasks.api.etag import with_etag
from policy_tasks.api.filters import FilterBackend, TaskFilter, TieBreakOrdering
from policy_tasks.api.serializers.tasks import TaskDetailSerializer, TaskListSerializer
from policy_tasks.api.serializers.workflow import AuditEventSerializer
from policy_tasks.api.views.common import (
    ScopedDetailApi,
    ScopedListApi,
    attach_units,
    light_milestones,
    light_tasks,
)
from policy_tasks.models import AuditEvent, LeadReport, Task
from policy_tasks.permissions import require, visible_tasks, visible_tasks_sql
from policy_tasks.selectors.reports import latest_report
from policy_tasks.selectors.task_list_rows import COLUMNS, task_list_rows


def tasks_queryset(user: User) -> QuerySet[Task]:
    newest = LeadReport.objects.filter(task=OuterRef("pk"))
    return visible_tasks(user).annotate(
        latest_percent=Subquery(newest.values("percent")),
        latest_report_at=Subquery(newest.values("report__submitted_at")),
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
        # One statement for the page (selectors.task_list_rows), paged by key (api.keyset), rows
        # built plainly (api.rows): docs/performance.md, "API". The filters and the visibility
        # rule still decide which tasks, as the queryset the statement is confined to; with no
        # filter asked for, the rule comes written as SQL (compiling its EXISTS cost more than
        # the page's statement), where a filter is a queryset built over the visible tasks.
        first = TieBreakOrdering().get_ordering(request, Task.objects.all(), self)[0]
        order, descending = first.lstrip("-"), first.startswith("-")
        written: tuple[str, list[SQLParam]] | None
        if self.filterset_class.base_filters.keys() & request.query_params.keys():
            within, written = FilterBackend().filter_queryset(request, self.get_queryset(), self), ("", [])
        else:
            within, written = Task.objects.all(), visible_tasks_sql(request.user)

        today = clock.today()
        fetch = partial(task_list_rows, within=within, visible=written, order=order, descending=descending, on=today)
        at = COLUMNS.index(order) if order in COLUMNS else len(COLUMNS)  # read after COLUMNS
        page = keyset.paginate(
            request, fetch, key_of=lambda row: (_json(row[at]), row[0]), parse_key=partial(_parse_key, order)
        )
        results = rows.task_rows([dict(zip(COLUMNS, row[: len(COLUMNS)], strict=True)) for row in page.rows], on=today)
        return Response({"next": page.next, "previous": page.previous, "results": results})


def _json(value):
    return value.isoformat() if isinstance(value, datetime) else value


def _parse_key(order: str, key: list) -> tuple:
    value, pk = key
    pk = keyset.id_from_cursor(pk)
    if order in ("id", "number"):
        if type(value) is not int or not 0 <= value < 2**63:
            raise ValueError(key)
        return (value, pk)
    if not isinstance(value, str):
        raise ValueError(key)
    if order == "updated_at":
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError(key)
        return (parsed.astimezone(UTC), pk)  # OverflowError at the ends of time: a bad cursor too
    return (value, pk)


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
