"""Optimistic concurrency for the workflow services: a write names the version it read.

Every row a person decides on (milestone, completion and extension request, progress report)
has a `version`; a page or API client sends the one it showed (ETag / If-Match), and a decision
on a row someone changed meanwhile is refused with STALE_MESSAGE instead of overwriting it.
"""

from __future__ import annotations

from typing import Any, Protocol

from django.db.models import F, Model

from policy_tasks.errors import StaleVersion

STALE_MESSAGE = "数据已被他人修改，请刷新后重试"


class Versioned(Protocol):
    """A row with a `version` column (milestone, completion and extension request, report)."""

    @property
    def pk(self) -> int: ...

    @property
    def version(self) -> int: ...


def check_version(obj: Versioned, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != obj.version:
        raise StaleVersion(STALE_MESSAGE)


def bump(model: type[Model], obj: Versioned, **changes: Any) -> None:
    """Write `changes` only if nobody changed the row since `obj` was read, and bump its version.

    The version in the WHERE clause is what makes two concurrent writers unable to both win:
    on PostgreSQL the second UPDATE waits for the first to commit, re-reads the row and matches nothing.
    """
    updated = model._default_manager.filter(pk=obj.pk, version=obj.version).update(version=F("version") + 1, **changes)
    if updated != 1:
        raise StaleVersion(STALE_MESSAGE)
