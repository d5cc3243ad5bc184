"""JSON from strangers: nesting bounded before parsing, NUL characters refused after.

The standard parser recurses once per level, so ~100 KB of `[` was a RecursionError (a 500)
on any JSON endpoint, the unauthenticated token endpoint included; and PostgreSQL refuses
a NUL character in text (a DataError, another 500). Both are bad input: callers turn these
ValueErrors into their 400.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

MAX_DEPTH = 32
TOO_DEEP_MESSAGE = f"请求内容嵌套过深（超过 {MAX_DEPTH} 层）"
NUL_MESSAGE = "请求内容含有空字符（\\u0000），已拒绝"

# Strings can hold brackets; strip them (a C-speed regex) before counting the rest.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class UnsafeJSON(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def depth(text: str) -> int:
    """The deepest nesting of arrays and objects in `text`, without parsing it."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(_STEP[c] for c in brackets), default=0)


def has_nul(value: Any) -> bool:
    """Whether any string in a parsed document (keys included) holds a NUL; iterative."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def loads(raw: bytes | str, *, max_depth: int = MAX_DEPTH) -> Any:
    """json.loads, refusing (UnsafeJSON) too deep a document or a NUL in any string;
    a document that is not JSON raises json's own ValueError."""
    text = raw.decode("utf-8") if isinstance(raw, (bytes, bytearray)) else raw
    if depth(text) > max_depth:
        raise UnsafeJSON(TOO_DEEP_MESSAGE)
    data = json.loads(text)
    if has_nul(data):
        raise UnsafeJSON(NUL_MESSAGE)
    return data
