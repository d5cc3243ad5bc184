"""Mounted at /exports/ by duban/urls.py: the calendar feed, and where the old export URLs went."""

from __future__ import annotations

from django.urls import path, re_path

from policy_tasks.exports import views

app_name = "exports"

urlpatterns = [
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar-feed"),
    # Moved to /api/v1 (docs/decisions.md, "One export API"): a 301 to the same file there.
    path("ledger.<str:fmt>", views.ledger_moved, name="ledger"),
    path("bulletin.<str:fmt>", views.bulletin_moved, name="bulletin"),
    path("urges/<int:pk>.<str:fmt>", views.urge_notice_moved, name="urge-notice"),
    path("jobs/<int:pk>/download", views.job_download_moved, name="job-download"),
    # The old JSON endpoints: 410, naming their /api/v1 replacement.
    re_path(r"^jobs/", views.gone, {"what": "jobs"}),
    re_path(r"^calendar/tokens/", views.gone, {"what": "calendar/tokens"}),
]
