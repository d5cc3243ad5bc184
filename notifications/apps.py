from __future__ import annotations

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notifications"
    verbose_name = "提醒与通知"

    def ready(self) -> None:
        # Reminder rules and preferences on the audit chain however they change (issue 14).
        from notifications import checks  # noqa: F401 (registers duban.E007-E008: channels)
        from notifications.models import NotificationPreference, ReminderRule
        from notifications.services.decisions import on_decision_made
        from policy_tasks.audit_signals import watch
        from policy_tasks.decision_signals import decision_made

        watch(ReminderRule, "settings.reminder_rule")
        watch(NotificationPreference, "settings.notification_preference")
        # Decisions on a unit's work reach its clerks and head (issue 15).
        decision_made.connect(on_decision_made, dispatch_uid="notifications.decision_notices")
