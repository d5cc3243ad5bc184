"""The in-app inbox as the API sees it: unread count and mark-read.

Reading one's own messages is not a change to supervised work, so these write no
audit event (docs/notifications.md); they only ever touch the caller's own rows.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from accounts.models import User
from duban.lib import clock
from notifications.models import InboxMessage


def inbox_unread_count(user: User) -> int:
    if not user.is_authenticated:
        return 0
    return InboxMessage.objects.filter(recipient=user, read_at=None).count()


@transaction.atomic
def inbox_mark_read(user: User, ids: Iterable[int] | None = None) -> int:
    """Mark the user's messages read (all unread ones when `ids` is None); returns how many changed."""
    if not user.is_authenticated:
        return 0
    qs = InboxMessage.objects.filter(recipient=user, read_at=None)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=clock.now())
