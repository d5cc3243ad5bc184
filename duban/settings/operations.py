"""Operating the site (docs/operations.md): who reads /metrics, the health probes and the beat lease."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from duban.env import env_int, env_list, env_networks, env_str

# Who may read /metrics: these addresses or networks (loopback by default), or a bearer token.
DUBAN_METRICS_ALLOW = env_networks("DUBAN_METRICS_ALLOW", ["127.0.0.0/8", "::1"])
DUBAN_METRICS_TOKEN = env_str("DUBAN_METRICS_TOKEN") or ""
# Prometheus scrapes over plain HTTP on the intranet; the HTTPS redirect would send it away.
SECURE_REDIRECT_EXEMPT = [r"^metrics$"]

# --- health and the beat lease (docs/operations.md "Probes", "One beat") ---
# The time each readiness check gets; the probe answers within about this long.
HEALTH_CHECK_TIMEOUT_MS = env_int("HEALTH_CHECK_TIMEOUT_MS", 2000)
# The beat holding the lease writes a heartbeat every few seconds; older than this is "beat gone".
BEAT_HEARTBEAT_MAX_AGE_SECONDS = env_int("BEAT_HEARTBEAT_MAX_AGE_SECONDS", 120)
HEALTH_HOLIDAY_HORIZON_DAYS = 60
# One beat at a time: a standby takes over within this many seconds of the holder stopping.
BEAT_LEASE_SECONDS = env_int("BEAT_LEASE_SECONDS", 30)
if BEAT_LEASE_SECONDS < 3:
    raise ImproperlyConfigured("BEAT_LEASE_SECONDS must be at least 3")
# Checks reported in /readyz that never make it answer 503. The holiday calendar by default: a
# missing yearly notice is fixed by an upgrade, and is no reason to take every web node out.
HEALTH_ADVISORY_CHECKS = env_list("HEALTH_ADVISORY_CHECKS", ["holidays"])
if _unknown := set(HEALTH_ADVISORY_CHECKS) - {
    "database",
    "migrations",
    "beat",
    "broker",
    "cache",
    "holidays",
    "storage",
}:
    raise ImproperlyConfigured(f"HEALTH_ADVISORY_CHECKS names unknown checks: {', '.join(sorted(_unknown))}")
