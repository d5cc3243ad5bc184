"""Mounted at /exports/ by duban/urls.py."""

from __future__ import annotations

from django.urls import path

from policy_tasks.exports import views

app_name = "exports"

urlpatterns = [
    # ?document=<number or id>&as_of=YYYY-MM-DD&unit=<id or name>&light=red,yellow&due_from=&due_to=
    path("ledger.<str:fmt>", views.ledger_download, name="ledger"),
    # ?document=<number or id>&period=YYYY-MM[&download=1]
    path("bulletin.<str:fmt>", views.bulletin_download, name="bulletin"),
    # The printable 督办单 of one urge notice: .pdf or .docx
    path("urges/<int:pk>.<str:fmt>", views.urge_notice_download, name="urge-notice"),
    path("jobs/", views.jobs, name="jobs"),
    path("jobs/<int:pk>/", views.job_status, name="job"),
    path("jobs/<int:pk>/download", views.job_download, name="job-download"),
    path("calendar/tokens/", views.calendar_tokens, name="calendar-tokens"),
    path("calendar/tokens/<int:pk>/revoke", views.calendar_token_revoke_view, name="calendar-token-revoke"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar-feed"),
]
