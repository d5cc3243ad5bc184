"""The API's JSON parser: duban.lib.safejson's limits, answered as a 400 in the error shape."""

from __future__ import annotations

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from duban.lib import safejson
from policy_tasks.api.exceptions import RequestTooLarge


class SafeJSONParser(JSONParser):
    """Nesting over 32 levels and NUL characters are refused; so is a body over Django's
    DATA_UPLOAD_MAX_MEMORY_SIZE, which DRF's own parser reads past (it bypasses request.body)."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1 if limit is not None else -1) if stream is not None else b""
        if limit is not None and len(raw) > limit:
            raise RequestTooLarge(f"请求体过大（超过 {limit // 1024} KB）")
        try:
            return safejson.loads(raw)
        except safejson.UnsafeJSON as exc:
            raise ParseError(exc.message) from None
        except ValueError:
            raise ParseError("请求体不是有效的 JSON") from None
