"""Duban settings, read from the environment (see docs/operations.md).

With no environment at all Duban runs for a newcomer: DEBUG on, SQLite in var/,
and kombu's filesystem broker in var/broker (no server needed). Production sets
DEBUG=false, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and CELERY_BROKER_URL.
"""

from __future__ import annotations

import ipaddress
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from duban.env import env_bool, env_int, env_list, env_str, parse_database_url
from duban.logs.formatting import logging_config
from duban.sms_config import sms_gateway_from_env
from duban.storage.config import default_storage_from_env
from duban.transport import database_tls, is_local_host, redis_tls_options

BASE_DIR = Path(__file__).resolve().parent.parent
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
    "accounts",
    "policy_tasks",
    "notifications",
]

# The import review carries the uploaded file (up to the reader's 10 MB, base64 and signed) from
# one form to the next; Django's default of 2.5 MB would refuse larger plans on the web only.
DATA_UPLOAD_MAX_MEMORY_SIZE = 15 * 1024 * 1024

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "accounts.middleware.RequestMemoMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as axes asks: turns a flagged lockout into its answer (accounts.lockout).
    "axes.middleware.AxesMiddleware",
]

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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

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
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# django-celery-beat's DatabaseScheduler, sending only while it holds the beat lease (duban/beat/).
CELERY_BEAT_SCHEDULER = "duban.beat.scheduler:LeasedScheduler"
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)

# Typed as DRF reads it: a mapping of setting names to values of any kind.
REST_FRAMEWORK: dict[str, Any] = {
    # Token first: its WWW-Authenticate header is what keeps "not logged in" a 401, not a 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "policy_tasks.api.authentication.TokenOrBearerAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "policy_tasks.api.schema.DubanAutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "policy_tasks.api.pagination.DubanCursorPagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    "EXCEPTION_HANDLER": "policy_tasks.api.errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {"login": env_str("API_LOGIN_RATE") or "20/min"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "督办 Duban API",
    "DESCRIPTION": '政策任务督查督办系统 API。错误统一为 {"error": {"code", "message", "fields"}}；见 docs/api.md。',
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "TaskStatusEnum": "policy_tasks.models.tasks.Task.Status",
        "MilestoneStatusEnum": "policy_tasks.models.tasks.Milestone.Status",
        "MilestoneKindEnum": "policy_tasks.models.tasks.Milestone.Kind",
        "CompletionStatusEnum": "policy_tasks.models.workflow.CompletionRequest.Status",
        "ExtensionStatusEnum": "policy_tasks.models.workflow.ExtensionRequest.Status",
        "UnitKindEnum": "accounts.models.Unit.Kind",
    },
    "PATH_CONVERTER_OVERRIDES": {"id": {"type": "integer", "minimum": 1, "maximum": 999999999999999999}},
    # The intranet has no internet: Swagger UI's files come from drf-spectacular-sidecar.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
# API tokens (django-rest-knox): stored as hashes, expiring, revocable (docs/decisions.md).
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=env_int("API_TOKEN_TTL_HOURS", 24 * 7)),
    "AUTH_HEADER_PREFIX": "Token",
}
# Failed logins (django-axes): 5 failures of one username from one address lock that pair out for 30 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# Only the socket's address: X-Forwarded-For is whatever the client writes unless a proxy we trust sets it.
AXES_IPWARE_META_PRECEDENCE_ORDER = env_list("AXES_IP_HEADERS", ["REMOTE_ADDR"])

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

# --- notifications ---
# Reminders (notifications app, docs/notifications.md). Every value comes from the environment.
# Channels a user gets when they have saved no preference of their own.
NOTIFY_DEFAULT_CHANNELS = env_list("NOTIFY_DEFAULT_CHANNELS", ["email", "inbox"])
# SMS quiet hours (Asia/Shanghai wall clock); an SMS due inside them waits for their end.
NOTIFY_QUIET_START = env_str("NOTIFY_QUIET_START") or "22:00"
NOTIFY_QUIET_END = env_str("NOTIFY_QUIET_END") or "08:00"
# When the daily digest goes out (users who chose 每日汇总).
NOTIFY_DIGEST_TIME = env_str("NOTIFY_DIGEST_TIME") or "08:30"
# Retry: attempts in all, exponential backoff base and cap (seconds), claim lease (seconds).
NOTIFY_MAX_ATTEMPTS = env_int("NOTIFY_MAX_ATTEMPTS", 6)
NOTIFY_BACKOFF_BASE_SECONDS = env_int("NOTIFY_BACKOFF_BASE_SECONDS", 60)
NOTIFY_BACKOFF_MAX_SECONDS = env_int("NOTIFY_BACKOFF_MAX_SECONDS", 3600)
NOTIFY_LEASE_SECONDS = env_int("NOTIFY_LEASE_SECONDS", 300)
# A transient failure past the fast attempts: one more try every NOTIFY_SLOW_RETRY_SECONDS (read in
# duban/celery.py, default 3 h) and whenever its channel sends again, until the row is this old.
NOTIFY_RETRY_MAX_AGE_HOURS = env_int("NOTIFY_RETRY_MAX_AGE_HOURS", 72)
NOTIFY_BATCH_SIZE = env_int("NOTIFY_BATCH_SIZE", 50)
# How long one send task keeps claiming batches before it yields the worker (seconds).
NOTIFY_SEND_BUDGET_SECONDS = env_int("NOTIFY_SEND_BUDGET_SECONDS", 50)
# Periodic task intervals are read in duban/celery.py (NOTIFY_SCAN_EVERY_SECONDS=300,
# NOTIFY_SEND_EVERY_SECONDS=60, NOTIFY_RECONCILE_EVERY_SECONDS=300).
# Timeout for one provider HTTP call (SMS, DingTalk), seconds.
NOTIFY_HTTP_TIMEOUT_SECONDS = env_int("NOTIFY_HTTP_TIMEOUT_SECONDS", 10)
# Domain of the stable Message-ID header of reminder e-mails.
NOTIFY_MESSAGE_ID_DOMAIN = env_str("NOTIFY_MESSAGE_ID_DOMAIN") or "duban.local"

# SMS: "console" logs the text (embedded default); "aliyun" calls Dysmsapi SendSms; "tencent"
# calls Tencent Cloud SendSms; "gateway" posts to an office's own HTTP SMS gateway, described
# entirely by SMS_GATEWAY_* (duban/sms_config.py, docs/notifications.md).
SMS_BACKEND = env_str("SMS_BACKEND") or "console"
if SMS_BACKEND not in ("console", "aliyun", "tencent", "gateway"):
    raise ImproperlyConfigured(f"SMS_BACKEND={SMS_BACKEND!r} must be console, aliyun, tencent or gateway")
ALIYUN_SMS_ENDPOINT = env_str("ALIYUN_SMS_ENDPOINT") or "https://dysmsapi.aliyuncs.com/"
ALIYUN_SMS_ACCESS_KEY_ID = env_str("ALIYUN_SMS_ACCESS_KEY_ID") or ""
ALIYUN_SMS_ACCESS_KEY_SECRET = env_str("ALIYUN_SMS_ACCESS_KEY_SECRET") or ""
ALIYUN_SMS_REGION = env_str("ALIYUN_SMS_REGION") or "cn-hangzhou"
ALIYUN_SMS_SIGN_NAME = env_str("ALIYUN_SMS_SIGN_NAME") or ""
ALIYUN_SMS_TEMPLATE_CODE = env_str("ALIYUN_SMS_TEMPLATE_CODE") or ""
if SMS_BACKEND == "aliyun" and not (
    ALIYUN_SMS_ACCESS_KEY_ID and ALIYUN_SMS_ACCESS_KEY_SECRET and ALIYUN_SMS_SIGN_NAME and ALIYUN_SMS_TEMPLATE_CODE
):
    raise ImproperlyConfigured(
        "SMS_BACKEND=aliyun needs ALIYUN_SMS_ACCESS_KEY_ID, ALIYUN_SMS_ACCESS_KEY_SECRET, "
        "ALIYUN_SMS_SIGN_NAME and ALIYUN_SMS_TEMPLATE_CODE"
    )
TENCENT_SMS_ENDPOINT = env_str("TENCENT_SMS_ENDPOINT") or "https://sms.tencentcloudapi.com/"
TENCENT_SMS_SECRET_ID = env_str("TENCENT_SMS_SECRET_ID") or ""
TENCENT_SMS_SECRET_KEY = env_str("TENCENT_SMS_SECRET_KEY") or ""
TENCENT_SMS_REGION = env_str("TENCENT_SMS_REGION") or "ap-guangzhou"
TENCENT_SMS_SDK_APP_ID = env_str("TENCENT_SMS_SDK_APP_ID") or ""
TENCENT_SMS_SIGN_NAME = env_str("TENCENT_SMS_SIGN_NAME") or ""
TENCENT_SMS_TEMPLATE_ID = env_str("TENCENT_SMS_TEMPLATE_ID") or ""
_tencent_missing = [
    name
    for name in ("SECRET_ID", "SECRET_KEY", "SDK_APP_ID", "SIGN_NAME", "TEMPLATE_ID")
    if not globals()[f"TENCENT_SMS_{name}"]
]
if SMS_BACKEND == "tencent" and _tencent_missing:
    raise ImproperlyConfigured(
        f"SMS_BACKEND=tencent needs {', '.join('TENCENT_SMS_' + name for name in _tencent_missing)}"
    )
SMS_GATEWAY = sms_gateway_from_env(os.environ) if SMS_BACKEND == "gateway" else {}
# An SMS whose outcome is unknown is looked up at the provider (Aliyun, Tencent) once it is this
# old (its record and receipt take a while to appear), and again at most this often.
SMS_STATUS_QUERY_AFTER_SECONDS = env_int("SMS_STATUS_QUERY_AFTER_SECONDS", 120)
SMS_STATUS_QUERY_EVERY_SECONDS = env_int("SMS_STATUS_QUERY_EVERY_SECONDS", 600)

# DingTalk (docs/notifications.md "钉钉工作通知与浙政钉"). DINGTALK_MODE=robot: one custom group
# robot (off while the URL is empty); work_notice: a work notification to each person through an
# enterprise internal app, on the public platform (DINGTALK_EDITION=public) or through the
# government gateway of 专有钉钉/浙政钉 (gov), whose requests are signed with the app's key pair.
DINGTALK_MODE = env_str("DINGTALK_MODE") or "robot"
if DINGTALK_MODE not in ("robot", "work_notice"):
    raise ImproperlyConfigured(f"DINGTALK_MODE={DINGTALK_MODE!r} must be robot or work_notice")
DINGTALK_WEBHOOK_URL = env_str("DINGTALK_WEBHOOK_URL") or ""
DINGTALK_SECRET = env_str("DINGTALK_SECRET") or ""
DINGTALK_EDITION = env_str("DINGTALK_EDITION") or "public"
if DINGTALK_EDITION not in ("public", "gov"):
    raise ImproperlyConfigured(f"DINGTALK_EDITION={DINGTALK_EDITION!r} must be public or gov")
DINGTALK_API_BASE = (
    env_str("DINGTALK_API_BASE")
    or {"public": "https://oapi.dingtalk.com", "gov": "https://openplatform.dg-work.cn"}[DINGTALK_EDITION]
).rstrip("/")
# The app's AppKey/AppSecret (gov: the gateway's apiKey/secretKey) and, public edition, its AgentId.
DINGTALK_APP_KEY = env_str("DINGTALK_APP_KEY") or ""
DINGTALK_APP_SECRET = env_str("DINGTALK_APP_SECRET") or ""
DINGTALK_AGENT_ID = env_str("DINGTALK_AGENT_ID") or ""
# Government edition: the organisation (tenant) the app belongs to, and the address and MAC the
# gateway is told in X-Hmac-Auth-IP/-MAC (the ones registered with it).
DINGTALK_GOV_TENANT_ID = env_str("DINGTALK_GOV_TENANT_ID") or ""
DINGTALK_GOV_CLIENT_IP = env_str("DINGTALK_GOV_CLIENT_IP") or ""
DINGTALK_GOV_CLIENT_MAC = env_str("DINGTALK_GOV_CLIENT_MAC") or ""
# Public edition: a sent work notification's result is read back (reconciler) this long after sending.
DINGTALK_READBACK_AFTER_SECONDS = env_int("DINGTALK_READBACK_AFTER_SECONDS", 60)
if DINGTALK_MODE == "work_notice":
    _needed = ["DINGTALK_APP_KEY", "DINGTALK_APP_SECRET"]
    _needed += ["DINGTALK_GOV_TENANT_ID"] if DINGTALK_EDITION == "gov" else ["DINGTALK_AGENT_ID"]
    _missing = [name for name in _needed if not globals()[name]]
    if _missing:
        raise ImproperlyConfigured(
            f"DINGTALK_MODE=work_notice (DINGTALK_EDITION={DINGTALK_EDITION}) needs {', '.join(_missing)}"
        )
    if DINGTALK_EDITION == "public" and not DINGTALK_AGENT_ID.isdigit():
        raise ImproperlyConfigured(f"DINGTALK_AGENT_ID={DINGTALK_AGENT_ID!r} must be the app's numeric AgentId")

# --- observability: request ids, logs, /metrics (docs/operations.md "Logs" and "Metrics") ---
# First in the chain: the request id and the timing cover every other middleware.
MIDDLEWARE = ["duban.middleware.RequestIdMiddleware", "monitoring.middleware.RequestMetricsMiddleware", *MIDDLEWARE]
INSTALLED_APPS += ["monitoring"]
# One line per event on stderr: JSON (DUBAN_LOG_FORMAT=json, the default when DEBUG is off) or text.
LOGGING = logging_config(env_str("LOG_LEVEL") or "INFO")
# Who may read /metrics: these addresses or networks (loopback by default), or a bearer token.
DUBAN_METRICS_ALLOW = env_list("DUBAN_METRICS_ALLOW", ["127.0.0.0/8", "::1"])
DUBAN_METRICS_TOKEN = env_str("DUBAN_METRICS_TOKEN") or ""
for _entry in DUBAN_METRICS_ALLOW:
    try:
        ipaddress.ip_network(_entry, strict=False)
    except ValueError as exc:
        raise ImproperlyConfigured(f"DUBAN_METRICS_ALLOW: {_entry!r} is not an address or network") from exc
# Prometheus scrapes over plain HTTP on the intranet; the HTTPS redirect would send it away.
SECURE_REDIRECT_EXEMPT = [r"^metrics$"]

# --- running in production (issue 13; docs/operations.md) ---
# A database restart leaves every persistent connection dead: test one before a request reuses it,
# instead of answering that request with a 500.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# A Redis that does not answer (host down, packets dropped) fails a publish within seconds:
# starting an export then says the queue is down instead of hanging the request.
if CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": env_int("CELERY_BROKER_CONNECT_TIMEOUT", 3)}
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

# --- health and the beat lease (docs/operations.md "Probes", "One beat") ---
# /healthz and /readyz, answered by the first middleware (duban/health/middleware.py), and the
# beat's heartbeat table.
INSTALLED_APPS += ["duban.health"]
MIDDLEWARE.insert(0, "duban.health.middleware.HealthProbeMiddleware")
# The time each readiness check gets; the probe answers within about this long.
HEALTH_CHECK_TIMEOUT_MS = env_int("HEALTH_CHECK_TIMEOUT_MS", 2000)
# The beat holding the lease writes a heartbeat every few seconds; older than this is "beat gone".
BEAT_HEARTBEAT_MAX_AGE_SECONDS = env_int("BEAT_HEARTBEAT_MAX_AGE_SECONDS", 120)
HEALTH_HOLIDAY_HORIZON_DAYS = 60
# One beat at a time: a standby takes over within this many seconds of the holder stopping.
BEAT_LEASE_SECONDS = env_int("BEAT_LEASE_SECONDS", 30)
if BEAT_LEASE_SECONDS < 3:
    raise ImproperlyConfigured("BEAT_LEASE_SECONDS must be at least 3")
# Checks reported in /readyz that never make it answer 503. The holiday calendar by default: a
# missing yearly notice is fixed by an upgrade, and is no reason to take every web node out.
HEALTH_ADVISORY_CHECKS = env_list("HEALTH_ADVISORY_CHECKS", ["holidays"])
if unknown := set(HEALTH_ADVISORY_CHECKS) - {
    "database",
    "migrations",
    "beat",
    "broker",
    "cache",
    "holidays",
    "storage",
}:
    raise ImproperlyConfigured(f"HEALTH_ADVISORY_CHECKS names unknown checks: {', '.join(sorted(unknown))}")

# --- Security hardening (issue 14: defects found by probing; docs/security.md) ---
# API tokens per user (expired ones do not count); the next sign-in is refused with 403.
REST_KNOX["TOKEN_LIMIT_PER_USER"] = env_int("API_TOKEN_LIMIT_PER_USER", 10)
# JSON bodies: nesting and NUL refused (policy_tasks/api/parsers.py); OPTIONS never builds a serializer.
REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"][0] = "policy_tasks.api.parsers.SafeJSONParser"
REST_FRAMEWORK["DEFAULT_METADATA_CLASS"] = "policy_tasks.api.metadata.NameOnlyMetadata"
# Content-Security-Policy of every page ({nonce} is the request's; duban/middleware.py). Scripts
# only from our own static files; inline <style> only with the nonce (style attributes allowed).
DUBAN_CSP = env_str("DUBAN_CSP") or (
    "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; "
    "style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("duban.middleware.RequestIdMiddleware"), "duban.middleware.ContentSecurityPolicyMiddleware"
)
# The OpenAPI schema and Swagger UI are for signed-in users unless this opens them (policy_tasks/api/docs.py).
DUBAN_PUBLIC_API_DOCS = env_bool("DUBAN_PUBLIC_API_DOCS", False)
# Dates users send must lie between 2000-01-01 and this many years after today (duban/lib/datewindow.py).
DUBAN_DATE_YEARS_AHEAD = env_int("DUBAN_DATE_YEARS_AHEAD", 10)

# --- The audit chain: checkpoints, algorithm, retention, export (issue 14; docs/security.md) ---
# Signed checkpoints of the chain's head go here, one file per run, never overwritten. In
# production a directory on another host or a write-once mount: whoever can rewrite the
# database should not reach it.
AUDIT_CHECKPOINT_DIR = Path(env_str("AUDIT_CHECKPOINT_DIR") or VAR_DIR / "audit-checkpoints")
# HMAC key of checkpoints and exports. Empty: derived from SECRET_KEY (with its own salt), which
# suits development only; production sets its own and keeps it off the database host.
AUDIT_CHECKPOINT_KEY = env_str("AUDIT_CHECKPOINT_KEY") or ""
# The digest new events are chained with: sha256, or sm3 for the national algorithms.
AUDIT_HASH_ALGORITHM = env_str("AUDIT_HASH_ALGORITHM") or "sha256"
if AUDIT_HASH_ALGORITHM not in ("sha256", "sm3"):
    raise ImproperlyConfigured(f"AUDIT_HASH_ALGORITHM={AUDIT_HASH_ALGORITHM!r} must be sha256 or sm3")
# Events are kept at least this long (等保 level 3 asks six months). Nothing deletes them today.
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 183)
if AUDIT_RETENTION_DAYS < 183:
    raise ImproperlyConfigured("AUDIT_RETENTION_DAYS must be at least 183 (six months)")
# How checkpoints are signed: hmac-sha256 (AUDIT_CHECKPOINT_KEY) or sm2 (SM2 with SM3; the writer
# needs the private key, a verifier only the public one). verify_audit trusts only this algorithm.
AUDIT_CHECKPOINT_SIGNATURE = env_str("AUDIT_CHECKPOINT_SIGNATURE") or "hmac-sha256"
AUDIT_SM2_PRIVATE_KEY = env_str("AUDIT_SM2_PRIVATE_KEY") or ""
AUDIT_SM2_PUBLIC_KEY = env_str("AUDIT_SM2_PUBLIC_KEY") or ""
if AUDIT_CHECKPOINT_SIGNATURE not in ("hmac-sha256", "sm2"):
    raise ImproperlyConfigured(f"AUDIT_CHECKPOINT_SIGNATURE={AUDIT_CHECKPOINT_SIGNATURE!r} must be hmac-sha256 or sm2")
if AUDIT_CHECKPOINT_SIGNATURE == "sm2" and not (AUDIT_SM2_PRIVATE_KEY or AUDIT_SM2_PUBLIC_KEY):
    raise ImproperlyConfigured(
        "AUDIT_CHECKPOINT_SIGNATURE=sm2 needs AUDIT_SM2_PRIVATE_KEY (writer) or AUDIT_SM2_PUBLIC_KEY"
    )

# --- Sign-in: second factor, password policy, session timeouts (issue 14; docs/security.md) ---
# TOTP and recovery codes (django-otp). Listed before the project's apps so that policy_tasks' admin
# can take the device admins away (a device changes only through the audited services).
INSTALLED_APPS[INSTALLED_APPS.index("accounts") : INSTALLED_APPS.index("accounts")] = [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
# Admins and supervisors must sign in with a second factor; off only in the DEBUG demo of `make run`,
# which still offers enrolment to everyone.
DUBAN_MFA_REQUIRED = env_bool("DUBAN_MFA_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER") or "督办系统"
# Passwords: length, 3 of 4 character classes, not the username, not one of the last N, expiry (0 = never).
# The validators replace Django's list above (accounts/passwords.py; messages in Chinese).
DUBAN_PASSWORD_MIN_LENGTH = env_int("DUBAN_PASSWORD_MIN_LENGTH", 12)
DUBAN_PASSWORD_HISTORY = env_int("DUBAN_PASSWORD_HISTORY", 5)
DUBAN_PASSWORD_MAX_AGE_DAYS = env_int("DUBAN_PASSWORD_MAX_AGE_DAYS", 90)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "accounts.passwords.MinimumLengthValidator"},
    {"NAME": "accounts.passwords.CharacterClassesValidator"},
    {"NAME": "accounts.passwords.NotUsernameValidator"},
    {"NAME": "accounts.passwords.NotRecentValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sessions end after this long without a request, and this long after sign-in whatever happens.
DUBAN_SESSION_IDLE_MINUTES = env_int("DUBAN_SESSION_IDLE_MINUTES", 30)
DUBAN_SESSION_MAX_HOURS = env_int("DUBAN_SESSION_MAX_HOURS", 12)
# The cookie (and the stored session) lives no longer than the absolute limit; Django's two weeks when off.
SESSION_COOKIE_AGE = DUBAN_SESSION_MAX_HOURS * 3600 or 14 * 24 * 3600
# After authentication: sessions past their time end, a session that skipped the second factor ends.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "accounts.middleware.SignInGuardMiddleware",
)

# --- DingTalk sign-in (docs/dingtalk-signin.md) ---
# Scan on the login page and 免登 in the DingTalk workbench, on when DINGTALK_APP_KEY and
# DINGTALK_APP_SECRET are set (the DingTalk block above); DINGTALK_SIGNIN=0 keeps it off anyway.
DINGTALK_SIGNIN = env_bool("DINGTALK_SIGNIN", True)
# The QR-code page: login.dingtalk.com, or login-pro.ding.zj.gov.cn for DINGTALK_EDITION=gov (empty = that).
DINGTALK_LOGIN_BASE = env_str("DINGTALK_LOGIN_BASE") or ""
# The new API that exchanges a scan's code for the person's own token (public edition only).
DINGTALK_OAUTH_BASE = env_str("DINGTALK_OAUTH_BASE") or "https://api.dingtalk.com"
# 免登: the organisation's corpId and the DingTalk JSAPI the page loads (an intranet may serve its own copy).
DINGTALK_CORP_ID = env_str("DINGTALK_CORP_ID") or ""
DINGTALK_JSAPI_URL = (
    env_str("DINGTALK_JSAPI_URL") or "https://g.alicdn.com/dingding/dingtalk-jsapi/3.0.25/dingtalk.open.js"
)

# --- Transport encryption (issue 14; docs/security.md 「传输加密」) ---
# PostgreSQL: libpq's sslmode and sslrootcert, in DATABASE_URL's query (…/duban?sslmode=verify-full
# &sslrootcert=/etc/duban/db-ca.pem) or these two variables; `check --deploy` warns (duban.W160)
# when a database on another host is reached without at least sslmode=require.
database_tls(
    DATABASES["default"],
    env_str("DATABASE_SSLMODE"),
    env_str("DATABASE_SSLROOTCERT"),
    setting="DATABASE_URL",
)
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
# Behind nginx REMOTE_ADDR is nginx's: from these addresses (the proxy's; empty: none), the X-Real-IP
# header nginx writes is the client's address for the audit trail, lockouts and logs (duban/proxy.py).
DUBAN_TRUSTED_PROXIES = env_list("DUBAN_TRUSTED_PROXIES")
for _entry in DUBAN_TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_entry, strict=False)
    except ValueError as exc:
        raise ImproperlyConfigured(f"DUBAN_TRUSTED_PROXIES: {_entry!r} is not an address or network") from exc
MIDDLEWARE.insert(0, "duban.proxy.ClientAddressMiddleware")

# --- Error pages in development (issue 15) ---
# With DEBUG on, 404 and 500 answer with our Chinese pages (JSON under /api/) as in production;
# DUBAN_DEBUG_ERROR_PAGES=1 brings back Django's technical pages (tracebacks, the URL list).
DUBAN_DEBUG_ERROR_PAGES = env_bool("DUBAN_DEBUG_ERROR_PAGES", False)
MIDDLEWARE.append("duban.errors.DebugErrorPagesMiddleware")

# The issuing office printed on 督办单 and 通报 (版头, 落款, 版记) and whose numbers these are;
# the 督办单 number pattern with {year} and {n}; the fonts a .docx names (Word uses them where
# installed, else its own substitute; the PDF embeds the shipped open font). docs/operations.md.
DUBAN_BULLETIN_ISSUER = env_str("DUBAN_BULLETIN_ISSUER") or "督查室"
DUBAN_URGE_NUMBER_PATTERN = env_str("DUBAN_URGE_NUMBER_PATTERN") or "柯督〔{year}〕第{n}号"
try:
    if "{n}" not in DUBAN_URGE_NUMBER_PATTERN:
        raise ValueError("{n} is missing")
    DUBAN_URGE_NUMBER_PATTERN.format(year=2026, n=1)
except (KeyError, IndexError, ValueError) as exc:
    raise ImproperlyConfigured(
        f"DUBAN_URGE_NUMBER_PATTERN={DUBAN_URGE_NUMBER_PATTERN!r}: use {{year}} and {{n}}, e.g. 柯督〔{{year}}〕第{{n}}号 ({exc})"
    ) from None
DUBAN_OFFICIAL_FONTS = env_list("DUBAN_OFFICIAL_FONTS", ["方正小标宋简体", "仿宋_GB2312"])
# A 督办单 past its reply date unanswered is raised a level with a new reply date this many
# working days on (policy_tasks/services/urge_escalation.py).
DUBAN_URGE_ESCALATION_REPLY_WORKDAYS = env_int("DUBAN_URGE_ESCALATION_REPLY_WORKDAYS", 3)
