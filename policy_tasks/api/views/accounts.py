"""The caller (`me`) and the units (departments) tasks are assigned to."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from accounts import roles
from accounts.models import RoleGrant, Unit
from policy_tasks.api.base import BaseApi
from policy_tasks.api.filters import UnitFilter
from policy_tasks.api.serializers.common import MeSerializer, UnitSerializer
from policy_tasks.api.views.common import ScopedDetailApi, ScopedListApi


class MeApi(BaseApi):
    permission_action = "signed_in"

    @extend_schema(tags=["auth"], summary="当前用户：所属单位及角色、全局角色", responses={200: MeSerializer})
    def get(self, request):
        user = request.user
        user.roles = sorted(roles.active_roles(user))
        if user.is_superuser and RoleGrant.Role.ADMIN not in user.roles:
            user.roles.append(RoleGrant.Role.ADMIN)
        user.unit_memberships = roles.memberships(user)
        return Response(MeSerializer(user).data)


@extend_schema_view(get=extend_schema(tags=["units"], summary="责任单位列表"))
class UnitListApi(ScopedListApi):
    permission_action = "signed_in"
    serializer_class = UnitSerializer
    filterset_class = UnitFilter
    ordering_fields = ["id", "name"]

    def get_queryset(self):
        return Unit.objects.prefetch_related("aliases")


@extend_schema_view(get=extend_schema(tags=["units"], summary="责任单位详情"))
class UnitDetailApi(ScopedDetailApi):
    permission_action = "signed_in"
    serializer_class = UnitSerializer

    def get_queryset(self):
        return Unit.objects.prefetch_related("aliases")
