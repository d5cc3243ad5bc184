from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "账号与单位"

    def ready(self) -> None:
        # Starts a session's idle and absolute clocks at every sign-in.
        from accounts import signin  # noqa: F401

        # The admin in Chinese: the third-party apps' and models' names (axes, knox, django-otp, beat).
        from duban.admin_labels import relabel

        relabel()
