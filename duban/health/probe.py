"""Run the readiness checks side by side, each bounded by the timeout, into one JSON body."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings

from duban.health import checks

logger = logging.getLogger("duban.health")

Check = tuple[str, Callable[[], str]]

# A group runs in one thread, one check after another; groups run side by side.
GROUPS: list[tuple[Callable[[], Any] | None, list[Check]]] = [
    (
        checks.bounded_database,
        [("database", checks.check_database), ("migrations", checks.check_migrations), ("beat", checks.check_beat)],
    ),
    (None, [("broker", checks.check_broker)]),
    (None, [("cache", checks.check_cache)]),
    # The office's holiday table may need reloading: on a connection of its own, bounded too.
    (checks.bounded_database, [("holidays", checks.check_holidays)]),
    (None, [("storage", checks.check_storage)]),
]
NAMES = [name for _, group in GROUPS for name, _ in group]

# Last answer per check in this process, so a failing probe is logged when it starts
# failing and when it recovers, not at every probe of every load balancer.
_last_ok: dict[str, bool] = {}


def _run_group(context, group: list[Check], results: dict[str, dict]) -> None:
    def run_all() -> None:
        for name, check in group:
            started = time.monotonic()
            error: Exception | None
            try:
                detail, ok, error = check(), True, None
            except checks.CheckFailed as exc:
                detail, ok, error = str(exc), False, exc
            except Exception as exc:
                detail, ok, error = f"unreachable or failing ({type(exc).__name__})", False, exc
            results[name] = {"ok": ok, "ms": round((time.monotonic() - started) * 1000, 1), "detail": detail}
            _log_change(name, ok, error)

    try:
        if context is None:
            run_all()
        else:
            with context():
                run_all()
    except Exception as exc:  # opening or closing the bounded connection itself failed
        for name, _ in group:
            results.setdefault(name, {"ok": False, "ms": 0.0, "detail": f"failing ({type(exc).__name__})"})
        _log_change(group[0][0], False, exc)


def _log_change(name: str, ok: bool, error: Exception | None) -> None:
    if _last_ok.get(name, True) != ok:
        if ok:
            logger.warning("readiness: %s recovered", name)
        else:
            logger.warning("readiness: %s failing: %r", name, error)
    _last_ok[name] = ok


def readiness() -> tuple[bool, dict]:
    """(ready, body). Checks listed in HEALTH_ADVISORY_CHECKS are reported but never make it unready."""
    timeout = checks.timeout_seconds()
    results: dict[str, dict] = {}
    started = time.monotonic()
    threads = [
        threading.Thread(target=_run_group, args=(context, group, results), name="readyz", daemon=True)
        for context, group in GROUPS
    ]
    for thread in threads:
        thread.start()
    # A thread still stuck at the deadline is left to its own (connect, socket) timeouts;
    # the probe answers now.
    for thread in threads:
        thread.join(max(0.0, started + timeout - time.monotonic()))
    elapsed = round((time.monotonic() - started) * 1000, 1)
    answered = dict(results)
    body_checks = {}
    advisory = set(settings.HEALTH_ADVISORY_CHECKS)
    for name in NAMES:
        result = answered.get(name) or {"ok": False, "ms": elapsed, "detail": f"no answer within {timeout:g}s"}
        if name in advisory:
            result = {**result, "advisory": True}
        body_checks[name] = result
    ready = all(result["ok"] for name, result in body_checks.items() if name not in advisory)
    return ready, {"status": "ok" if ready else "fail", "checks": body_checks}
