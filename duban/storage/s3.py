"""django-storages' S3 backend, plus the one thing the download views ask of it: a signed link.

A storage with `signed_download_url` is one whose files a browser can fetch itself;
FileSystemStorage has none, so its files are streamed by the web worker as before.
"""

from __future__ import annotations

import threading

from botocore.config import Config
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

# botocore's defaults wait 60 s to connect and try five times: a store that is down would hold
# a web worker, a worker or a readiness probe's thread for minutes. Give up in seconds.
PATIENCE = Config(connect_timeout=5, read_timeout=30, retries={"max_attempts": 3, "mode": "standard"})


class SignedS3Storage(S3Storage):
    def __init__(self, **options: object) -> None:
        super().__init__(**options)
        self.client_config: Config = self.client_config.merge(PATIENCE)
        self._public_clients = threading.local()

    def get_default_settings(self) -> dict:
        # The address browsers use, when the nodes reach the store by another (S3_PUBLIC_ENDPOINT_URL).
        return {**super().get_default_settings(), "public_endpoint_url": None}

    def signed_download_url(self, name: str, *, disposition: str, content_type: str) -> str:
        """A GET link valid for `querystring_expire` seconds (S3_SIGNED_URL_SECONDS).

        The object answers with our Content-Disposition and Content-Type, not with what was
        guessed at upload: evidence is stored under its hash, without a name or extension.
        """
        parameters = {"ResponseContentDisposition": disposition, "ResponseContentType": content_type}
        if not self.public_endpoint_url:
            return self.url(name, parameters=parameters)
        # SigV4 signs the host, so a link for another address must be signed for that address.
        # Signing is local: this client never connects anywhere.
        return self._public_signer().generate_presigned_url(
            "get_object",
            Params={"Bucket": self.bucket_name, "Key": self._normalize_name(clean_name(name)), **parameters},
            ExpiresIn=self.querystring_expire,
        )

    def _public_signer(self):
        signer = getattr(self._public_clients, "client", None)
        if signer is None:
            signer = self._create_session().client(
                "s3", endpoint_url=self.public_endpoint_url, region_name=self.region_name, config=self.client_config
            )
            self._public_clients.client = signer
        return signer
