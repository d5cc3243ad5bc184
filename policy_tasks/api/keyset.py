"""Keyset pagination for lists read with plain SQL: a page is the rows after (or before) the
boundary row of the page the client saw, by the list's sort key.

DRF's CursorPagination applies its cursor (a position and an offset) to a queryset; building,
compiling and iterating that queryset cost a page of the overdue ledger more than the
statement it ran (docs/performance.md, "API"). Here the caller supplies `fetch`, which
reads rows after a key in either direction (selectors.task_list_rows, selectors.ledger_list_rows
take exactly its arguments), and this module keeps the rest of the contract
CursorPagination had: `next` and `previous` links (absolute URLs with `cursor` replaced),
`page_size` (default 50, at most 200; an unreadable size falls back to the default), and
a 400 naming `cursor` for a cursor this server did not write.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rest_framework.request import Request
from rest_framework.utils.urls import remove_query_param, replace_query_param

from policy_tasks.api.pagination import DubanCursorPagination, InvalidCursor

CURSOR = "cursor"


class Fetch(Protocol):
    def __call__(self, *, after: tuple | None, backwards: bool, limit: int) -> Sequence[Any]:
        """At most `limit` rows strictly after the key `after` in the list's order (from the
        start when None); with `backwards`, strictly before it, nearest first."""


@dataclass(frozen=True)
class Page:
    rows: list
    next: str | None
    previous: str | None


def id_from_cursor(value) -> int:
    """The id half of a key read back from a cursor (raises ValueError when it cannot be one)."""
    if type(value) is not int or not 0 < value < 2**63:
        raise ValueError(value)
    return value


def _encode(key: tuple, backwards: bool) -> str:
    text = json.dumps({"k": list(key), "b": backwards}, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _decode(raw: str, parse_key: Callable[[list], tuple]) -> tuple[tuple, bool, tuple]:
    """(the key as `fetch` compares it, backwards, the key as written, for links)."""
    try:
        data = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        if not isinstance(data, dict) or not isinstance(data.get("k"), list) or not isinstance(data.get("b"), bool):
            raise ValueError(raw)
        return parse_key(data["k"]), data["b"], tuple(data["k"])
    except (ValueError, TypeError, OverflowError, binascii.Error, UnicodeDecodeError):
        raise InvalidCursor() from None


def paginate(request: Request, fetch: Fetch, *, key_of: Callable[[Any], tuple], parse_key) -> Page:
    """One page of rows; `key_of(row)` is the row's sort key as JSON values, `parse_key` reads
    one back from a cursor (raising ValueError or TypeError when it cannot)."""
    size = DubanCursorPagination().get_page_size(request) or DubanCursorPagination.page_size  # never None: set
    raw = request.query_params.get(CURSOR)
    after, backwards, written = _decode(raw, parse_key) if raw else (None, False, ())
    rows = list(fetch(after=after, backwards=backwards, limit=size + 1))
    more = len(rows) > size
    rows = rows[:size]
    url = request.build_absolute_uri()

    def link(key: tuple, backwards: bool = False) -> str:
        return replace_query_param(url, CURSOR, _encode(key, backwards))

    if backwards:
        rows.reverse()
        previous: str | None = link(key_of(rows[0]), True) if more else None
        # Going back from a later page: the rows after this one are that page's.
        following: str | None = link(key_of(rows[-1])) if rows else remove_query_param(url, CURSOR)
        return Page(rows, following, previous)
    following = link(key_of(rows[-1])) if more else None
    previous = None
    if after is not None:
        # Nothing after the cursor (its rows were closed meanwhile): back from where it pointed.
        previous = link(key_of(rows[0]) if rows else written, True)
    return Page(rows, following, previous)
