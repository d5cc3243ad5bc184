"""Production settings for the nginx test, but for one thing: static files hashed without being
compressed. whitenoise's gzip and brotli copies of ~15 MB of static files take minutes on the CI
machine, and nginx serves the originals (deploy/nginx/duban.conf has no gzip_static)."""

from duban.settings import *  # noqa: F403

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}  # noqa: F405
