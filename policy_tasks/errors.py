"""Errors services raise; the API maps each to one HTTP status and a machine code."""

from __future__ import annotations


class ServiceError(Exception):
    status = 400
    code = "invalid"

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        if code:
            self.code = code


class NotFound(ServiceError):
    """Out of the actor's scope: indistinguishable from not existing."""

    status = 404
    code = "not_found"


# A body field naming an object that is not there for this request (missing, or another task's):
# one message for both, so that an answer never tells another unit's object exists (issue 14).
NO_SUCH_OBJECT = "对象不存在（ID {pk}）"


class NoSuchObject(ServiceError):
    """A body field's object that is not this request's to name: answered as a missing id."""

    def __init__(self, pk: object, *, field: str):
        super().__init__(NO_SUCH_OBJECT.format(pk=pk), field=field)


class Forbidden(ServiceError):
    """Visible to the actor, but this action is not theirs to take."""

    status = 403
    code = "forbidden"


class StaleVersion(ServiceError):
    """The change was based on a version that is no longer current."""

    status = 412
    code = "stale_version"


class InvalidState(ServiceError):
    """The object is not in a state that allows this action (e.g. verifying an open milestone)."""

    status = 409
    code = "invalid_state"


class Unavailable(ServiceError):
    """Something the action needs besides the database (the message broker) is down: retry later."""

    status = 503
    code = "unavailable"
