"""What every API view shares: Chinese messages, input validation, request metadata."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation
from rest_framework import generics
from rest_framework.exceptions import ParseError
from rest_framework.views import APIView

from duban.lib import safejson
from policy_tasks.api.renderers import JSONRenderer
from policy_tasks.services.audit import RequestMeta


class ApiMixin:
    renderer_classes = [JSONRenderer]

    def initial(self, request, *args, **kwargs):
        # Messages are for Chinese readers whatever the client's Accept-Language.
        translation.activate(settings.LANGUAGE_CODE)
        # PostgreSQL refuses NUL in text: a filter value holding one was a DataError (a 500).
        params = request.query_params.lists()
        if any("\x00" in text for key, values in params for text in (key, *values)):
            raise ParseError(safejson.NUL_MESSAGE)
        super().initial(request, *args, **kwargs)

    def validated(self, serializer_class: type, data: Any, **kwargs: Any) -> dict:
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
