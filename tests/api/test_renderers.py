"""The API's orjson renderer writes what DRF's JSONRenderer writes, byte for byte."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer as DrfJSONRenderer
from rest_framework.utils.serializer_helpers import ReturnDict

from policy_tasks.api.renderers import JSONRenderer

VALUES = {
    "text": '督查督办 "引号" \\ 反斜杠 \u2028 行 \u2029 段 \x00 \t',
    "aware": datetime(2023, 6, 15, 9, 30, 1, 123456, tzinfo=UTC),
    "naive": datetime(2023, 6, 15, 9, 30),
    "day": date(2023, 10, 31),
    "time": time(9, 30, 0, 500),
    "delta": timedelta(days=1, seconds=5),
    "money": Decimal("1200.5000"),
    "lazy": gettext_lazy("任务"),
    "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "keys": {1: "一", "b": None},
    "nested": [[1.5, 0.1, True, False, None], (1, 2), ReturnDict({"x": 1}, serializer=None)],
    "empty": {},
}


def test_orjson_output_is_drfs_output():
    assert JSONRenderer().render(VALUES) == DrfJSONRenderer().render(VALUES)


def test_what_orjson_cannot_encode_falls_back_to_drf():
    data = {"big": 2**70, "list": [2**64]}
    assert JSONRenderer().render(data) == DrfJSONRenderer().render(data)


def test_indented_json_is_drfs_too():
    media = "application/json; indent=2"
    assert JSONRenderer().render(VALUES, media) == DrfJSONRenderer().render(VALUES, media)
    assert JSONRenderer().render(None) == b""
