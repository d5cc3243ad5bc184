"""A web page saved as one file (.mht / .mhtml: "网页，单个文件"), as browsers and Word save the
plan a portal published. It is a MIME message: the page is its first `text/html` part (quoted-
printable or base64, in the charset the part names, often GB2312), the rest are its images and
styles. The page is read as any web page; a message with no page in it is refused.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

from .base import NO_PAGE_IN_MHT, Source, SourceError
from .markup import read_html
from .text import read_text


def looks_like_web_archive(data: bytes) -> bool:
    head = data[:4096].lower()
    return b"mime-version" in head and b"multipart/related" in head


def read_web_archive(data: bytes, filename: str) -> Source:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    for wanted in ("text/html", "text/plain"):
        for part in message.walk():
            if part.get_content_type() != wanted or part.is_multipart():
                continue
            assert isinstance(part, EmailMessage)
            content = _content(part)
            if not content.strip():
                continue
            body = content.encode("utf-8")
            source = read_html(body, filename) if wanted == "text/html" else read_text(body, filename)
            source.kind = "mht"
            return source
    raise SourceError(NO_PAGE_IN_MHT)


def _content(part: EmailMessage) -> str:
    """The part's text in its named charset; a charset Python does not know (or none) is tried as
    GB18030, the usual one of Chinese pages, after UTF-8."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset()
    for name in (charset, "utf-8", "gb18030"):
        if not name:
            continue
        try:
            return payload.decode("gb18030" if name.lower() in ("gb2312", "gbk") else name)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("gb18030", errors="replace")
