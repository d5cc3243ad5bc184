"""Opening .docx/.xlsx archives only after their declared sizes show they are not zip bombs.

Python's zipfile stops a member at its declared size (and fails its CRC past it), so checking the
declared sizes before any library reads a member bounds what reading can cost.
"""

from __future__ import annotations

import io
import zipfile

from .archive_limits import check_members
from .base import (
    CORRUPT_ARCHIVE,
    ENCRYPTED_ZIP,
    MAX_ARCHIVE_MEMBERS,
    MAX_COMPRESSION_RATIO,
    MAX_UNPACKED_BYTES,
    ZIP_BOMB,
    SourceError,
)

# Small members may compress by any ratio (a run of empty cells); only large ones can hurt.
_RATIO_FLOOR = 1024 * 1024
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}


def open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError, EOFError) as exc:
        raise SourceError(CORRUPT_ARCHIVE) from exc
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise SourceError(ZIP_BOMB)
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise SourceError(ENCRYPTED_ZIP)
        if member.compress_type not in _METHODS:
            raise SourceError(CORRUPT_ARCHIVE)
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if total > MAX_UNPACKED_BYTES or (member.file_size > _RATIO_FLOOR and ratio > MAX_COMPRESSION_RATIO):
            raise SourceError(ZIP_BOMB)
    check_members(archive)  # the deployment's tighter limits (settings DUBAN_ARCHIVE_*)
    return archive


def member_names(archive: zipfile.ZipFile) -> set[str]:
    return {name.lower() for name in archive.namelist()}
