"""The deliveries an operator looks at (failed or unknown) are one set: the list, the retry and the
partial index that serves them read the same statuses."""

from __future__ import annotations

from notifications.models import UNDELIVERED, Delivery


def test_the_failed_index_covers_exactly_the_undelivered_statuses():
    index = next(i for i in Delivery._meta.indexes if i.name == "delivery_failed_idx")
    ((lookup, values),) = index.condition.children
    assert lookup == "status__in"
    assert sorted(values) == sorted(UNDELIVERED)
    assert set(UNDELIVERED) == {Delivery.Status.FAILED, Delivery.Status.UNKNOWN}
