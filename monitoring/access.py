"""Who may read /metrics: a client address in DUBAN_METRICS_ALLOW (addresses or CIDRs,
loopback by default) or anyone presenting DUBAN_METRICS_TOKEN as a bearer token."""

from __future__ import annotations

import hmac
import ipaddress

from django.conf import settings
from django.http import HttpRequest

# A request that went through a proxy: REMOTE_ADDR is the proxy's, not the client's, so the
# address says nothing (a same-host nginx would otherwise open /metrics to the world).
FORWARDING_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_FORWARDED")


def allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(entry, strict=False) for entry in settings.DUBAN_METRICS_ALLOW]


def may_scrape(request: HttpRequest) -> bool:
    token = settings.DUBAN_METRICS_TOKEN
    if token:
        scheme, _, given = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode()):
            return True
    if any(request.META.get(header) for header in FORWARDING_HEADERS):
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in network for network in allowed_networks())
