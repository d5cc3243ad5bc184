"""Admin views of policy data are read-only: every change goes through a service so
that it is permission-checked and lands on the audit trail (import documents with
`import_policy` or the import page, act on tasks through the workflow)."""

from __future__ import annotations

from django.contrib import admin, messages
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from policy_tasks import models as m
from policy_tasks.errors import Forbidden
from policy_tasks.services.audit import RequestMeta, actor_for
from policy_tasks.services.signin import second_factor_reset


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
    list_display = ["doc_number", "title", "issued_on", "year", "report_cycle"]
    search_fields = ["doc_number", "title"]
    exclude = ["source_text"]


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


@admin.register(m.AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["id", "created_at", "actor", "actor_unit", "action", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_id", "request_id"]


# --- Accounts' second factor (issue 14): changed only through audited services ---
# django-otp's own device admins would show TOTP secrets and delete devices off the chain.
for _device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device_model):
        admin.site.unregister(_device_model)


@admin.action(description="重置所选用户的双因素认证（须重新设置）")
def reset_second_factor(modeladmin, request, queryset):
    actor = actor_for(request.user, meta=RequestMeta.from_request(request))
    try:
        for user in queryset:
            second_factor_reset(user=user, actor=actor, reason="管理后台重置")
    except Forbidden as exc:
        modeladmin.message_user(request, exc.message, level=messages.ERROR)
        return
    modeladmin.message_user(request, f"已重置 {queryset.count()} 个用户的双因素认证，已记入审计链。")


_user_admin = admin.site.get_model_admin(User)
_user_admin.actions = [*(_user_admin.actions or []), reset_second_factor]
