"""OpenAPI details every operation shares: the error body and the answers that may carry it.

DubanAutoSchema adds the common error responses (400/401/403/404, 415 where a
body is sent) to every operation, so a generated client knows each answer it
can get; views add 409/412/428/429 where those can happen (errors_for).
"""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from policy_tasks.api.authentication import TokenOrBearerAuthentication

ERROR_DESCRIPTIONS = {
    400: "请求参数或数据有误（fields 指出字段）",
    401: "未登录、令牌无效或已过期；用户名密码错误",
    403: "可以查看，但无权执行此操作",
    404: "对象不存在，或不在调用者可见范围内",
    409: "对象当前状态不允许此操作，或与他人的修改冲突",
    412: "If-Match 中的版本已过时：对象已被他人修改",
    415: "不支持的请求内容类型",
    422: "内容无法按此格式生成：如通报中有 PDF 字体不支持的字（message 列出这些字）",
    428: "此修改须在 If-Match 请求头中带上当前版本（ETag）",
    429: "请求过于频繁，或登录失败次数过多被锁定",
}


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="机器可读的错误码，如 not_found、stale_version、invalid")
    message = serializers.CharField(help_text="中文错误说明")
    fields = serializers.DictField(  # type: ignore[assignment]  # a declared field; drf-stubs see Field's own attribute
        child=serializers.ListField(child=serializers.CharField()),
        help_text="出错字段及其中文说明；与字段无关时为空对象",
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


# With DUBAN_STORAGE=s3 a file download answers with a link to the bucket, not with the bytes.
SIGNED_REDIRECT = OpenApiResponse(
    description="文件存放在对象存储时：302 跳转到短时有效的签名下载地址（Location 响应头），从该地址直接取得文件"
)


def errors_for(*codes: int) -> dict[int, OpenApiResponse]:
    return {code: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[code]) for code in codes}


class DubanAutoSchema(AutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        codes = [400, 401, 403, 404]
        if "requestBody" in operation:
            codes.append(415)
        action = getattr(self.view, "permission_action", None)
        if isinstance(action, dict):
            action = action.get(self.method)
        if action:
            # Which row of docs/permissions.md governs this operation (the IDOR tests read it).
            operation["x-permission"] = action
        responses = operation["responses"]
        for code in codes:
            if str(code) not in responses:
                response = self._get_response_for_code(ErrorSerializer, str(code))
                response["description"] = ERROR_DESCRIPTIONS[code]
                responses[str(code)] = response
        return operation


class TokenAuthScheme(OpenApiAuthenticationExtension):
    target_class = TokenOrBearerAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "POST /api/v1/auth/token/ 取得令牌，以 `Authorization: Bearer <令牌>`（或 `Token <令牌>`）发送",
        }
