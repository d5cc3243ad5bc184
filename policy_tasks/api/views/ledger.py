"""The overdue ledger (逾期台账): task milestones past due and not closed, as of a date."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from accounts import roles
from duban.lib import clock
from policy_tasks.api import rows
from policy_tasks.api.pagination import DubanCursorPagination
from policy_tasks.api.serializers.inputs import IdField
from policy_tasks.api.serializers.tasks import LedgerEntrySerializer
from policy_tasks.api.views.common import ScopedListApi
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
        # Plain rows (policy_tasks.api.rows): the selector's prefetches of documents and units
        # are for model pages; a row needs neither the document's nor the clause's text.
        queryset = self.get_queryset().prefetch_related(None).values(*rows.LEDGER_VALUES)
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(rows.ledger_rows(page, on=self.on))
