"""Knox tokens accepted as `Authorization: Token …` or `Authorization: Bearer …`.

Kept apart from the views: DRF imports this while it is still loading itself.
"""

from __future__ import annotations

from django.utils import timezone
from knox.auth import TokenAuthentication
from rest_framework import exceptions
from rest_framework.authentication import get_authorization_header

_PREFIXES = (b"token", b"bearer")


class TokenOrBearerAuthentication(TokenAuthentication):
    """Knox tokens sent as `Authorization: Token …` or `Authorization: Bearer …`."""

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in _PREFIXES:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed()
        try:
            parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed() from None
        return self.authenticate_credentials(parts[1])

    def _cleanup_token(self, auth_token) -> bool:
        # knox also sweeps the user's other expired tokens on every request (one more query
        # each time); only the presented token matters here, the others die when next used.
        if auth_token.expiry is not None and auth_token.expiry < timezone.now():
            auth_token.delete()
            return True
        return False

    def authenticate_header(self, request):
        return 'Token realm="api"'
