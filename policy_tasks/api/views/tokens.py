"""Tokens for scripts (django-rest-knox): issued at sign-in, revoked at sign-out; the lockout answer is accounts.lockout's.

Knox stores only a hash of each token, gives it an expiry and deletes it on
logout; the plain token is shown once, when issued. Logins go through
django.contrib.auth.authenticate with the request, so axes counts failures
and locks the username+address out (docs/decisions.md).
"""

from __future__ import annotations

from django.contrib.auth import authenticate, user_logged_in, user_logged_out
from django.db.models import Q
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from knox.models import AuthToken
from knox.settings import knox_settings
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from accounts.models import User
from accounts.passwords import password_expired
from accounts.signin import has_second_factor, mfa_required_for
from duban.lib import clock
from policy_tasks.api.authentication import TokenOrBearerAuthentication
from policy_tasks.api.base import BaseApi
from policy_tasks.api.errors import (
    InvalidCredentials,
    LockedOut,
    SecondFactorInvalid,
    SecondFactorRequired,
    SignInIncomplete,
    TokenLimit,
)
from policy_tasks.api.schema import errors_for
from policy_tasks.services.audit import RequestMeta
from policy_tasks.services.signin import second_factor_verify, signin_succeeded


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(label="用户名", max_length=150)
    password = serializers.CharField(
        label="密码", max_length=128, trim_whitespace=False, style={"input_type": "password"}
    )
    otp = serializers.CharField(
        label="动态验证码",
        max_length=32,
        required=False,
        allow_blank=True,
        help_text="已启用双因素认证的账号必填：验证器显示的 6 位数字，或一个恢复码（用后作废）",
    )


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(label="令牌", help_text="只在此时显示一次；服务器只保存其哈希")
    expiry = serializers.DateTimeField(label="过期时间", allow_null=True)


def refuse_over_limit(user: User) -> None:
    """knox's TOKEN_LIMIT_PER_USER, which only its own LoginView applies: live tokens only."""
    limit = knox_settings.TOKEN_LIMIT_PER_USER
    if limit is None:
        return
    live = AuthToken.objects.filter(user=user).filter(Q(expiry__gt=timezone.now()) | Q(expiry__isnull=True))
    if live.count() >= limit:
        raise TokenLimit(f"令牌数量已达上限（{limit} 个），请先吊销不再使用的令牌（POST /api/v1/auth/logout/）")


class TokenObtainApi(BaseApi):
    permission_action = "public"
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(
        operation_id="auth_token_create",
        tags=["auth"],
        summary="用户名密码换取 API 令牌",
        request=TokenRequestSerializer,
        responses={200: TokenSerializer, **errors_for(400, 401, 403, 429)},
        auth=[],
    )
    def post(self, request):
        data = self.validated(TokenRequestSerializer, request.data)
        # axes reads the HttpRequest, not DRF's wrapper, and flags it when locked.
        raw_request = request._request
        user = authenticate(request=raw_request, username=data["username"], password=data["password"])
        if user is None:
            if getattr(raw_request, "axes_locked_out", False):
                raise LockedOut()
            raise InvalidCredentials()
        method = self.second_factor(user, data.get("otp") or "", RequestMeta.from_request(raw_request))
        if password_expired(user, now=clock.now()):
            raise SignInIncomplete("密码已过期，请先在网页上登录并修改密码")
        refuse_over_limit(user)
        instance, token = AuthToken.objects.create(user=user, expiry=knox_settings.TOKEN_TTL)
        user_logged_in.send(sender=user.__class__, request=raw_request, user=user)
        signin_succeeded(user=user, method=method, meta=RequestMeta.from_request(raw_request))
        return Response(TokenSerializer({"token": token, "expiry": instance.expiry}).data)

    @staticmethod
    def second_factor(user: User, otp: str, meta: RequestMeta) -> str:
        """The sign-in method once the second factor (if the account has or needs one) is satisfied."""
        if has_second_factor(user):
            if not otp.strip():
                raise SecondFactorRequired()
            if second_factor_verify(user=user, code=otp, meta=meta) is None:
                raise SecondFactorInvalid()
            return "token+otp"
        if mfa_required_for(user):
            raise SignInIncomplete("管理员和督查员须先在网页上登录并设置双因素认证，之后才能获取 API 令牌")
        return "token"


class LogoutApi(BaseApi):
    permission_action = "token"
    authentication_classes = [TokenOrBearerAuthentication]
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="auth_logout",
        tags=["auth"],
        summary="吊销当前令牌",
        request=None,
        responses={204: None, **errors_for(401)},
    )
    def post(self, request):
        if isinstance(request.auth, AuthToken):
            request.auth.delete()
        user_logged_out.send(sender=request.user.__class__, request=request._request, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class LogoutAllApi(LogoutApi):
    permission_action = "token"

    @extend_schema(
        operation_id="auth_logout_all",
        tags=["auth"],
        summary="吊销本人的全部令牌",
        request=None,
        responses={204: None, **errors_for(401)},
    )
    def post(self, request):
        request.user.auth_token_set.all().delete()
        user_logged_out.send(sender=request.user.__class__, request=request._request, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
