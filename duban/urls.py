from __future__ import annotations

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from monitoring.views import metrics
from policy_tasks.api.docs import docs_view, schema_view

urlpatterns = [
    # One way in, with the second factor: the admin's own login form would skip it (docs/security.md).
    path("admin/login/", RedirectView.as_view(pattern_name="web:login", query_string=True)),
    path("admin/", admin.site.urls),
    # Prometheus scrape endpoint, restricted by DUBAN_METRICS_ALLOW / DUBAN_METRICS_TOKEN.
    path("metrics", metrics, name="metrics"),
    # The inbox (notifications sits above policy_tasks, so it serves its own endpoints), first:
    # policy_tasks' API ends with a pattern that answers any other path under api/v1/ with a 404.
    path("api/v1/", include("notifications.api")),
    path("api/v1/", include("policy_tasks.api.urls")),
    path("exports/", include("policy_tasks.exports.urls")),
    # For signed-in users unless DUBAN_PUBLIC_API_DOCS (docs/security.md).
    path("api/schema/", schema_view, name="api-schema"),
    path("api/docs/", docs_view, name="api-docs"),
    path("notifications/", include("notifications.web")),
    # The pages people use (工作台, task pages, supervision console, dashboard, import).
    path("", include("policy_tasks.web.urls")),
]

# Errors outside any view (unknown paths, unhandled exceptions): JSON under /api/, pages elsewhere.
handler400 = "duban.errors.bad_request"
handler403 = "duban.errors.permission_denied"
handler404 = "duban.errors.page_not_found"
handler500 = "duban.errors.server_error"
