from __future__ import annotations

from django.contrib import admin, messages

from notifications.models import Delivery, DeliveryAttempt, InboxMessage, NotificationPreference, ReminderRule
from notifications.selectors import deliveries_failed
from notifications.services.admin_actions import deliveries_retry


@admin.register(ReminderRule)
class ReminderRuleAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "subject_type",
        "anchor",
        "offset_workdays",
        "repeat_every_workdays",
        "units",
        "notify_clerks",
        "notify_heads",
        "notify_supervisors",
        "is_active",
    ]
    list_filter = ["subject_type", "is_active"]
    list_editable = ["is_active"]
    search_fields = ["name", "code"]


class AttemptInline(admin.TabularInline):
    model = DeliveryAttempt
    extra = 0
    can_delete = False
    readonly_fields = ["number", "started_at", "finished_at", "outcome", "error", "provider_message_id"]

    def has_add_permission(self, request, obj=None):
        return False


class FailedFilter(admin.SimpleListFilter):
    title = "需关注"
    parameter_name = "attention"

    def lookups(self, request, model_admin):
        return [("failed", "发送失败或结果未知")]

    def queryset(self, request, queryset):
        if self.value() == "failed":
            return queryset.filter(pk__in=deliveries_failed().values("pk"))
        return queryset


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """The ledger. Read-only: rows change only through the sender and the retry action."""

    list_display = [
        "id",
        "subject_type",
        "subject_id",
        "rule",
        "due_date",
        "recipient",
        "channel",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]
    list_filter = [FailedFilter, "status", "channel", "subject_type", "rule"]
    search_fields = ["recipient__username", "recipient__display_name", "provider_message_id"]
    date_hierarchy = "fire_date"
    inlines = [AttemptInline]
    actions = ["retry"]
    list_select_related = ["recipient", "rule"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="重新发送所选失败/结果未知的提醒(已人工核查)")
    def retry(self, request, queryset):
        count = deliveries_retry(user=request.user, ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(request, f"已重新排队 {count} 条提醒", messages.SUCCESS)


@admin.register(InboxMessage)
class InboxMessageAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "created_at", "read_at"]
    list_filter = ["read_at"]
    search_fields = ["title", "recipient__username"]
    readonly_fields = ["recipient", "delivery", "title", "body", "link", "created_at", "read_at"]

    def has_add_permission(self, request):
        return False


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", *NotificationPreference.channel_fields(), "quiet_start", "quiet_end", "daily_digest"]
    search_fields = ["user__username", "user__display_name"]
