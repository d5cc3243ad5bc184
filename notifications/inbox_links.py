"""Where an inbox message points, read from its stored link.

Links are written at send time as absolute URLs on SITE_URL (`…/tasks/12/`,
`…/documents/3/` for an area-wide target). The message centre opens them on this
host, and names each clause with its 文号 when there is more than one document: the
title was written once, but documents may be added after it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.http import HttpRequest

from policy_tasks.models import Task
from policy_tasks.templatetags.page_tags import doc_numbers

TASK_PATH = re.compile(r"^/tasks/(\d+)/")
DOCUMENT_PATH = re.compile(r"^/documents/(\d+)/")


def local_path(link: str) -> str:
    """The link's path on this site, or "" when it has none we can follow safely."""
    parts = urlsplit(link or "")
    path = parts.path
    # `//host/…` would leave the site: a stored link is ours, but never follow one elsewhere.
    if not path.startswith("/") or path.startswith("//"):
        return ""
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return path + query + fragment


def annotate(messages: list, request: HttpRequest) -> list:
    """Set `target` (local path) and `doc_number` (文号, or "") on each message."""
    numbers = doc_numbers(request)
    task_ids: dict[int, int] = {}
    for msg in messages:
        msg.target = local_path(msg.link)
        msg.doc_number = ""
        match = TASK_PATH.match(msg.target)
        if match:
            task_ids[msg.pk] = int(match.group(1))
        elif numbers and (match := DOCUMENT_PATH.match(msg.target)):
            msg.doc_number = numbers.get(int(match.group(1)), "")
    if numbers and task_ids:
        documents = dict(Task.objects.filter(pk__in=set(task_ids.values())).values_list("pk", "document_id"))
        for msg in messages:
            if msg.pk in task_ids:
                document_id = documents.get(task_ids[msg.pk])
                msg.doc_number = numbers.get(document_id, "") if document_id is not None else ""
    return messages
