"""The signed-in user of a request, typed as the project's User.

`request.user` may be an AnonymousUser as far as the type says; views that only run for a
signed-in user (@page, the API's signed-in permission) read it through here instead.
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from accounts.models import User


def signed_in_user(user: AbstractBaseUser | AnonymousUser) -> User:
    """`user` where the view has already turned anonymous visitors away; refused otherwise."""
    if not isinstance(user, User):
        raise PermissionDenied
    return user
