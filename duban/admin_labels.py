"""Chinese names for the third-party apps and models the admin shows (axes, knox, django-otp, beat).

Their own catalogues have no Simplified Chinese (axes, knox) or leave names untranslated, so the
admin was half English. The names are set on the app and model options at start-up: migrations
read a field's original `verbose_name` and a model's declared Meta, so no migration changes.
"""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.timezone import localtime

APPS = {
    "auth": "认证和授权",
    "axes": "登录锁定",
    "knox": "API 令牌",
    "django_otp": "双因素认证",
    "otp_totp": "双因素认证（动态口令）",
    "otp_static": "双因素认证（备用码）",
    "django_celery_beat": "定时任务",
    "monitoring": "运行监控",
    "sessions": "会话",
    "contenttypes": "内容类型",
}

# model label -> (verbose_name, verbose_name_plural, {field: verbose_name})
_ATTEMPT_FIELDS = {
    "user_agent": "浏览器标识",
    "ip_address": "IP 地址",
    "username": "用户名",
    "http_accept": "HTTP Accept 头",
    "path_info": "路径",
    "attempt_time": "时间",
}
MODELS = {
    "axes.AccessAttempt": (
        "登录失败计数",
        "登录失败计数",
        {**_ATTEMPT_FIELDS, "get_data": "GET 参数", "post_data": "POST 参数", "failures_since_start": "失败次数"},
    ),
    "axes.AccessLog": (
        "登录记录",
        "登录记录",
        {**_ATTEMPT_FIELDS, "logout_time": "退出时间", "session_hash": "会话标识摘要（sha256）"},
    ),
    "axes.AccessFailureLog": ("登录失败记录", "登录失败记录", {**_ATTEMPT_FIELDS, "locked_out": "已锁定"}),
    "axes.AccessAttemptExpiration": (
        "登录锁定期限",
        "登录锁定期限",
        {"access_attempt": "登录失败计数", "expires_at": "到期时间"},
    ),
    "knox.AuthToken": (
        "API 令牌",
        "API 令牌",
        {"digest": "摘要", "token_key": "令牌前缀", "user": "用户", "created": "创建时间", "expiry": "到期时间"},
    ),
    "otp_totp.TOTPDevice": ("动态口令设备", "动态口令设备", {"user": "用户", "name": "名称", "confirmed": "已确认"}),
    "otp_static.StaticDevice": ("备用码设备", "备用码设备", {"user": "用户", "name": "名称", "confirmed": "已确认"}),
    "otp_static.StaticToken": ("备用码", "备用码", {"device": "设备", "token": "备用码"}),
    "django_celery_beat.PeriodicTask": ("周期性任务", "周期性任务", {"task": "任务名称"}),
}


def _when(moment) -> str:
    return f"{localtime(moment):%Y-%m-%d %H:%M:%S}" if moment else ""


# Their own names are English sentences ("Access Log for … @ …"); the admin lists rows by them.
NAMES = {
    "axes.AccessAttempt": lambda o: f"{o.username} 登录失败 {o.failures_since_start} 次（{o.ip_address}）",
    "axes.AccessLog": lambda o: f"{o.username} 于 {_when(o.attempt_time)} 登录",
    "axes.AccessFailureLog": lambda o: (
        f"{o.username} 于 {_when(o.attempt_time)} 登录失败" + ("，已锁定" if o.locked_out else "")
    ),
    "knox.AuthToken": lambda o: f"{o.user} 的令牌 {o.token_key}…",
}


_PERMISSION_VERBS = {"add": "添加", "change": "修改", "delete": "删除", "view": "查看"}


def _permission_str(permission) -> str:
    # Django stores "Can add access attempt" at migrate time; the user and group pages list these.
    verb, _, model_name = permission.codename.partition("_")
    model = permission.content_type.model_class()
    if verb in _PERMISSION_VERBS and model is not None and model._meta.model_name == model_name:
        return f"{permission.content_type} | 可{_PERMISSION_VERBS[verb]}{model._meta.verbose_name}"
    return f"{permission.content_type} | {permission.name}"


def relabel() -> None:
    """Give every installed third-party app and model named here its Chinese name."""
    from django.contrib.auth.models import Permission

    # Patched in place: third-party classes, named in Chinese without subclassing them.
    setattr(Permission, "__str__", _permission_str)  # noqa: B010
    for config in apps.get_app_configs():
        if config.label in APPS:
            config.verbose_name = APPS[config.label]
    for label, (name, plural, fields) in MODELS.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        if label in NAMES:
            setattr(model, "__str__", NAMES[label])  # noqa: B010
        model._meta.verbose_name = name
        model._meta.verbose_name_plural = plural
        for field_name, field_label in fields.items():
            try:
                model._meta.get_field(field_name).verbose_name = field_label
            except FieldDoesNotExist:  # a field a newer release renamed keeps its own name
                continue
