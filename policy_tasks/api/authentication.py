"""Knox tokens accepted as `Authorization: Token …` or `Authorization: Bearer …`.

Kept apart from the views: DRF imports this while it is still loading itself.

The token, its user, the user's roles and the scopes of a supervisor grant are read in
one statement: every API request needs all four (permission checks, list scoping), and
as four ORM queries they cost more than most pages' own SQL (docs/performance.md, "API").
"""

from __future__ import annotations

import binascii
from collections.abc import Sequence
from datetime import datetime
from hmac import compare_digest
from itertools import groupby
from typing import TypeVar

from django.db import connection
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from knox.auth import TokenAuthentication
from knox.crypto import hash_token
from knox.models import AuthToken
from knox.settings import CONSTANTS, knox_settings
from rest_framework import exceptions
from rest_framework.authentication import get_authorization_header

from accounts import roles
from accounts.models import RoleGrant, User
from duban.lib.sql import aware, column, fetch, table
from policy_tasks import permissions
from policy_tasks.models import SupervisionScope

M = TypeVar("M", bound=Model)
_PREFIXES = (b"token", b"bearer")
_TOKEN_FIELDS = [f.attname for f in AuthToken._meta.concrete_fields]
_USER_FIELDS = [f.attname for f in User._meta.concrete_fields]
# One row per active role (a supervisor grant with scopes: one per scope), or one with no role.
_PRINCIPAL_SQL = (
    "SELECT "
    + ", ".join(
        [column(AuthToken, f, "t") for f in _TOKEN_FIELDS]
        + [column(User, f, "u") for f in _USER_FIELDS]
        + [
            column(RoleGrant, "role", "g"),
            column(SupervisionScope, "document", "s"),
            column(SupervisionScope, "area", "s"),
        ]
    )
    + f" FROM {table(AuthToken)} t JOIN {table(User)} u ON u.{column(User, 'id')} = {column(AuthToken, 'user', 't')}"
    + f" LEFT JOIN {table(RoleGrant)} g ON {column(RoleGrant, 'user', 'g')} = u.{column(User, 'id')}"
    + f" AND {roles.active_grant_sql('g')}"
    + f" LEFT JOIN {table(SupervisionScope)} s ON {column(SupervisionScope, 'grant', 's')} = g.{column(RoleGrant, 'id')}"
    + f" AND {column(RoleGrant, 'role', 'g')} = '{RoleGrant.Role.SUPERVISOR.value}'"
    + f" WHERE {column(AuthToken, 'token_key', 't')} = %s"
    + f" ORDER BY {column(AuthToken, 'digest', 't')}"
)


def _load(model: type[M], names: list[str], values: Sequence[object]) -> M:
    """A model instance from a raw row (SQLite hands back datetimes naive)."""
    row = [aware(value) if isinstance(value, datetime) else value for value in values]
    return model.from_db(connection.alias, names, row)


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

    def authenticate_credentials(self, token):
        """knox's check (every token sharing the key prefix, expired ones deleted, digests
        compared in constant time), on the rows of _PRINCIPAL_SQL."""
        token = token.decode("utf-8")
        n_token, n_user = len(_TOKEN_FIELDS), len(_USER_FIELDS)
        rows = fetch(_PRINCIPAL_SQL, [token[: CONSTANTS.TOKEN_KEY_LENGTH]])
        for _digest, same_key in groupby(rows, key=lambda row: row[0]):
            group = list(same_key)
            auth_token = _load(AuthToken, _TOKEN_FIELDS, group[0][:n_token])
            if self._cleanup_token(auth_token):
                continue
            try:
                digest = hash_token(token)
            except (TypeError, binascii.Error):
                raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
            if compare_digest(digest, auth_token.digest):
                user = _load(User, _USER_FIELDS, group[0][n_token : n_token + n_user])
                auth_token.user = user
                grants = [row[n_token + n_user :] for row in group if row[n_token + n_user] is not None]
                roles.remember_roles(user, {role for role, _, _ in grants})
                if any(role == RoleGrant.Role.SUPERVISOR for role, _, _ in grants):
                    permissions.remember_scopes(user, [(doc, area) for _, doc, area in grants if doc is not None])
                if knox_settings.AUTO_REFRESH and auth_token.expiry:
                    self.renew_token(auth_token)
                return self.validate_user(auth_token)
        raise exceptions.AuthenticationFailed(_("Invalid token."))

    def _cleanup_token(self, auth_token) -> bool:
        # knox also sweeps the user's other expired tokens on every request (one more query
        # each time); only the presented token matters here, the others die when next used.
        if auth_token.expiry is not None and auth_token.expiry < timezone.now():
            auth_token.delete()
            return True
        return False

    def authenticate_header(self, request):
        return 'Token realm="api"'
