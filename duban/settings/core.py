"""The site itself: paths, debug, hosts, apps and middleware, the database, broker and cache,
files, e-mail, language and time; and how it runs in production (hardening, TLS, proxies).

With no environment at all Duban runs for a newcomer: DEBUG on, SQLite in var/,
and kombu's filesystem broker in var/broker (no server needed). Production sets
DEBUG=false, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and CELERY_BROKER_URL.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

from duban.env import env_bool, env_int, env_list, env_networks, env_str, parse_database_url
from duban.logs.formatting import logging_config
from duban.storage.config import default_storage_from_env
from duban.transport import database_tls, is_local_host, redis_tls_options

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("DUBAN_VAR_DIR") or BASE_DIR / "var")
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_str("SECRET_KEY") or ""
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    # Only ever used with DEBUG on; production refuses to start without a real key.
    SECRET_KEY = "django-insecure-duban-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = (env_str("SITE_URL") or "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "knox",
    "axes",
    "django_celery_beat",
    # TOTP and recovery codes (django-otp). Before the project's apps so that policy_tasks' admin
    # can take the device admins away (a device changes only through the audited services).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "accounts",
    "policy_tasks",
    "notifications",
    "monitoring",
    # /healthz and /readyz, answered by the first middleware (duban/health/middleware.py), and the
    # beat's heartbeat table.
    "duban.health",
]

# The import review carries the uploaded file (up to the reader's 10 MB, base64 and signed) from
# one form to the next; Django's default of 2.5 MB would refuse larger plans on the web only.
DATA_UPLOAD_MAX_MEMORY_SIZE = 15 * 1024 * 1024

MIDDLEWARE = [
    # Behind nginx REMOTE_ADDR is nginx's: the client's address comes first (DUBAN_TRUSTED_PROXIES below).
    "duban.proxy.ClientAddressMiddleware",
    "duban.health.middleware.HealthProbeMiddleware",
    # The Content-Security-Policy of every page (DUBAN_CSP, settings/security.py).
    "duban.middleware.ContentSecurityPolicyMiddleware",
    # The request id and the timing cover every middleware after them (docs/operations.md "Logs").
    "duban.middleware.RequestIdMiddleware",
    "monitoring.middleware.RequestMetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "accounts.middleware.RequestMemoMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: sessions past their time end, a session that skipped the second factor ends.
    "accounts.middleware.SignInGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as axes asks: turns a flagged lockout into its answer (accounts.lockout).
    "axes.middleware.AxesMiddleware",
    # With DEBUG on, 404 and 500 answer with our Chinese pages (JSON under /api/) as in production;
    # DUBAN_DEBUG_ERROR_PAGES=1 brings back Django's technical pages (tracebacks, the URL list).
    "duban.errors.DebugErrorPagesMiddleware",
]
DUBAN_DEBUG_ERROR_PAGES = env_bool("DUBAN_DEBUG_ERROR_PAGES", False)

# axes first: it refuses a locked-out username+address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "accounts.lockout.AxesRequestBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "duban.urls"
WSGI_APPLICATION = "duban.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
# The Chinese login page (policy_tasks.web); after login, "/" sends each role to its own page.
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "policy_tasks.web.context_processors.lights",
            ],
        },
    },
]

DATABASES = {
    "default": parse_database_url(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'duban.sqlite3'}",
        base_dir=BASE_DIR,
        prepared_statements=env_bool("DATABASE_PREPARED_STATEMENTS", True),
    )
}
# A database restart leaves every persistent connection dead: test one before a request reuses it,
# instead of answering that request with a 500.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# TLS (docs/security.md 「传输加密」): libpq's sslmode and sslrootcert, in DATABASE_URL's query
# (…/duban?sslmode=verify-full&sslrootcert=/etc/duban/db-ca.pem) or these two variables; `check
# --deploy` warns (duban.W160) when a database on another host is reached without sslmode=require.
database_tls(
    DATABASES["default"],
    env_str("DATABASE_SSLMODE"),
    env_str("DATABASE_SSLROOTCERT"),
    setting="DATABASE_URL",
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# Our Chinese for strings the installed catalogues leave in English (the admin's newer ones, axes).
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or VAR_DIR / "static")
# whitenoise warns at every start when the folder is missing (before the first collectstatic).
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
# Evidence and export files (docs/operations.md "Shared files"): MEDIA_ROOT on local disk, or with
# DUBAN_STORAGE=s3 an S3-compatible bucket (S3_ENDPOINT_URL, S3_BUCKET, S3_ACCESS_KEY_ID, ...).
STORAGES = {
    "default": default_storage_from_env(os.environ),
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# collectstatic (every deploy, and the runbook's test) compressed each file twice, gzip and brotli,
# under its hashed name and its original one, source maps of several MB included: 54 CPU-s on this
# machine kind, 14 with these two. Pages name static files only through {% static %} (hashed), and
# a source map is for a browser's developer tools, not worth compressing.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

# Evidence (佐证材料) limits; content type is checked on the bytes, not the name.
EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_BYTES", 20 * 1024 * 1024)
EVIDENCE_ALLOWED_TYPES = env_list(
    "EVIDENCE_ALLOWED_TYPES",
    [
        "application/pdf",
        "image/jpeg",
        "image/png",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/zip",
        "text/plain",
    ],
)

# Zip containers (.docx, .xlsx, .ofd, zip evidence) are refused before anything reads them when
# their directory declares more than this expanded size, more members, or a higher compression
# ratio (whole archive, or one member over 1 MB) (issue 14: zip bombs). The source reader's own
# ceilings (100 MB, 5000 members, 200x) stay the upper bound.
DUBAN_ARCHIVE_MAX_UNPACKED_BYTES = env_int("DUBAN_ARCHIVE_MAX_UNPACKED_BYTES", 32 * 1024 * 1024)
DUBAN_ARCHIVE_MAX_MEMBERS = env_int("DUBAN_ARCHIVE_MAX_MEMBERS", 1000)
DUBAN_ARCHIVE_MAX_RATIO = env_int("DUBAN_ARCHIVE_MAX_RATIO", 100)
if min(DUBAN_ARCHIVE_MAX_UNPACKED_BYTES, DUBAN_ARCHIVE_MAX_MEMBERS, DUBAN_ARCHIVE_MAX_RATIO) < 1:
    raise ImproperlyConfigured("DUBAN_ARCHIVE_MAX_UNPACKED_BYTES, _MAX_MEMBERS and _MAX_RATIO must be positive")

# E-mail: console in development; SMTP (or file backend via EMAIL_FILE_PATH) in production.
EMAIL_BACKEND = env_str("EMAIL_BACKEND") or (
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH") or str(VAR_DIR / "mail")
EMAIL_HOST = env_str("EMAIL_HOST") or "localhost"
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# STARTTLS by default in production towards another host (docs/security.md 「传输加密」): the
# password and the reminders' text would otherwise cross the network in clear. A relay on this
# machine (localhost:25) is left as it is; EMAIL_USE_TLS=false says so for another host.
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not DEBUG and not EMAIL_USE_SSL and not is_local_host(EMAIL_HOST))
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL are mutually exclusive")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "督办系统 <duban@localhost>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery. The embedded default is kombu's filesystem transport: it needs no
# server, so `make run` works on a bare machine (docs/decisions.md).
BROKER_DIR = VAR_DIR / "broker"
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or "filesystem://"
if CELERY_BROKER_URL.startswith("filesystem://"):
    for sub in ("queue", "processed", "control"):
        (BROKER_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        # Broadcast (worker control) files; kombu's default is a relative "control/" in the cwd.
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
# A Redis that does not answer (host down, packets dropped) fails a publish within seconds:
# starting an export then says the queue is down instead of hanging the request.
if CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": env_int("CELERY_BROKER_CONNECT_TIMEOUT", 3)}
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# django-celery-beat's DatabaseScheduler, sending only while it holds the beat lease (duban/beat/).
CELERY_BEAT_SCHEDULER = "duban.beat.scheduler:LeasedScheduler"
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)

# One cache for every process: DRF's throttles (the login limit) and sessions count there, not in
# each gunicorn worker's memory. Without CACHE_URL each process has its own (development);
# `check --deploy` refuses that with DEBUG off (policy_tasks.checks).
CACHE_URL = env_str("CACHE_URL") or ""
if CACHE_URL:
    if not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"CACHE_URL={CACHE_URL!r} must be a Redis URL (redis://host:6379/1)")
    CACHES: dict[str, dict[str, Any]] = {  # as django.conf.global_settings types it
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            # Several installations may share one Redis: each its own prefix.
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX") or "duban",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Redis: rediss://:password@host:6380/0 for the broker and the cache. The server's certificate is
# always checked, against REDIS_TLS_CA_FILE (a private CA) or the system's store.
REDIS_TLS_CA_FILE = env_str("REDIS_TLS_CA_FILE") or ""
REDIS_TLS_OPTIONS = redis_tls_options(REDIS_TLS_CA_FILE)
_rediss = [url for url in (CELERY_BROKER_URL, CACHE_URL) if url.startswith("rediss://")]
if REDIS_TLS_CA_FILE and not _rediss:
    raise ImproperlyConfigured("REDIS_TLS_CA_FILE is set but neither CELERY_BROKER_URL nor CACHE_URL is rediss://")
if CELERY_BROKER_URL.startswith("rediss://"):
    CELERY_BROKER_USE_SSL = dict(REDIS_TLS_OPTIONS)
if CACHE_URL.startswith("rediss://"):
    CACHES["default"]["OPTIONS"].update(REDIS_TLS_OPTIONS)

# Production hardening; `manage.py check --deploy` is clean with DEBUG off.
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # The TLS proxy in front (deploy/nginx) overwrites X-Forwarded-Proto and Django believes it.
    # Off when nothing in front sets the header, where a client could write it (gunicorn's own TLS).
    if env_bool("DUBAN_BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    X_FRAME_OPTIONS = "DENY"
# Behind nginx REMOTE_ADDR is nginx's: from these addresses (the proxy's; empty: none), the X-Real-IP
# header nginx writes is the client's address for the audit trail, lockouts and logs (duban/proxy.py).
DUBAN_TRUSTED_PROXIES = env_networks("DUBAN_TRUSTED_PROXIES")

# One line per event on stderr: JSON (DUBAN_LOG_FORMAT=json, the default when DEBUG is off) or text.
LOGGING = logging_config(env_str("LOG_LEVEL") or "INFO")
# Dates users send must lie between 2000-01-01 and this many years after today (duban/lib/datewindow.py).
DUBAN_DATE_YEARS_AHEAD = env_int("DUBAN_DATE_YEARS_AHEAD", 10)
