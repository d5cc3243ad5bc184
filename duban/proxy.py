"""The client's address behind our own proxy (deploy/nginx): REMOTE_ADDR is nginx's, the same for
everyone, so the audit trail, the lockouts (django-axes keys them by REMOTE_ADDR) and the logs
would all name 127.0.0.1. When the request comes from an address in DUBAN_TRUSTED_PROXIES, the
X-Real-IP it set — nginx writes it, replacing whatever the client sent — becomes REMOTE_ADDR.
From anywhere else the header is ignored: a client could write it."""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _address(value: str):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


class ClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        trusted = _networks(tuple(settings.DUBAN_TRUSTED_PROXIES))
        if trusted:
            peer = _address(request.META.get("REMOTE_ADDR", ""))
            client = _address(request.META.get("HTTP_X_REAL_IP", ""))
            if peer is not None and client is not None and any(peer in net for net in trusted):
                request.META["duban.proxy_addr"] = request.META["REMOTE_ADDR"]
                request.META["REMOTE_ADDR"] = str(client)
        return self.get_response(request)
