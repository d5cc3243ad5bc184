"""gunicorn settings for the web process: `gunicorn -c duban/gunicorn_config.py duban.wsgi`.

Garbage collection runs between requests, not inside them (duban/gc_policy.py).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from duban import gc_policy

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


def post_worker_init(worker):
    gc_policy.worker_started()


def post_request(worker, req, environ, resp):
    gc_policy.request_finished()
