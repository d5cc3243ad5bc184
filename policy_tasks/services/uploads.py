"""The archive limits of the settings, for every upload that is a zip container (issue 14)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files.base import ContentFile

from policy_tasks.errors import ServiceError
from policy_tasks.parsing.sources.archive_limits import ArchiveLimits, zip_exceeds

ARCHIVE_REFUSED = {
    "members": "压缩文件内的文件数超过 {n} 个，已拒绝（可能是压缩炸弹）",
    "size": "压缩文件解压后超过 {mb}MB，已拒绝（可能是压缩炸弹）",
    "ratio": "压缩文件的压缩比超过 {ratio} 倍，已拒绝（可能是压缩炸弹）",
}


def archive_limits() -> ArchiveLimits:
    return ArchiveLimits(
        max_unpacked_bytes=settings.DUBAN_ARCHIVE_MAX_UNPACKED_BYTES,
        max_members=settings.DUBAN_ARCHIVE_MAX_MEMBERS,
        max_ratio=settings.DUBAN_ARCHIVE_MAX_RATIO,
    )


def refuse_zip_bomb(data: bytes, *, field: str = "file") -> None:
    """A 400 on `field` when a zip's directory breaks a limit; read before anything unpacks it."""
    limits = archive_limits()
    broken = zip_exceeds(data, limits)
    if broken is not None:
        message = ARCHIVE_REFUSED[broken].format(
            n=limits.max_members, mb=limits.max_unpacked_bytes // (1024 * 1024) or 1, ratio=limits.max_ratio
        )
        raise ServiceError(message, field=field)


if TYPE_CHECKING:
    _BytesContent = ContentFile[bytes]
else:
    _BytesContent = ContentFile  # generic in the stubs only


class TypedContent(_BytesContent):
    """Bytes to store with their MIME type: an object store records `content_type` for the
    object (the stored name has no extension to tell it)."""

    def __init__(self, data: bytes, content_type: str) -> None:
        super().__init__(data)
        self.content_type = content_type
