"""Cursor pagination for lists that grow: stable under inserts, no COUNT(*)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from rest_framework import serializers
from rest_framework.pagination import CursorPagination


class InvalidCursor(serializers.ValidationError):
    def __init__(self):
        super().__init__({"cursor": ["分页游标无效，请使用上一页返回的 next/previous 链接"]})


class DubanCursorPagination(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering: tuple[str, ...] = ("id",)
    cursor_query_description = "分页游标：取自上一页返回的 next / previous"
    page_size_query_description = "每页条数（默认 50，最多 200）"

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except (ValueError, TypeError, OverflowError, DjangoValidationError, DataError):
            # A hand-made cursor whose position does not fit the ordering column.
            raise InvalidCursor() from None

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except Exception:
            raise InvalidCursor() from None

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri", "description": "下一页链接"},
                "previous": {"type": "string", "nullable": True, "format": "uri", "description": "上一页链接"},
                "results": schema,
            },
        }
