"""django-storages' S3 backend, plus the one thing the download views ask of it: a signed link.

A storage with `signed_download_url` is one whose files a browser can fetch itself;
FileSystemStorage has none, so its files are streamed by the web worker as before.
"""

from __future__ import annotations

from botocore.config import Config
from storages.backends.s3 import S3Storage

# botocore's defaults wait 60 s to connect and try five times: a store that is down would hold
# a web worker, a worker or a readiness probe's thread for minutes. Give up in seconds.
PATIENCE = Config(connect_timeout=5, read_timeout=30, retries={"max_attempts": 3, "mode": "standard"})


class SignedS3Storage(S3Storage):
    def __init__(self, **options):
        super().__init__(**options)
        self.client_config = self.client_config.merge(PATIENCE)

    def signed_download_url(self, name: str, *, disposition: str, content_type: str) -> str:
        """A GET link valid for `querystring_expire` seconds (S3_SIGNED_URL_SECONDS).

        The object answers with our Content-Disposition and Content-Type, not with what was
        guessed at upload: evidence is stored under its hash, without a name or extension.
        """
        return self.url(
            name,
            parameters={"ResponseContentDisposition": disposition, "ResponseContentType": content_type},
        )
