"""Paging through a list the way a client does: by its `next` and `previous` links."""

from __future__ import annotations

import base64
import json
from urllib.parse import urlencode


def walk(client, url):
    """Every page's ids, following `next` from `url`; and the last response body."""
    pages, body = [], None
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        pages.append([row["id"] for row in body["results"]])
        url = body["next"]
    return pages, body


def every_id(client, url, params=None) -> list[int]:
    """The ids of every page of a list asked with `params`, in order."""
    pages, _ = walk(client, f"{url}?{urlencode(params)}" if params else url)
    return [row_id for page in pages for row_id in page]


def walk_back(client, url):
    """Every page's ids, following `previous` from `url`."""
    pages = []
    while url:
        body = client.get(url).json()
        pages.append([row["id"] for row in body["results"]])
        url = body["previous"]
    return pages


def cursor(payload) -> str:
    """A cursor as this server writes them (base64 of JSON), for forging bad ones."""
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()
