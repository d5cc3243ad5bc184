from __future__ import annotations

from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "监控"

    def ready(self) -> None:
        from monitoring import signals  # noqa: F401  (connects the login counters)
