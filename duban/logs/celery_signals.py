"""The request id travels with the tasks a request queues, so the worker's lines for that
work carry it too; the worker's own log handlers get the project's formatter.

Connected by duban/celery.py, so web and worker processes both have them.
"""

from __future__ import annotations

import logging

from celery.signals import after_setup_logger, after_setup_task_logger, before_task_publish, task_postrun, task_prerun

from duban.logs import context
from duban.logs.formatting import ContextFilter, formatter

HEADER = "duban_request_id"
_tokens: dict[str, tuple] = {}


@before_task_publish.connect
def _stamp_request_id(sender=None, headers=None, **kwargs):
    rid = context.request_id.get()
    if rid and headers is not None and HEADER not in headers:
        headers[HEADER] = rid


@task_prerun.connect
def _enter_task(task_id=None, task=None, **kwargs):
    request = getattr(task, "request", None)
    rid = getattr(request, HEADER, None) or (getattr(request, "headers", None) or {}).get(HEADER)
    if rid is None and getattr(request, "is_eager", False):
        rid = context.request_id.get()  # run in the caller's thread: keep its id
    _tokens[task_id] = (context.request_id.set(rid), context.task.set((task.name, task_id)))


@task_postrun.connect
def _leave_task(task_id=None, **kwargs):
    tokens = _tokens.pop(task_id, None)
    if tokens:
        context.request_id.reset(tokens[0])
        context.task.reset(tokens[1])


@after_setup_logger.connect
@after_setup_task_logger.connect
def _use_project_format(logger: logging.Logger | None = None, **kwargs):
    # Celery installs its own handlers (and its -f file); keep them, change their shape.
    for handler in logger.handlers if logger else []:
        handler.setFormatter(formatter())
        handler.addFilter(ContextFilter())
