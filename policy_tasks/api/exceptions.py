"""API exceptions that modules loaded by DRF's own settings raise (the parsers).

Apart from `errors`, which imports `rest_framework.views`: that import resolves
DEFAULT_PARSER_CLASSES, so a parser importing from `errors` would be a cycle whenever
`errors` is the first to load (as in a gunicorn worker, through duban.errors).
"""

from __future__ import annotations

from rest_framework import exceptions, status


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "请求体过大"
    default_code = "too_large"
