from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

SEED = Path(settings.BASE_DIR) / "fixtures" / "kecheng-2023-16.txt"


def seed_text_file(name: str = "kecheng-2023-16.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, SEED.read_bytes(), content_type="text/plain")
