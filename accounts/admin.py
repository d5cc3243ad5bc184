from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import Membership, RoleGrant, Unit, UnitAlias, User

admin.site.site_header = "督办系统管理"
admin.site.site_title = "督办系统"
admin.site.index_title = "管理首页"


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["unit"]


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 0
    readonly_fields = ["granted_at"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "display_name", "email", "phone", "is_active"]
    search_fields = ["username", "display_name", "email", "phone"]
    fieldsets = (*(BaseUserAdmin.fieldsets or ()), ("督办", {"fields": ["display_name", "phone", "dingtalk_userid"]}))
    inlines = [MembershipInline, RoleGrantInline]


class UnitAliasInline(admin.TabularInline):
    model = UnitAlias
    extra = 0
    fields = ["alias"]


class MemberUnitInline(admin.TabularInline):
    """A group's member units (the townships of 各乡镇街道): what a task's share is split among."""

    model = Unit
    fk_name = "parent"
    extra = 0
    fields = ["name", "short_name", "kind", "is_active"]
    verbose_name = "成员单位"
    verbose_name_plural = "成员单位（分解任务时可选的下级单位）"


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "aliases__alias"]
    autocomplete_fields = ["parent"]
    inlines = [UnitAliasInline, MemberUnitInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "unit", "role"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__display_name", "unit__name"]
    autocomplete_fields = ["user", "unit"]


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "granted_at", "revoked_at"]
    list_filter = ["role"]
