from __future__ import annotations

from django.db import models


class BeatHeartbeat(models.Model):
    """One row, rewritten by the beat that holds the lease every few seconds.

    The database, not the cache, because every web node must read the same value
    and the default cache is per process.
    """

    beat_at = models.DateTimeField("最近心跳")
    # host:pid of the beat that wrote it, for the operator in the admin; /readyz never shows it.
    holder = models.CharField("调度进程", max_length=200, blank=True)

    class Meta:
        verbose_name = "调度心跳"
        verbose_name_plural = "调度心跳"

    def __str__(self) -> str:
        return f"{self.holder or '调度进程'} {self.beat_at:%Y-%m-%d %H:%M:%S}"
