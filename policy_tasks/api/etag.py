"""Versions as ETags: `ETag: "<version>"` out, `If-Match` in (412 stale, 428 missing)."""

from __future__ import annotations

import re

from drf_spectacular.utils import OpenApiParameter
from rest_framework.response import Response

from policy_tasks.api.errors import PreconditionFailed, PreconditionRequired

_TAG = re.compile(r'^\s*(?:W/)?"?(\d{1,9})"?\s*$')

IF_MATCH = OpenApiParameter(
    name="If-Match",
    location=OpenApiParameter.HEADER,
    required=False,
    type=str,
    description='对象当前的 ETag（如 "3"），取自详情接口的响应头；版本已过时返回 412，必需而缺失返回 428',
)


def etag(version: int) -> str:
    return f'"{version}"'


def with_etag(response: Response, version: int) -> Response:
    response["ETag"] = etag(version)
    return response


def if_match_version(request, *, required: bool) -> int | None:
    """The version the client based its change on; None when it sent `*` or nothing optional."""
    raw = request.META.get("HTTP_IF_MATCH")
    if raw is None or not raw.strip():
        if required:
            raise PreconditionRequired()
        return None
    first = raw.split(",")[0].strip()
    if first == "*":
        return None
    match = _TAG.match(first)
    if not match:
        # A tag we never issued cannot match the current version.
        raise PreconditionFailed()
    return int(match.group(1))
