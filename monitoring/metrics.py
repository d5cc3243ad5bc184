"""What each web process counts. Under gunicorn these live in PROMETHEUS_MULTIPROC_DIR
(duban/gunicorn_config.py), so a scrape served by any worker sums all of them."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

REQUEST_SECONDS = Histogram(
    "duban_http_request_duration_seconds",
    "Time to answer a request, by route (URL name) and method.",
    ["route", "method"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
REQUESTS = Counter(
    "duban_http_requests",
    "Requests answered, by route (URL name), method and status class (2xx, 4xx…).",
    ["route", "method", "status"],
)
LOGIN_FAILURES = Counter("duban_login_failures", "Failed logins (wrong password, locked out, unknown user).")
LOCKOUTS = Counter("duban_login_lockouts", "Times a username and address were locked out (django-axes).")
