from __future__ import annotations

from django.urls import path

from policy_tasks.web import (
    auth,
    dashboard,
    decomposition,
    dingtalk_signin,
    documents,
    exports,
    imports,
    signin,
    supervision,
    task_page,
    task_sources,
    workbench,
)

app_name = "web"

urlpatterns = [
    path("", auth.home, name="home"),
    path("login/", auth.DubanLoginView.as_view(), name="login"),
    # The steps after the password (second factor, enrolment, expired password), and the
    # signed-in user's own second factor and password.
    path("login/verify/", signin.verify, name="login-verify"),
    path("login/enrol/", signin.enrol, name="login-enrol"),
    path("account/password/", signin.password, name="password"),
    # Sign-in with DingTalk (docs/dingtalk-signin.md): scan on the login page, 免登 in the workbench.
    path("login/dingtalk/", dingtalk_signin.scan_start, name="login-dingtalk"),
    path("login/dingtalk/callback/", dingtalk_signin.scan_callback, name="login-dingtalk-callback"),
    path("login/dingtalk/workbench/", dingtalk_signin.workbench, name="login-dingtalk-workbench"),
    path("logout/", auth.DubanLogoutView.as_view(), name="logout"),
    path("workbench/", workbench.workbench, name="workbench"),
    path("documents/<int:document_id>/", documents.document_detail, name="document"),
    path("tasks/<int:task_id>/", task_page.task_detail, name="task"),
    path("tasks/<int:task_id>/report/", task_page.report, name="task-report"),
    path("tasks/<int:task_id>/evidence/", task_page.upload_evidence, name="task-evidence"),
    path("tasks/<int:task_id>/decompose/", decomposition.decompose, name="task-decompose"),
    path("milestones/", supervision.milestone_list, name="milestones"),
    path("milestones/<int:milestone_id>/complete/", task_page.request_completion, name="milestone-complete"),
    path("milestones/<int:milestone_id>/extend/", task_page.request_extension, name="milestone-extend"),
    path("milestones/<int:milestone_id>/urge/", supervision.urge, name="milestone-urge"),
    path("urges/<int:recipient_id>/reply/", task_page.reply_urge, name="urge-reply"),
    path("urges/<int:recipient_id>/acknowledge/", task_page.acknowledge_urge, name="urge-ack"),
    path("evidence/<int:evidence_id>/", task_page.download_evidence, name="evidence"),
    path("supervision/", supervision.console, name="supervision"),
    path("supervision/completions/<int:request_id>/", supervision.decide_completion, name="decide-completion"),
    path("supervision/extensions/<int:request_id>/", supervision.decide_extension, name="decide-extension"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("import/", imports.upload, name="import"),
    path("import/confirm/", imports.confirm, name="import-confirm"),
    # Tasks from instructions, meetings, proposals and assignments (issue 16).
    path("sources/", task_sources.source_list, name="sources"),
    path("sources/new/", task_sources.source_create, name="source-new"),
    path("sources/import/confirm/", task_sources.list_confirm, name="source-import-confirm"),
    path("export/", exports.exports_page, name="export"),
    path("export/start/", exports.export_start, name="export-start"),
    path("export/jobs/<int:job_id>/", exports.export_job, name="export-job"),
    path("export/calendar/", exports.calendar_create, name="calendar-create"),
    path("export/calendar/<int:token_id>/revoke/", exports.calendar_revoke, name="calendar-revoke"),
]
