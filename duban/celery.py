from __future__ import annotations

import os

from celery import Celery

from duban.env import env_int
from duban.logs import celery_signals  # noqa: F401  (request id in task headers, worker log format)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duban.settings")

app = Celery("duban")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Export jobs live in a sub-package that the default discovery (<app>.tasks) does not see.
app.autodiscover_tasks(["policy_tasks.exports"])

# The one periodic schedule (django-celery-beat copies it into the database,
# where operators see and change it in the admin). Each entry says why it runs when it does.
app.conf.beat_schedule = {
    # Turn what is due into ledger rows. Every few minutes so a milestone created or
    # extended today is picked up the same morning; each tick after the first of the day
    # inserts nothing (the ledger's unique key) and costs a few index lookups.
    "notifications.scan_reminders": {
        "task": "notifications.scan_reminders",
        "schedule": env_int("NOTIFY_SCAN_EVERY_SECONDS", 300),
    },
    # Send what is due. The scan also wakes the sender after it inserts, so this tick is
    # the safety net: retries whose backoff ran out, SMS held by quiet hours, digests, and
    # any wake-up message lost with Redis. Every minute keeps a retry close to its time.
    "notifications.send_reminders": {
        "task": "notifications.send_reminders",
        "schedule": env_int("NOTIFY_SEND_EVERY_SECONDS", 60),
    },
    # Take back rows whose sender died holding a lease (worker killed). Cheap (a partial
    # index), and leases are minutes long, so every five minutes bounds the delay.
    "notifications.reconcile_deliveries": {
        "task": "notifications.reconcile_deliveries",
        "schedule": env_int("NOTIFY_RECONCILE_EVERY_SECONDS", 300),
    },
    # Transient failures past the fast attempts get one more try (notifications/services/retry.py).
    # Hours apart: an SMTP or SMS outage is over in hours, and a failing provider is not hammered.
    "notifications.retry_failed_deliveries": {
        "task": "notifications.retry_failed_deliveries",
        "schedule": env_int("NOTIFY_SLOW_RETRY_SECONDS", 3 * 3600),
    },
    # Drop finished export files after a week; daily is plenty for that.
    "exports.prune_export_jobs": {
        "task": "exports.prune_export_jobs",
        "schedule": 24 * 3600,
    },
    # Sign the audit chain's head into AUDIT_CHECKPOINT_DIR, outside the database. Hourly: a
    # chain cut short or rewritten is caught back to at most an hour before, and a year is
    # ~8,800 small files.
    "audit.write_checkpoint": {
        "task": "audit.write_checkpoint",
        "schedule": env_int("AUDIT_CHECKPOINT_EVERY_SECONDS", 3600),
    },
    # Raise a 督办单 whose reply date passed unanswered a level (policy_tasks/services/
    # urge_escalation.py). Reply dates are whole days: hourly finds each the morning after,
    # and a missed run costs an hour; a notice is escalated once however often this runs.
    "policy_tasks.escalate_overdue_urges": {
        "task": "policy_tasks.escalate_overdue_urges",
        "schedule": env_int("DUBAN_URGE_ESCALATE_EVERY_SECONDS", 3600),
    },
    # Make the next occurrences of hand-registered recurring obligations (每月10日前报送,
    # policy_tasks/services/recurring.py) as they come within 62 days. Hourly though dates are
    # whole days: a missed run costs an hour, and a run with nothing to add is one grouped query;
    # the task row lock and get_or_create on (task, recurrence, occurrence) make reruns add nothing.
    "policy_tasks.generate_recurring_milestones": {
        "task": "policy_tasks.generate_recurring_milestones",
        "schedule": env_int("DUBAN_RECURRING_EVERY_SECONDS", 3600),
    },
}
