"""Admin views of policy data are read-only: every change goes through a service so
that it is permission-checked and lands on the audit trail (import documents with
`import_policy` or the import page, act on tasks through the workflow)."""

from __future__ import annotations

from django.contrib import admin

from policy_tasks import models as m
from policy_tasks.models.audit_actions import audit_label
from policy_tasks.selectors.scoring_formula import scoring_formula
from policy_tasks.services.audit import RequestMeta, actor_for
from policy_tasks.services.calendar import calendar_day_delete, calendar_day_save
from policy_tasks.services.scoring import SCORING_FIELDS, document_scoring_update


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class TaskUnitInline(ReadOnlyInline):
    model = m.TaskUnit
    fields = ["unit", "role", "position"]


class MilestoneInline(ReadOnlyInline):
    model = m.Milestone
    fk_name = "task"
    fields = ["text", "kind", "due_date", "original_due_date", "target_value", "target_unit", "status"]


@admin.register(m.PolicyDocument)
class PolicyDocumentAdmin(ReadOnlyAdmin):
    """Read-only but for the scoring weights (考核计分), which the office sets per document: each
    save goes through the service, so the change is on the audit trail with its old values."""

    list_display = ["doc_number", "title", "issued_on", "year", "report_cycle"]
    search_fields = ["doc_number", "title"]
    fieldsets = [
        (None, {"fields": [
            "kind", "title", "doc_number", "issued_on", "year", "default_due", "sha256", "report_cycle",
            "report_grace_workdays", "yellow_workdays", "behind_schedule_points", "version",
        ]}),
        ("考核计分", {"fields": [*SCORING_FIELDS, "formula"]}),
    ]  # fmt: skip

    def has_change_permission(self, request, obj=None):
        return admin.ModelAdmin.has_change_permission(self, request, obj)

    def get_readonly_fields(self, request, obj=None):
        shown = [name for _, options in self.fieldsets for name in options["fields"]]
        return [name for name in shown if name not in SCORING_FIELDS]

    @admin.display(description="计分办法")
    def formula(self, obj):
        return scoring_formula(obj) if obj is not None and obj.pk else ""

    def save_model(self, request, obj, form, change):
        actor = actor_for(request.user, role="admin", meta=RequestMeta.from_request(request))
        weights = {name: form.cleaned_data[name] for name in SCORING_FIELDS if name in form.cleaned_data}
        document_scoring_update(actor=actor, document=obj, weights=weights)


@admin.register(m.DocumentVersion)
class DocumentVersionAdmin(ReadOnlyAdmin):
    list_display = ["document", "number", "filename", "source_kind", "size", "imported_by", "created_at"]
    list_filter = ["source_kind"]
    # The bytes are downloaded through the API (/api/v1/documents/{id}/versions/{n}/source).
    exclude = ["source"]


@admin.register(m.Area)
class AreaAdmin(ReadOnlyAdmin):
    list_display = ["number", "title", "document"]
    list_filter = ["document"]


@admin.register(m.Task)
class TaskAdmin(ReadOnlyAdmin):
    list_display = ["number", "title", "area", "status", "document"]
    list_filter = ["document", "status", "area"]
    search_fields = ["title", "text"]
    inlines = [TaskUnitInline, MilestoneInline]


@admin.register(m.Milestone)
class MilestoneAdmin(ReadOnlyAdmin):
    list_display = ["text", "task", "kind", "due_date", "status", "delay_count"]
    list_filter = ["document", "kind", "status"]
    search_fields = ["text"]
    date_hierarchy = "due_date"


@admin.register(m.ProgressReport)
class ProgressReportAdmin(ReadOnlyAdmin):
    list_display = ["task", "unit", "period", "percent", "submitted_at", "author"]
    list_filter = ["is_lead"]


@admin.register(m.CompletionRequest)
class CompletionRequestAdmin(ReadOnlyAdmin):
    list_display = ["milestone", "unit", "status", "requested_at", "decided_at"]
    list_filter = ["status"]


@admin.register(m.ExtensionRequest)
class ExtensionRequestAdmin(ReadOnlyAdmin):
    list_display = ["milestone", "unit", "current_due_date", "proposed_date", "status"]
    list_filter = ["status"]


@admin.register(m.UrgeNotice)
class UrgeNoticeAdmin(ReadOnlyAdmin):
    list_display = ["task", "level", "reply_due", "issued_by", "issued_at"]
    list_filter = ["level"]


class AuditActionFilter(admin.SimpleListFilter):
    """The actions on the chain by their Chinese names, not their codes (report.file)."""

    title = "操作"
    parameter_name = "action"

    def lookups(self, request, model_admin):
        used = model_admin.get_queryset(request).order_by().values_list("action", flat=True).distinct()
        return sorted(((a, audit_label(a)) for a in used), key=lambda pair: pair[1])

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(m.AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["id", "created_at", "actor", "actor_unit", "action_label", "object_type", "object_id"]
    list_filter = [AuditActionFilter, "object_type"]
    search_fields = ["object_id", "request_id"]
    # The detail keeps the code beside the name: logs and `verify_audit` speak in codes.
    fields = [
        "created_at",
        "actor",
        "actor_unit",
        "actor_role",
        "action_with_code",
        "object_type",
        "object_id",
        "document",
        "task",
        "before",
        "after",
        "reason",
        "ip",
        "request_id",
        "prev_hash",
        "hash",
        "algorithm",
    ]
    readonly_fields = ["action_with_code"]

    @admin.display(description="操作", ordering="action")
    def action_label(self, obj):
        return audit_label(obj.action)

    @admin.display(description="操作")
    def action_with_code(self, obj):
        label = audit_label(obj.action)
        return f"{label}（{obj.action}）" if label != obj.action else label


@admin.register(m.CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    """The one policy table the admin edits: each save and delete goes through the service,
    so it lands on the audit trail and every process reloads the calendar."""

    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]
    search_fields = ["name"]
    date_hierarchy = "date"

    def _actor(self, request):
        return actor_for(request.user, role="admin", meta=RequestMeta.from_request(request))

    def save_model(self, request, obj, form, change):
        before = None
        if change:
            before = {name: form.initial.get(name) for name in ("date", "kind", "name")}
        calendar_day_save(actor=self._actor(request), entry=obj, before=before)

    def delete_model(self, request, obj):
        calendar_day_delete(actor=self._actor(request), entries=[obj])

    def delete_queryset(self, request, queryset):
        calendar_day_delete(actor=self._actor(request), entries=list(queryset))


# Accounts' admin pages, audited (issue 14): role grants, memberships, user flags, second-factor resets.
from policy_tasks import admin_accounts  # noqa: E402, F401
