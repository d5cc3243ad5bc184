"""The JSON API (docs/api.md): Django REST framework, the OpenAPI schema, API tokens."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from duban.env import env_bool, env_int, env_str

# Typed as DRF reads it: a mapping of setting names to values of any kind.
REST_FRAMEWORK: dict[str, Any] = {
    # Token first: its WWW-Authenticate header is what keeps "not logged in" a 401, not a 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "policy_tasks.api.authentication.TokenOrBearerAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "policy_tasks.api.schema.DubanAutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "policy_tasks.api.pagination.DubanCursorPagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        # Nesting and NUL refused (policy_tasks/api/parsers.py).
        "policy_tasks.api.parsers.SafeJSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    "EXCEPTION_HANDLER": "policy_tasks.api.errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {"login": env_str("API_LOGIN_RATE") or "20/min"},
    # OPTIONS never builds a serializer.
    "DEFAULT_METADATA_CLASS": "policy_tasks.api.metadata.NameOnlyMetadata",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "督办 Duban API",
    "DESCRIPTION": '政策任务督查督办系统 API。错误统一为 {"error": {"code", "message", "fields"}}；见 docs/api.md。',
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "TaskStatusEnum": "policy_tasks.models.tasks.Task.Status",
        "MilestoneStatusEnum": "policy_tasks.models.tasks.Milestone.Status",
        "MilestoneKindEnum": "policy_tasks.models.tasks.Milestone.Kind",
        "CompletionStatusEnum": "policy_tasks.models.workflow.CompletionRequest.Status",
        "ExtensionStatusEnum": "policy_tasks.models.workflow.ExtensionRequest.Status",
        "UnitKindEnum": "accounts.models.Unit.Kind",
    },
    "PATH_CONVERTER_OVERRIDES": {"id": {"type": "integer", "minimum": 1, "maximum": 999999999999999999}},
    # The intranet has no internet: Swagger UI's files come from drf-spectacular-sidecar.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
# API tokens (django-rest-knox): stored as hashes, expiring, revocable (docs/decisions.md).
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=env_int("API_TOKEN_TTL_HOURS", 24 * 7)),
    "AUTH_HEADER_PREFIX": "Token",
    # API tokens per user (expired ones do not count); the next sign-in is refused with 403.
    "TOKEN_LIMIT_PER_USER": env_int("API_TOKEN_LIMIT_PER_USER", 10),
}
# The OpenAPI schema and Swagger UI are for signed-in users unless this opens them (policy_tasks/api/docs.py).
DUBAN_PUBLIC_API_DOCS = env_bool("DUBAN_PUBLIC_API_DOCS", False)
