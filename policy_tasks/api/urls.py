"""/api/v1/: resources are nouns, actions are POSTs on the object (never PATCHes of a status)."""

from __future__ import annotations

from django.urls import path, re_path, register_converter
from django.views.decorators.csrf import csrf_exempt

from duban.lib.error_body import json_error
from policy_tasks.api.views import (
    accounts,
    documents,
    evidence,
    exports,
    ledger,
    milestones,
    reports,
    requests,
    tasks,
    urges,
    versions,
)
from policy_tasks.api.views import task_actions as ta
from policy_tasks.api.views.figures import DocumentFiguresApi
from policy_tasks.api.views.tokens import LogoutAllApi, LogoutApi, TokenObtainApi


class IdConverter:
    """A bigint primary key; longer digit strings are a 404 here, not an overflow in the driver."""

    regex = "[1-9][0-9]{0,17}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")


@csrf_exempt  # an unknown path is a 404 whatever the method; CSRF would answer 403 in HTML first
def not_found(request, *args, **kwargs):
    return json_error(404, "not_found", "接口不存在，请对照 /api/schema/ 检查路径")


app_name = "api"
urlpatterns = [
    path("auth/token/", TokenObtainApi.as_view(), name="auth-token"),
    path("auth/logout/", LogoutApi.as_view(), name="auth-logout"),
    path("auth/logout-all/", LogoutAllApi.as_view(), name="auth-logout-all"),
    path("me/", accounts.MeApi.as_view(), name="me"),
    path("units/", accounts.UnitListApi.as_view(), name="unit-list"),
    path("units/<id:pk>/", accounts.UnitDetailApi.as_view(), name="unit-detail"),
    path("documents/", documents.DocumentListApi.as_view(), name="document-list"),
    path("documents/import/", documents.DocumentImportApi.as_view(), name="document-import"),
    path("documents/<id:pk>/", documents.DocumentDetailApi.as_view(), name="document-detail"),
    path("documents/<id:pk>/scoreboard/", documents.ScoreboardApi.as_view(), name="document-scoreboard"),
    path("documents/<id:pk>/figures/", DocumentFiguresApi.as_view(), name="document-figures"),
    # Every imported version's original file and extracted text (issue 12).
    path("documents/<id:pk>/versions/", versions.DocumentVersionListApi.as_view(), name="document-version-list"),
    path(
        "documents/<id:pk>/versions/<id:number>/source",
        versions.DocumentVersionSourceApi.as_view(),
        name="document-version-source",
    ),
    path(
        "documents/<id:pk>/versions/<id:number>/text",
        versions.DocumentVersionTextApi.as_view(),
        name="document-version-text",
    ),
    path("areas/", documents.AreaListApi.as_view(), name="area-list"),
    path("areas/<id:pk>/", documents.AreaDetailApi.as_view(), name="area-detail"),
    path("tasks/", tasks.TaskListApi.as_view(), name="task-list"),
    path("tasks/<id:pk>/", tasks.TaskDetailApi.as_view(), name="task-detail"),
    path("tasks/<id:pk>/audit/", tasks.TaskAuditApi.as_view(), name="task-audit"),
    path("tasks/<id:pk>/reports/", ta.TaskReportsApi.as_view(), name="task-reports"),
    path("tasks/<id:pk>/evidence/", ta.TaskEvidenceApi.as_view(), name="task-evidence"),
    path("tasks/<id:pk>/urge/", ta.TaskUrgeApi.as_view(), name="task-urge"),
    path("milestones/", milestones.MilestoneListApi.as_view(), name="milestone-list"),
    path("milestones/<id:pk>/", milestones.MilestoneDetailApi.as_view(), name="milestone-detail"),
    path("milestones/<id:pk>/audit/", milestones.MilestoneAuditApi.as_view(), name="milestone-audit"),
    path(
        "milestones/<id:pk>/request-completion/",
        milestones.RequestCompletionApi.as_view(),
        name="milestone-request-completion",
    ),
    path("milestones/<id:pk>/verify/", milestones.VerifyApi.as_view(), name="milestone-verify"),
    path("milestones/<id:pk>/return/", milestones.ReturnApi.as_view(), name="milestone-return"),
    path(
        "milestones/<id:pk>/request-extension/",
        milestones.RequestExtensionApi.as_view(),
        name="milestone-request-extension",
    ),
    path("completion-requests/", requests.CompletionListApi.as_view(), name="completion-list"),
    path("completion-requests/<id:pk>/", requests.CompletionDetailApi.as_view(), name="completion-detail"),
    path("extension-requests/", requests.ExtensionListApi.as_view(), name="extension-list"),
    path("extension-requests/<id:pk>/", requests.ExtensionDetailApi.as_view(), name="extension-detail"),
    path("extension-requests/<id:pk>/grant/", requests.ExtensionGrantApi.as_view(), name="extension-grant"),
    path("extension-requests/<id:pk>/refuse/", requests.ExtensionRefuseApi.as_view(), name="extension-refuse"),
    path("reports/", reports.ReportListApi.as_view(), name="report-list"),
    path("reports/<id:pk>/", reports.ReportDetailApi.as_view(), name="report-detail"),
    path("evidence/", evidence.EvidenceListApi.as_view(), name="evidence-list"),
    path("evidence/<id:pk>/", evidence.EvidenceDetailApi.as_view(), name="evidence-detail"),
    path("evidence/<id:pk>/download/", evidence.EvidenceDownloadApi.as_view(), name="evidence-download"),
    path("urges/", urges.UrgeListApi.as_view(), name="urge-list"),
    path("urges/<id:pk>/", urges.UrgeDetailApi.as_view(), name="urge-detail"),
    path("urge-recipients/<id:pk>/acknowledge/", urges.AcknowledgeApi.as_view(), name="urge-acknowledge"),
    path("urge-recipients/<id:pk>/reply/", urges.ReplyApi.as_view(), name="urge-reply"),
    path("ledger/overdue/", ledger.OverdueLedgerApi.as_view(), name="ledger-overdue"),
    # Exports (docs/exports.md): files at once, or as a background job; calendar subscriptions.
    # The pages link here, and the old /exports/ download URLs redirect here (docs/decisions.md).
    path("documents/<id:pk>/ledger.xlsx", exports.LedgerXlsxApi.as_view(), name="export-ledger-xlsx"),
    path("documents/<id:pk>/ledger.csv", exports.LedgerCsvApi.as_view(), name="export-ledger-csv"),
    path("documents/<id:pk>/bulletin.pdf", exports.BulletinPdfApi.as_view(), name="export-bulletin-pdf"),
    path("documents/<id:pk>/bulletin.docx", exports.BulletinDocxApi.as_view(), name="export-bulletin-docx"),
    path("documents/<id:pk>/bulletin.html", exports.BulletinHtmlApi.as_view(), name="export-bulletin-html"),
    path("urges/<id:pk>/notice.pdf", exports.UrgeNoticePdfApi.as_view(), name="export-urge-notice-pdf"),
    path("urges/<id:pk>/notice.docx", exports.UrgeNoticeDocxApi.as_view(), name="export-urge-notice-docx"),
    path("documents/<id:pk>/ledger-jobs/", exports.LedgerJobApi.as_view(), name="export-ledger-job"),
    path("documents/<id:pk>/bulletin-jobs/", exports.BulletinJobApi.as_view(), name="export-bulletin-job"),
    path("export-jobs/", exports.ExportJobListApi.as_view(), name="export-job-list"),
    path("export-jobs/<id:pk>/", exports.ExportJobDetailApi.as_view(), name="export-job"),
    path("export-jobs/<id:pk>/download/", exports.ExportJobDownloadApi.as_view(), name="export-job-download"),
    path("calendar-subscriptions/", exports.CalendarSubscriptionListApi.as_view(), name="calendar-subscription-list"),
    path(
        "calendar-subscriptions/<id:pk>/revoke/",
        exports.CalendarSubscriptionRevokeApi.as_view(),
        name="calendar-subscription-revoke",
    ),
    re_path(r"^.*$", not_found),
]
