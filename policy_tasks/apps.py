from __future__ import annotations

from django.apps import AppConfig


class PolicyTasksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "policy_tasks"
    verbose_name = "政策任务"

    def ready(self) -> None:
        # `checks` and `checks_database` register the production refusals and warnings of
        # `check --deploy`; `signals` puts failed sign-ins and lockouts on the audit chain;
        # `lead_report_signals` keeps each task's newest lead report (models.LeadReport).
        from duban.lib import workdays
        from duban.lib.pg_timestamps import use_c_timestamps
        from duban.lib.sql import use_fast_json
        from policy_tasks import checks, checks_database, lead_report_signals, signals  # noqa: F401
        from policy_tasks.services.calendar import calendar_load, calendar_version

        # The pages' raw statements aggregate rows as json: psycopg reads it with orjson.
        use_fast_json()
        # Timestamps are read by psycopg's C loader, not Django's Python one (ten times slower).
        use_c_timestamps()

        # The working-day calendar reads the office's holiday table (节假日与调休) first.
        workdays.use_source(calendar_load, calendar_version)

        # The source reader (plain Python) asks the settings for its archive limits on every upload.
        from policy_tasks.parsing.sources.archive_limits import use_limits
        from policy_tasks.services.uploads import archive_limits

        use_limits(archive_limits)

        # Accounts, roles, scopes and schedules on the audit chain however they change (issue 14).
        from django.contrib.auth.models import Group
        from django_celery_beat.models import PeriodicTask

        from accounts.models import Membership, RoleGrant, Unit, UnitAlias, User
        from policy_tasks.audit_signals import watch
        from policy_tasks.models import SupervisionScope

        watch(User, "account.user")
        watch(RoleGrant, "account.role_grant")
        watch(Membership, "account.membership")
        watch(Unit, "account.unit")
        watch(UnitAlias, "account.unit_alias")
        watch(Group, "account.group")
        watch(SupervisionScope, "account.supervision_scope")
        # beat saves its run counters itself; only what a person edits is a change of settings.
        watch(PeriodicTask, "settings.periodic_task", ignore=("last_run_at", "total_run_count", "date_changed"))
