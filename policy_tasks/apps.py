from __future__ import annotations

from django.apps import AppConfig


class PolicyTasksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "policy_tasks"
    verbose_name = "政策任务"

    def ready(self) -> None:
        # Registers the production refusals of `check --deploy`.
        # Failed sign-ins and lockouts on the audit chain.
        from policy_tasks import (
            checks,  # noqa: F401
            signals,  # noqa: F401
        )
