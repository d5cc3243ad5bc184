"""JSON out through orjson: the same bytes as DRF's JSONRenderer, ~15× faster to encode.

A page of 50 tasks takes DRF's renderer (json.dumps with its encoder) ~0.27 ms and
orjson ~0.02 ms (docs/performance.md, "API"). The output is kept identical to DRF's:
compact, UTF-8, U+2028/U+2029 escaped, and every type orjson does not handle the way
DRF does (datetimes, Decimal, lazy strings, querysets) goes through DRF's own encoder.
A request for indented JSON, or a value orjson refuses (an int beyond 64 bits), is
rendered by DRF itself.
"""

from __future__ import annotations

import orjson
from rest_framework import renderers
from rest_framework.utils import encoders

_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_NON_STR_KEYS
_fallback = encoders.JSONEncoder().default


class JSONRenderer(renderers.JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if self.get_indent(accepted_media_type, renderer_context or {}):
            return super().render(data, accepted_media_type, renderer_context)
        try:
            out = orjson.dumps(data, default=_fallback, option=_OPTIONS)
        except orjson.JSONEncodeError:
            return super().render(data, accepted_media_type, renderer_context)
        # As DRF does, so the output stays a strict JavaScript subset.
        if b"\xe2\x80\xa8" in out or b"\xe2\x80\xa9" in out:
            out = out.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")
        return out
