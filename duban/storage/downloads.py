"""Every file the site hands out goes through here: `file_response` for what a view builds or
streams itself (exports, the printable 督办单, a document's versions), `file_download` and
`file_inline` for a stored file, which the storage may hand out as a signed link instead."""

from __future__ import annotations

from typing import IO
from urllib.parse import quote

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.utils.http import content_disposition_header

# A generated file shown in the browser (the bulletin's HTML or PDF) styles itself inline and runs
# nothing; an attachment gets the same policy, in case a browser opens it anyway.
FILE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'self'"
)


def content_disposition(filename: str, *, inline: bool = False, fallback: str | None = None) -> str:
    """RFC 6266: filename* carries a Chinese name; a plain ASCII name is quoted and escaped.

    With `fallback` (fixed ASCII text, never the user's) that is the quoted name and filename*
    always carries `filename`: an upload's name then never appears inside quotes."""
    if fallback is None:
        return content_disposition_header(not inline, filename) or ""  # never None: a name is given
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def file_response(
    content: bytes | IO[bytes], *, filename: str, content_type: str, inline: bool = False
) -> HttpResponse | FileResponse:
    """Bytes as they are, or an open file streamed (with its length) and closed once sent.

    Not sniffed: an HTML file served as a download must not become a page of this origin.
    """
    response: HttpResponse | FileResponse
    if isinstance(content, bytes):
        response = HttpResponse(content, content_type=content_type)
    else:
        response = FileResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    return response


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


def stored_file_download(file: FieldFile, *, filename: str, content_type: str) -> HttpResponseBase:
    """A stored file we generated (an export job's): the signed link where the storage gives one,
    else `file_response`; the same Content-Disposition either way."""
    redirect = signed_redirect(file, disposition=content_disposition(filename), content_type=content_type)
    if redirect is not None:
        return redirect
    return file_response(file, filename=filename, content_type=content_type)


def file_download(file: FieldFile, *, disposition: str, content_type: str) -> HttpResponseBase:
    """The signed link where the storage gives one, else the file streamed under `disposition`,
    its type not to be sniffed. For uploads, whose names the caller cleans into `disposition`."""
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
