"""A timed block's CPU time without the test worker's heap in it.

By the time a worker reaches a timed test it holds about a million objects that earlier tests left
(modules, fixtures cached for the module, Django's resolvers and templates). A full collection walks
all of them (0.5-0.8 CPU-s, counted on 2026-12-07 with gc.callbacks: some forty such pauses in each
worker of a full run) and is charged to whatever code happened to allocate last: once it was
test_corpus's slowest document, 0.2 s of parsing timed at 1.01 s. The import in a web or Celery worker
has no such heap. Inside the block the objects alive before it are frozen out of the collector's
passes; what the timed code allocates is collected as ever, so its own garbage still costs it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def own_heap() -> Iterator[None]:
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
