"""Downloads that do not pass through a web worker where the storage can hand out a link."""

from __future__ import annotations

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase


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


def file_download(file: FieldFile, *, disposition: str, content_type: str) -> HttpResponseBase:
    """The signed link where the storage gives one, else the file streamed under `disposition`,
    its type not to be sniffed. The same rule for every route that hands out a stored file."""
    redirect = signed_redirect(file, disposition=disposition, content_type=content_type)
    if redirect is not None:
        return redirect
    response = FileResponse(file, content_type=content_type)
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Framed by our own pages only; nothing inside may run script or reach out (a PDF viewer needs no
# more). Chromium's PDF viewer does not load in a sandboxed frame, so a PDF gets no `sandbox`.
INLINE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'"


def file_inline(file: FieldFile, *, disposition: str, content_type: str) -> HttpResponseBase:
    """A stored file shown in our own page (an evidence preview): always streamed from this
    origin, never a signed link to the bucket, which the pages' policy would not frame."""
    response = FileResponse(file, content_type=content_type)
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["X-Frame-Options"] = "SAMEORIGIN"
    response["Content-Security-Policy"] = INLINE_CSP if content_type == "application/pdf" else INLINE_CSP + "; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
