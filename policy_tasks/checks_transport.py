"""`check --deploy` warns when, with DEBUG off, a connection to another host crosses the network in
clear: PostgreSQL without sslmode=require or stronger, Redis without TLS or without a password,
SMTP without STARTTLS or TLS. Servers on this machine (loopback, a Unix socket) are not judged:
nothing crosses a network. Warnings, not refusals: the connection works, it protects less
(docs/security.md 「传输加密」).
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Warning as CheckWarning
from django.core.checks import register

from duban.transport import database_encrypted, is_local_host, redis_facts, smtp_facts


def _database(config: dict) -> list[CheckWarning]:
    if config["ENGINE"].endswith("sqlite3") or is_local_host(config.get("HOST")):
        return []
    if database_encrypted(config):
        return []
    mode = (config.get("OPTIONS") or {}).get("sslmode") or "prefer（默认）"
    return [
        CheckWarning(
            f"数据库 {config['HOST']} 在另一台主机上，连接的 sslmode 为 {mode}：账号密码和数据可能明文经过网络。",
            hint="在 DATABASE_URL 后加 ?sslmode=verify-full&sslrootcert=/etc/duban/db-ca.pem（或设 DATABASE_SSLMODE），"
            "服务器开启 ssl (docs/security.md「传输加密」).",
            id="duban.W160",
        )
    ]


def _redis(name: str, url: str) -> list[CheckWarning]:
    if not url.startswith(("redis://", "rediss://", "unix://")):
        return []
    local, encrypted, password = redis_facts(url)
    if local:
        return []
    warnings = []
    if not encrypted:
        warnings.append(
            CheckWarning(
                f"{name} 指向另一台主机上的 Redis，未加密（redis://）：任务消息、会话和缓存明文经过网络。",
                hint=f"改用 {name}=rediss://:密码@主机:6380/N，私有 CA 用 REDIS_TLS_CA_FILE (docs/security.md「传输加密」).",
                id="duban.W161",
            )
        )
    if not password:
        warnings.append(
            CheckWarning(
                f"{name} 指向另一台主机上的 Redis，没有密码：网络上任何人都能读写任务队列和会话。",
                hint="Redis 设 requirepass（或 ACL 用户），URL 写成 rediss://:密码@主机:6380/N (docs/security.md「传输加密」).",
                id="duban.W162",
            )
        )
    return warnings


def _smtp() -> list[CheckWarning]:
    if not settings.EMAIL_BACKEND.endswith("smtp.EmailBackend"):
        return []
    local, encrypted = smtp_facts(settings.EMAIL_HOST, settings.EMAIL_USE_TLS, settings.EMAIL_USE_SSL)
    if local or encrypted:
        return []
    return [
        CheckWarning(
            f"邮件服务器 {settings.EMAIL_HOST} 在另一台主机上，未启用 STARTTLS 或 TLS：邮箱密码和提醒内容明文经过网络。",
            hint="设 EMAIL_USE_TLS=true（STARTTLS，端口 587）或 EMAIL_USE_SSL=true（端口 465） (docs/security.md「传输加密」).",
            id="duban.W163",
        )
    ]


@register("duban_transport", deploy=True)
def transport_encryption(app_configs, **kwargs) -> list[CheckWarning]:
    if settings.DEBUG:
        return []
    return [
        *_database(settings.DATABASES["default"]),
        *_redis("CELERY_BROKER_URL", settings.CELERY_BROKER_URL),
        *_redis("CACHE_URL", getattr(settings, "CACHE_URL", "") or ""),
        *_smtp(),
    ]
