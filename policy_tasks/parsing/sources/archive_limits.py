"""The deployment's limits on what a zip container (.docx, .xlsx, .ofd, a zip of evidence) may
expand to, checked on the central directory alone, before any member is read.

The reader's own ceilings (base.py) stay the upper bound; a deployment tightens them with
settings (DUBAN_ARCHIVE_*). This package knows nothing of Django, so the limits come from a
provider installed at start-up (policy_tasks.apps) and asked on every check: a changed
setting applies to the next upload.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from .base import MAX_ARCHIVE_MEMBERS, MAX_COMPRESSION_RATIO, MAX_UNPACKED_BYTES, ZIP_BOMB, SourceError

# Below this many expanded bytes any ratio is harmless (a sheet of empty styled cells).
RATIO_FLOOR = 1024 * 1024


@dataclass(frozen=True)
class ArchiveLimits:
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES
    max_members: int = MAX_ARCHIVE_MEMBERS
    max_ratio: int = MAX_COMPRESSION_RATIO


_provider: Callable[[], ArchiveLimits] = ArchiveLimits


def use_limits(provider: Callable[[], ArchiveLimits]) -> None:
    global _provider
    _provider = provider


def current_limits() -> ArchiveLimits:
    return _provider()


def exceeded(members: list[zipfile.ZipInfo], limits: ArchiveLimits | None = None) -> str | None:
    """Which limit the declared sizes break ('members', 'size', 'ratio'), or None.

    zipfile stops a member at its declared size, so the declared sizes bound what reading costs."""
    limits = limits or current_limits()
    if len(members) > limits.max_members:
        return "members"
    unpacked = sum(m.file_size for m in members)
    if unpacked > limits.max_unpacked_bytes:
        return "size"
    packed = sum(m.compress_size for m in members)
    if unpacked > RATIO_FLOOR and unpacked / max(packed, 1) > limits.max_ratio:
        return "ratio"
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size / max(m.compress_size, 1) > limits.max_ratio:
            return "ratio"
    return None


def check_members(archive: zipfile.ZipFile) -> None:
    """Refuse an opened archive (the source reader) whose directory breaks a limit."""
    if exceeded(archive.infolist()) is not None:
        raise SourceError(ZIP_BOMB)


def zip_exceeds(data: bytes, limits: ArchiveLimits | None = None) -> str | None:
    """exceeded() for raw bytes that are a zip (evidence); a zip that cannot be opened breaks nothing
    here (whoever reads it refuses it as damaged)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError, EOFError):
        return None
    return exceeded(members, limits)
