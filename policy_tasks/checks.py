"""Production refusals: `manage.py check --deploy` fails when DEBUG is off and the
settings are still the embedded defaults that make `make run` work on a bare machine.

SQLite and the filesystem broker hold their state on one node's disk; the console SMS
backend drops every text message; the demo accounts have a password printed in the README.
Each is fine for a newcomer and wrong for a district's real users.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.core.checks import Error, register
from django.core.checks import Warning as CheckWarning
from django.db import DatabaseError

from accounts.models import User
from policy_tasks import checks_transport  # noqa: F401 (registers duban.W160-W163: encrypted transport)
from policy_tasks.services.demo import DEMO_EMAIL_DOMAIN, DEMO_GLOBAL_USERNAMES, DEMO_PASSWORD

# Brokers whose messages live in one process or on one disk: a second node never sees them.
LOCAL_BROKERS = {"filesystem", "memory"}
# Caches that each process keeps for itself: a limit counted there is multiplied by the workers.
PER_PROCESS_CACHES = {"LocMemCache", "DummyCache", "FileBasedCache"}
# Superusers are few; trying the demo password on more would make the check slow (PBKDF2).
SUPERUSERS_TRIED = 10


@register(deploy=True)
def embedded_defaults(app_configs, **kwargs) -> list[Error]:
    if settings.DEBUG:
        return []
    errors = []
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        errors.append(
            Error(
                "生产环境（DEBUG 关闭）不能使用 SQLite 数据库。",
                hint="设置 DATABASE_URL=postgres://用户:密码@主机:5432/库名 (SQLite is for development only).",
                id="duban.E001",
            )
        )
    if urlsplit(settings.CELERY_BROKER_URL).scheme in LOCAL_BROKERS:
        errors.append(
            Error(
                f"生产环境（DEBUG 关闭）不能使用本机文件或内存消息队列（{settings.CELERY_BROKER_URL}）。",
                hint="设置 CELERY_BROKER_URL=redis://主机:6379/0 (the filesystem/memory broker is for development only).",
                id="duban.E002",
            )
        )
    if settings.SMS_BACKEND == "console":
        errors.append(
            Error(
                "生产环境（DEBUG 关闭）短信通道仍为 console：短信只写入日志，不会发出。",
                hint="设置 SMS_BACKEND=aliyun、tencent 或 gateway 及其配置 (the console SMS backend sends nothing).",
                id="duban.E003",
            )
        )
    if str(settings.CACHES["default"]["BACKEND"]).rsplit(".", 1)[-1] in PER_PROCESS_CACHES:
        errors.append(
            Error(
                "生产环境（DEBUG 关闭）缓存不是各进程、各节点共用的：登录限流和会话各算各的，限流形同虚设。",
                hint="设置 CACHE_URL=redis://主机:6379/1 (throttles and sessions need one cache shared by all processes).",
                id="duban.E006",
            )
        )
    return errors


@register(deploy=True)
def demo_accounts(app_configs, **kwargs) -> list[Error]:
    """Demo accounts are found by their e-mail domain (set by load_demo); the published
    password is tried on the demo's global accounts and a few superusers only, so the
    check costs a handful of hashes however many users there are."""
    if settings.DEBUG:
        return []
    try:
        active = User.objects.filter(is_active=True)
        demo_count = active.filter(email__iendswith=f"@{DEMO_EMAIL_DOMAIN}").count()
        tried = list(active.filter(username__in=DEMO_GLOBAL_USERNAMES).values_list("username", "password")) + list(
            active.filter(is_superuser=True)
            .exclude(username__in=DEMO_GLOBAL_USERNAMES)
            .order_by("pk")
            .values_list("username", "password")[:SUPERUSERS_TRIED]
        )
    except DatabaseError:
        # No database yet (a build step, CI before migrate): there is no account to find.
        return []
    errors = []
    if demo_count:
        errors.append(
            Error(
                f"生产环境（DEBUG 关闭）存在 {demo_count} 个演示账号（邮箱 @{DEMO_EMAIL_DOMAIN}），其密码是公开的。",
                hint="在管理后台停用或删除这些账号 (demo accounts created by load_demo must not exist in production).",
                id="duban.E004",
            )
        )
    weak = sorted(username for username, encoded in tried if check_password(DEMO_PASSWORD, encoded))
    if weak:
        errors.append(
            Error(
                f"生产环境（DEBUG 关闭）账号 {', '.join(weak)} 的密码是公开的演示密码。",
                hint="用 manage.py changepassword 修改这些账号的密码 (the demo password is published in the README).",
                id="duban.E005",
            )
        )
    return errors


@register("duban_audit", deploy=True)
def audit_checkpoint_settings(app_configs, **kwargs) -> list[CheckWarning]:
    """A warning, not a refusal: the derived key and the local directory work, they only protect
    less (whoever reads SECRET_KEY on the web host can re-sign a checkpoint; whoever owns the
    disk next to the database can delete them)."""
    if settings.DEBUG:
        return []
    warnings = []
    if not settings.AUDIT_CHECKPOINT_KEY:
        warnings.append(
            CheckWarning(
                "审计检查点和导出的签名密钥由 SECRET_KEY 派生：拿到 SECRET_KEY 的人就能重签检查点。",
                hint="设置 AUDIT_CHECKPOINT_KEY 为单独的随机密钥，并且不放在数据库主机上 (docs/operations.md).",
                id="duban.W140",
            )
        )
    if Path(settings.AUDIT_CHECKPOINT_DIR).resolve().is_relative_to(Path(settings.VAR_DIR).resolve()):
        warnings.append(
            CheckWarning(
                f"审计检查点写在本机数据目录（{settings.AUDIT_CHECKPOINT_DIR}），与应用同处一台主机。",
                hint="设置 AUDIT_CHECKPOINT_DIR 为另一台主机的挂载或只追加（WORM）存储 (docs/operations.md).",
                id="duban.W141",
            )
        )
    return warnings
