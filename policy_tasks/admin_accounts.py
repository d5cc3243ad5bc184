"""The accounts admin's second-factor reset, a supervisor's scope on the role grant, and no
admin for django-otp's devices (issue 14).

accounts cannot import the audit trail (it sits below policy_tasks), so the user admin is
registered again here with the audited reset action. Every change of users, role grants and
memberships, in the admin or anywhere else, reaches the chain through `audit_signals.watch`.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import admin as accounts_admin
from accounts.models import RoleGrant, User
from policy_tasks.errors import Forbidden
from policy_tasks.models import SupervisionScope
from policy_tasks.services.audit import RequestMeta, actor_for
from policy_tasks.services.signin import second_factor_reset

# django-otp's own device admins would show TOTP secrets and delete devices off the chain.
for _device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device_model):
        admin.site.unregister(_device_model)


@admin.action(description="重置所选用户的双因素认证（须重新设置）")
def reset_second_factor(modeladmin, request, queryset):
    actor = actor_for(request.user, meta=RequestMeta.from_request(request))
    try:
        for user in queryset:
            second_factor_reset(user=user, actor=actor, reason="管理后台重置")
    except Forbidden as exc:
        modeladmin.message_user(request, exc.message, level=messages.ERROR)
        return
    modeladmin.message_user(request, f"已重置 {queryset.count()} 个用户的双因素认证，已记入审计链。")


admin.site.unregister(User)


@admin.register(User)
class UserAdmin(accounts_admin.UserAdmin):
    actions = [reset_second_factor]


class SupervisionScopeInline(admin.TabularInline):
    """Where a supervisor's grant reaches: one document (or one area of it) per row; none means
    every document. Lives here because the scope belongs to policy_tasks, the grant to accounts."""

    model = SupervisionScope
    extra = 0
    autocomplete_fields = ["document"]
    fields = ["document", "area"]


admin.site.unregister(RoleGrant)


@admin.register(RoleGrant)
class RoleGrantAdmin(accounts_admin.RoleGrantAdmin):
    inlines = [SupervisionScopeInline]
