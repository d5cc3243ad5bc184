from __future__ import annotations

from django.contrib import admin

from duban.health.models import BeatHeartbeat


@admin.register(BeatHeartbeat)
class BeatHeartbeatAdmin(admin.ModelAdmin):
    """Read-only: which beat holds the lease and when it last wrote."""

    list_display = ("beat_at", "holder")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
