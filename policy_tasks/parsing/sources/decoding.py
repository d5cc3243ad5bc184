"""Bytes that should be text: UTF-8 (with or without BOM), GB18030 (which GBK and GB2312 are subsets
of), UTF-16 with BOM.

Offices save .txt as GBK as often as UTF-8; Notepad's "Unicode" is UTF-16 with a BOM. A binary
file renamed .txt must not reach the parser as mojibake: NUL bytes or a share of control
characters no text has mean binary.
"""

from __future__ import annotations

import codecs
import re

from .base import BINARY_TEXT, UNKNOWN_ENCODING, SourceError

# Text may carry a stray form feed or escape; one control character in a hundred is not text.
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = set("\t\n\r\f\v")
# C0 and C1 controls but the allowed ones (\t \n \v \f \r are 0x09-0x0D).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_RE.findall(text)) / len(text)


def decode_text(data: bytes) -> str:
    """The text of a file that should be text; SourceError for a binary or an unknown encoding."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(UNKNOWN_ENCODING) from exc
    elif b"\x00" in data:
        raise SourceError(BINARY_TEXT)
    else:
        text = _decode(data)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise SourceError(BINARY_TEXT)
    return text.lstrip("\ufeff")


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    # Only C0 controls count here: in an unknown legacy encoding (Big5 …) high bytes are letters.
    controls = sum(1 for byte in data if byte < 32 and chr(byte) not in _ALLOWED_CONTROLS)
    if controls / len(data) > _MAX_CONTROL_SHARE:
        raise SourceError(BINARY_TEXT)
    raise SourceError(UNKNOWN_ENCODING)
