"""The overdue ledger (逾期台账): task milestones past due and not closed, as of a date."""

from __future__ import annotations

from datetime import date
from functools import partial

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.response import Response

from duban.lib import clock
from policy_tasks.api import keyset, rows
from policy_tasks.api.pagination import DubanCursorPagination
from policy_tasks.api.serializers.inputs import IdField
from policy_tasks.api.serializers.tasks import LedgerEntrySerializer
from policy_tasks.api.views.common import ScopedListApi
from policy_tasks.date_fields import WindowDateField
from policy_tasks.errors import Forbidden
from policy_tasks.models import Milestone, PolicyDocument
from policy_tasks.permissions import can
from policy_tasks.selectors import ledger_list_rows
from policy_tasks.selectors.ledger_list_rows import overdue_page


class OverdueLedgerQuerySerializer(serializers.Serializer):
    on = WindowDateField(required=False, help_text="截至日期（缺省为今天）")
    unit = IdField(required=False, help_text="责任单位 ID（牵头或配合）")
    document = IdField(required=False, help_text="文件 ID")


class LedgerPagination(DubanCursorPagination):
    """Declares `cursor`, `page_size` and the page's shape in the schema; pages are cut by
    policy_tasks.api.keyset (see OverdueLedgerApi.list)."""

    ordering = ("due_date", "id")


@extend_schema_view(
    get=extend_schema(tags=["ledger"], summary="逾期台账（按完成时限排序）", parameters=[OverdueLedgerQuerySerializer])
)
class OverdueLedgerApi(ScopedListApi):
    permission_action = "scoreboard.read"
    serializer_class = LedgerEntrySerializer
    pagination_class = LedgerPagination
    filter_backends: list = []

    def get_queryset(self):
        # For the schema only: the rows are read by selectors.ledger_list_rows (see list).
        return Milestone.objects.none()

    def list(self, request, *args, **kwargs):
        query = self.validated(OverdueLedgerQuerySerializer, request.query_params)
        on = query.get("on") or clock.today()
        user = request.user
        document = PolicyDocument.objects.filter(pk=query["document"]).first() if "document" in query else None
        # A supervision read; without a document any supervisor may ask, the rows scoped to what they see.
        if not can(user, "scoreboard.read", document):
            raise Forbidden("无权查看逾期台账")

        fetch = partial(overdue_page, on=on, user=user, document_id=query.get("document"), unit_id=query.get("unit"))
        page = keyset.paginate(request, fetch, key_of=_key, parse_key=_parse_key)
        entries = rows.ledger_entries(
            [dict(zip(ledger_list_rows.COLUMNS, row, strict=True)) for row in page.rows], on=on
        )
        return Response({"next": page.next, "previous": page.previous, "results": entries})


_DUE = ledger_list_rows.COLUMNS.index("due_date")


def _key(row: tuple) -> tuple:
    return (row[_DUE].isoformat(), row[0])


def _parse_key(key: list) -> tuple:
    due, pk = key
    if not isinstance(due, str):
        raise ValueError(key)
    return (date.fromisoformat(due), keyset.id_from_cursor(pk))
