"""Reminders (notifications app, docs/notifications.md): retries and batches, SMS providers,
DingTalk. Every value comes from the environment."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from duban.env import env_int, env_list, env_str
from duban.sms_config import sms_gateway_from_env

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
