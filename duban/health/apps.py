from __future__ import annotations

from django.apps import AppConfig


class HealthConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "duban.health"
    label = "health"
    verbose_name = "运行状态"
