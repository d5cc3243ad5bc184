from __future__ import annotations

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("policy_tasks.api.urls")),
    path("exports/", include("policy_tasks.exports.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    # The pages people use (工作台, task pages, supervision console, dashboard, import).
    path("", include("policy_tasks.web.urls")),
]
