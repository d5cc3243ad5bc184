"""The beat's heartbeat: written by the beat holding the lease, read by /readyz."""

from __future__ import annotations

from datetime import datetime

from duban.health.models import BeatHeartbeat
from duban.lib import clock

ROW = 1


def heartbeat_write(*, holder: str, at: datetime | None = None) -> None:
    BeatHeartbeat.objects.update_or_create(pk=ROW, defaults={"beat_at": at or clock.now(), "holder": holder[:200]})


def heartbeat_age_seconds(*, now: datetime | None = None) -> float | None:
    """Seconds since the last heartbeat; None when no beat has ever written one."""
    beat_at = BeatHeartbeat.objects.filter(pk=ROW).values_list("beat_at", flat=True).first()
    if beat_at is None:
        return None
    return ((now or clock.now()) - beat_at).total_seconds()
