"""Garbage collection between requests, not inside them: the web process's policy, in one place
for gunicorn (duban/gunicorn_config.py) and the page bench (bench/page_bench.py), which measures
a request as a worker serves it.

A request leaves a few thousand objects in reference cycles (Django's request and response
objects, querysets), so CPython's automatic collector used to stop roughly one API request in
twelve for 1–2 ms (a young-generation pass) and one in five hundred for ~80 ms (a full pass over
the 150,000 objects Django and the apps load at start-up): the p95 and p99 of every list. A
console request at 10,000 clauses allocates enough to start a full pass in one request of two
(100–190 ms on the 2-core machine, issue 18). Here the start-up heap is frozen out of
collections, the automatic threshold is raised so only an unusually large request collects
mid-way, and each worker collects after it has sent its response, at the default pace. The
work is the same; a client waiting on a sync worker no longer waits for it (docs/performance.md).
"""

from __future__ import annotations

import gc

# Default thresholds are (700, 10, 10): a young collection per 700 net allocations.
_YOUNG = 700
_MID_REQUEST_THRESHOLD = 200_000


def worker_started() -> None:
    """Before the first request: the start-up heap collected once and frozen out of collections."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(_MID_REQUEST_THRESHOLD, 10, 10)


def request_finished() -> None:
    """After the response is sent: the collection the default thresholds would have made by now."""
    young, young_passes, middle_passes = gc.get_count()
    if young < _YOUNG:
        return
    if middle_passes >= 10:
        gc.collect(2)
    elif young_passes >= 10:
        gc.collect(1)
    else:
        gc.collect(0)
