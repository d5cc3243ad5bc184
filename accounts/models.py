from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q

from accounts.names import normalise_unit_name
from duban.lib import clock

phone_validator = RegexValidator(r"^\+?\d{6,15}$", "请输入有效的手机号码")


class User(AbstractUser):
    """A person. Units and global roles are separate rows so both can change with history."""

    display_name = models.CharField("姓名", max_length=64, blank=True)
    phone = models.CharField("手机号", max_length=20, blank=True, validators=[phone_validator])
    # Filled once from the mobile number by the DingTalk channel, or by an admin; sign-in with
    # DingTalk maps a person to an account by it, so two accounts may never share one.
    dingtalk_userid = models.CharField("钉钉用户ID", max_length=64, blank=True)

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"
        constraints = [
            models.UniqueConstraint(
                fields=["dingtalk_userid"], condition=~Q(dingtalk_userid=""), name="user_dingtalk_userid_unique"
            )
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    def save(self, *args, **kwargs) -> None:
        # An API token is a credential issued for a password: when the password changes (the
        # admin's form, `changepassword`, a page, the shell: all end here, where Django itself
        # notices the change), the tokens go with it, as sessions do. Here rather than in each
        # entry point so none can forget; knox's rows are deleted by their foreign key.
        # The history (recent passwords refused, expiry) is kept here for the same reason.
        # AbstractBaseUser._password: the raw password set since loading; private, so not in the stubs.
        password_changed = self._password is not None  # type: ignore[attr-defined]
        super().save(*args, **kwargs)
        if password_changed:
            from knox.models import AuthToken

            AuthToken.objects.filter(user=self).delete()
            PasswordHistory.objects.create(user=self, password=self.password, created_at=clock.now())


class UnitQuerySet(models.QuerySet):
    def resolve(self, name: str) -> Unit | None:
        """The unit a written name refers to: its canonical name or any alias."""
        key = normalise_unit_name(name)
        unit = self.filter(normalised_name=key).first()
        if unit is not None:
            return unit
        alias = UnitAlias.objects.filter(normalised_alias=key).select_related("unit").first()
        return alias.unit if alias else None


class Unit(models.Model):
    class Kind(models.TextChoices):
        DEPARTMENT = "department", "部门"
        GROUP = "group", "单位群组"
        COMPANY = "company", "企业"

    name = models.CharField("规范名称", max_length=128, unique=True)
    normalised_name = models.CharField(max_length=128, unique=True, editable=False, verbose_name="规范化名称")
    short_name = models.CharField("简称", max_length=64, blank=True)
    kind = models.CharField("类型", max_length=16, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey(
        "self", verbose_name="上级单位", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    is_active = models.BooleanField("启用", default=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = "责任单位"
        verbose_name_plural = "责任单位"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # A derived lookup key, not business logic: keeps resolve() an indexed equality.
        self.normalised_name = normalise_unit_name(self.name)
        super().save(*args, **kwargs)


class UnitAlias(models.Model):
    """Another name of one unit (商务局 for 区经信局, or the written form 区经信局<商务局>)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="aliases", verbose_name="单位")
    alias = models.CharField("别名", max_length=128)
    normalised_alias = models.CharField(max_length=128, unique=True, editable=False)

    class Meta:
        verbose_name = "单位别名"
        verbose_name_plural = "单位别名"

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs):
        self.normalised_alias = normalise_unit_name(self.alias)
        super().save(*args, **kwargs)


class MembershipQuerySet(models.QuerySet["Membership"]):
    def acting(self) -> MembershipQuerySet:
        """Memberships of active units: a unit switched off (merged, abolished) no longer acts
        through its members, in lists, object checks and whom a notice reaches alike."""
        return self.filter(unit__is_active=True)


class Membership(models.Model):
    class Role(models.TextChoices):
        CLERK = "clerk", "经办人"
        HEAD = "head", "负责人"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name="用户")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="memberships", verbose_name="单位")
    role = models.CharField("角色", max_length=16, choices=Role.choices, default=Role.CLERK)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = "单位成员"
        verbose_name_plural = "单位成员"
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="membership_user_unit_unique")]
        indexes = [models.Index(fields=["unit", "role"])]

    def __str__(self) -> str:
        return f"{self.user} @ {self.unit} ({self.get_role_display()})"


class RoleGrantQuerySet(models.QuerySet["RoleGrant"]):
    def active(self) -> RoleGrantQuerySet:
        """Grants in force: a grant counts until it is revoked (its SQL twin: roles.active_grant_sql)."""
        return self.filter(revoked_at=None)


class RoleGrant(models.Model):
    """A global role. A supervisor's scope (documents or areas) is kept by
    policy_tasks.SupervisionScope pointing here; no scope rows means everything."""

    class Role(models.TextChoices):
        SUPERVISOR = "supervisor", "督查员"
        LEADER = "leader", "区领导"
        ADMIN = "admin", "管理员"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants", verbose_name="用户")
    role = models.CharField("角色", max_length=16, choices=Role.choices)
    granted_at = models.DateTimeField("授予时间", auto_now_add=True)
    revoked_at = models.DateTimeField("撤销时间", null=True, blank=True)

    objects = RoleGrantQuerySet.as_manager()

    class Meta:
        verbose_name = "全局角色"
        verbose_name_plural = "全局角色"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role"], condition=Q(revoked_at=None), name="rolegrant_active_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"


class PasswordHistory(models.Model):
    """A password the user has had (its hash), so a new one can be refused as a recent one
    and its age read for expiry. Written by User.save whenever the password changes."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="password_history", verbose_name="用户")
    password = models.CharField(max_length=128)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "历史密码"
        verbose_name_plural = "历史密码"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} 的历史密码"
