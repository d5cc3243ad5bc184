"""gunicorn settings for the web process: `gunicorn -c duban/gunicorn_config.py duban.wsgi`.

Garbage collection runs between requests, not inside them. A request leaves a few
thousand objects in reference cycles (Django's request and response objects, querysets),
so CPython's automatic collector used to stop roughly one API request in twelve for 1–2 ms
(a young-generation pass) and one in five hundred for ~80 ms (a full pass over the
150,000 objects Django and the apps load at start-up): the p95 and p99 of every list.
Here the start-up heap is frozen out of collections, the automatic threshold is raised
so only an unusually large request collects mid-way, and each worker collects after it
has sent its response, at the default pace. The work is the same; a client waiting on a
sync worker no longer waits for it (docs/performance.md, "API").
"""

from __future__ import annotations

import gc
import os
import tempfile
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"

# Logs in the project's shape (DUBAN_LOG_FORMAT, JSON when DEBUG is off); the access log is
# off unless GUNICORN_ACCESS_LOG names a file or "-" (stdout): Django's duban.request line
# already records every request that reaches it (docs/operations.md, "Logs").
logger_class = "duban.logs.gunicorn.DubanLogger"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None

# /metrics sums what every worker counted: prometheus_client's multiprocess mode keeps each
# worker's figures in files in this folder (one folder per gunicorn master; set before any
# worker imports prometheus_client). Emptied at start so a restart begins from zero.
os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="duban-metrics-"))


def on_starting(server):
    folder = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.db"):
        stale.unlink()


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


# Default thresholds are (700, 10, 10): a young collection per 700 net allocations.
_YOUNG = 700
_MID_REQUEST_THRESHOLD = 200_000


def post_worker_init(worker):
    gc.collect()
    gc.freeze()
    gc.set_threshold(_MID_REQUEST_THRESHOLD, 10, 10)


def post_request(worker, req, environ, resp):
    young, young_passes, middle_passes = gc.get_count()
    if young < _YOUNG:
        return
    if middle_passes >= 10:
        gc.collect(2)
    elif young_passes >= 10:
        gc.collect(1)
    else:
        gc.collect(0)
