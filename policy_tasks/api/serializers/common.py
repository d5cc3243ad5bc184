"""Small shapes several resources embed: a unit, a person, a light."""

from __future__ import annotations

from rest_framework import serializers

from accounts.models import Membership, RoleGrant, Unit, UnitAlias, User
from policy_tasks.selectors.lights_reasons import Light

LIGHTS = Light.choices


class LightField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("help_text", "红黄绿灯（按今天计算）")
        super().__init__(choices=LIGHTS, **kwargs)


class UnitBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "name", "short_name"]


class UnitSerializer(serializers.ModelSerializer):
    aliases: serializers.SlugRelatedField[UnitAlias] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="alias"
    )

    class Meta:
        model = Unit
        fields = ["id", "name", "short_name", "kind", "parent", "is_active", "aliases"]


class UserBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "display_name"]


class MembershipSerializer(serializers.ModelSerializer):
    unit = UnitBriefSerializer()

    class Meta:
        model = Membership
        fields = ["unit", "role"]


class MeSerializer(serializers.ModelSerializer):
    units = MembershipSerializer(source="unit_memberships", many=True, help_text="所属单位及在单位中的角色")
    roles = serializers.ListField(
        child=serializers.ChoiceField(choices=RoleGrant.Role.choices), help_text="全局角色：督查员、区领导、管理员"
    )

    class Meta:
        model = User
        fields = ["id", "username", "display_name", "email", "phone", "units", "roles"]
