"""Downloads that do not pass through a web worker where the storage can hand out a link."""

from __future__ import annotations

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponse, HttpResponseRedirect


def signed_redirect(file: FieldFile, *, disposition: str, content_type: str) -> HttpResponse | None:
    """A 302 to a short-lived signed link for `file`, or None when the storage cannot sign one
    (local disk: the caller streams the file as before).

    Call it only after the view's permission check and after opening the file: opening is
    what finds a missing object, which then stays the view's own 404, not the store's error.
    The link is a bearer credential until it expires, so nothing may cache the redirect.
    """
    sign = getattr(file.storage, "signed_download_url", None)
    if sign is None:
        return None
    url = sign(file.name, disposition=disposition, content_type=content_type)
    file.close()
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "private, no-store"
    return response


def file_download(file: FieldFile, *, disposition: str, content_type: str) -> HttpResponse:
    """The signed link where the storage gives one, else the file streamed under `disposition`,
    its type not to be sniffed. The same rule for every route that hands out a stored file."""
    redirect = signed_redirect(file, disposition=disposition, content_type=content_type)
    if redirect is not None:
        return redirect
    response = FileResponse(file, content_type=content_type)
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    return response
