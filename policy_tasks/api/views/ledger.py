"""The overdue ledger (逾期台账): task milestones past due and not closed, as of a date."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from accounts import roles
from duban.lib import clock
from policy_tasks.api.pagination import DubanCursorPagination
from policy_tasks.api.serializers.inputs import IdField
from policy_tasks.api.serializers.tasks import LedgerEntrySerializer
from policy_tasks.api.views.common import ScopedListApi, attach_units
from policy_tasks.errors import Forbidden
from policy_tasks.models import Milestone, PolicyDocument
from policy_tasks.permissions import can
from policy_tasks.selectors.tasks import milestones_overdue


class LedgerQuerySerializer(serializers.Serializer):
    on = serializers.DateField(required=False, help_text="截至日期（缺省为今天）")
    unit = IdField(required=False, help_text="责任单位 ID（牵头或配合）")
    document = IdField(required=False, help_text="文件 ID")


class LedgerPagination(DubanCursorPagination):
    ordering = ("due_date", "id")


@extend_schema_view(
    get=extend_schema(tags=["ledger"], summary="逾期台账（按完成时限排序）", parameters=[LedgerQuerySerializer])
)
class OverdueLedgerApi(ScopedListApi):
    permission_action = "scoreboard.read"
    serializer_class = LedgerEntrySerializer
    pagination_class = LedgerPagination
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Milestone.objects.none()
        query = self.validated(LedgerQuerySerializer, self.request.query_params)
        self.on = query.get("on") or clock.today()
        user = self.request.user
        document = PolicyDocument.objects.filter(pk=query["document"]).first() if "document" in query else None
        # The ledger is a supervision read (scoreboard.read); its rows are still scoped to what the user sees.
        if not (can(user, "scoreboard.read", document) or (document is None and roles.is_supervisor(user))):
            raise Forbidden("无权查看逾期台账")
        return milestones_overdue(
            on=self.on, document=query.get("document"), unit=query.get("unit"), user=self.request.user
        )

    def list(self, request, *args, **kwargs):
        # The selector prefetches task units as models; plain rows are cheaper for a page.
        # Nor does a row need the document's or the clause's full text.
        rows = self.get_queryset().prefetch_related(None).select_related(None).select_related("task")
        page = self.paginate_queryset(rows.defer("task__text", "task__leaders"))
        attach_units([milestone.task for milestone in page])
        for milestone in page:
            milestone.days_overdue = (self.on - milestone.due_date).days
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
