"""The accounts admin with every change on the audit chain (issue 14).

accounts cannot import the audit trail (it sits below policy_tasks), so its admin classes are
registered again here with the recording added. Django's admin saves an object and its inlines
inside one transaction (`changeform_view`), so each event commits or vanishes with its change.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.forms.models import model_to_dict
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import admin as accounts_admin
from accounts.models import Membership, RoleGrant, User
from policy_tasks.errors import Forbidden
from policy_tasks.services.audit import RequestMeta, actor_for, audit_record
from policy_tasks.services.signin import second_factor_reset

# What an event calls each model, and the fields never copied into an event.
_NAMES = {User: "account.user", RoleGrant: "account.role_grant", Membership: "account.membership"}
_SECRET = {"password", "password1", "password2", "usable_password", "last_login"}

# django-otp's own device admins would show TOTP secrets and delete devices off the chain.
for _device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device_model):
        admin.site.unregister(_device_model)


def _plain(value: Any) -> Any:
    """A form's or model_to_dict's value as JSON can hold it (related objects by their id)."""
    if isinstance(value, list | tuple | set) or hasattr(value, "all"):
        items = value.all() if hasattr(value, "all") else value
        return sorted(getattr(v, "pk", v) for v in items)
    return getattr(value, "pk", value)


def _values(obj: Any, fields: list[str] | None = None) -> dict:
    return {k: _plain(v) for k, v in model_to_dict(obj, fields=fields).items() if k not in _SECRET}


def _record(request, obj, verb: str, *, before: dict | None = None, after: dict | None = None) -> None:
    audit_record(
        actor=actor_for(request.user, role="admin", meta=RequestMeta.from_request(request)),
        action=f"{_NAMES[type(obj)]}_{verb}",
        obj=obj,
        before=before,
        after=after,
        reason="管理后台",
    )


class AuditedModelAdmin(admin.ModelAdmin):
    """save_model, delete_model and the inlines' saves, each followed by its event."""

    def save_model(self, request, obj, form, change):
        changed = [f for f in form.changed_data if f not in _SECRET]
        before = {f: _plain(form.initial.get(f)) for f in changed} if change else None
        super().save_model(request, obj, form, change)
        if change and not changed:
            return
        _record(request, obj, "changed" if change else "added", before=before, after=_values(obj, changed or None))

    def delete_model(self, request, obj):
        _record(request, obj, "deleted", before=_values(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            _record(request, obj, "deleted", before=_values(obj))
        super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change):
        deleted = [(f.instance, _values(f.instance)) for f in formset.deleted_forms if f.instance.pk]
        for obj, values in deleted:
            _record(request, obj, "deleted", before=values)
        initial = {f.instance.pk: f.initial for f in formset.initial_forms}
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            _record(request, obj, "added", after=_values(obj))
        for obj, fields in formset.changed_objects:
            before = {f: _plain(initial.get(obj.pk, {}).get(f)) for f in fields}
            _record(request, obj, "changed", before=before, after=_values(obj, fields))


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


for _model in (User, RoleGrant, Membership):
    admin.site.unregister(_model)


@admin.register(User)
class UserAdmin(AuditedModelAdmin, accounts_admin.UserAdmin):
    actions = [reset_second_factor]


@admin.register(RoleGrant)
class RoleGrantAdmin(AuditedModelAdmin, accounts_admin.RoleGrantAdmin):
    pass


@admin.register(Membership)
class MembershipAdmin(AuditedModelAdmin, accounts_admin.MembershipAdmin):
    pass
