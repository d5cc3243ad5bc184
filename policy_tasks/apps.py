from __future__ import annotations

from django.apps import AppConfig


class PolicyTasksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "policy_tasks"
    verbose_name = "政策任务"

    def ready(self) -> None:
        # `checks` registers the production refusals of `check --deploy`; `signals` puts failed
        # sign-ins and lockouts on the audit chain.
        from duban.lib import workdays
        from policy_tasks import checks, signals  # noqa: F401
        from policy_tasks.services.calendar import calendar_load, calendar_version

        # The working-day calendar reads the office's holiday table (节假日与调休) first.
        workdays.use_source(calendar_load, calendar_version)
