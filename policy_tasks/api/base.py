"""What every API view shares: Chinese messages, input validation, request metadata."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import translation
from rest_framework import generics
from rest_framework.exceptions import ParseError
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from accounts.request_types import AuthenticatedRequest
from duban.lib import safejson
from policy_tasks.api.renderers import JSONRenderer
from policy_tasks.services.audit import RequestMeta

if TYPE_CHECKING:
    # Typed as the view it is mixed into; at run time a plain mixin, so no MRO changes.
    _View = APIView
    _GenericView = generics.GenericAPIView
else:
    _View = _GenericView = object


class ApiMixin(_View):
    renderer_classes: Sequence[type[BaseRenderer]] = [JSONRenderer]
    # Every API view but the token endpoint (which never reads the user) requires sign-in
    # (DEFAULT_PERMISSION_CLASSES: IsAuthenticated).
    request: AuthenticatedRequest

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # Messages are for Chinese readers whatever the client's Accept-Language.
        translation.activate(settings.LANGUAGE_CODE)
        # PostgreSQL refuses NUL in text: a filter value holding one was a DataError (a 500).
        params = request.query_params.lists()
        if any("\x00" in text for key, values in params for text in (key, *values)):
            raise ParseError(safejson.NUL_MESSAGE)
        super().initial(request, *args, **kwargs)

    def validated(self, serializer_class: type[BaseSerializer[Any]], data: Any, **kwargs: Any) -> dict[str, Any]:
        serializer = serializer_class(data=data, context={"request": self.request, "view": self}, **kwargs)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def meta(self) -> RequestMeta:
        return RequestMeta.from_request(self.request)


class BaseApi(ApiMixin, APIView):
    pass


class ListApi(ApiMixin, generics.ListAPIView):
    pass


class DetailApi(ApiMixin, generics.RetrieveAPIView):
    pass


class GenericApi(ApiMixin, generics.GenericAPIView):
    pass


class GenericApiMixin(_GenericView):
    """For a mixin of generic API views (get_queryset, a helper on self.request): typed as one."""

    request: AuthenticatedRequest
