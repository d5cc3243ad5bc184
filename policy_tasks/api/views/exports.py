"""Exports through the API: ledger and bulletin files, the printable 督办单, background export jobs,
calendar subscriptions. The pages link here; the old /exports/ download URLs redirect here.

Thin on purpose: serializers check the parameters; the file, the job and the token are
policy_tasks.exports' own functions (build_export, export_job_start, calendar_token_*),
so an export is the same file whether it came from here, the pages or a command.
Jobs and subscriptions are their owner's: anyone else's id is a 404.
The calendar feed itself is not here: calendar apps cannot send a token, so it is
served by its secret URL (`feed_url`, /exports/calendar/<secret>.ics).
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from duban.storage.downloads import file_response, stored_file_download
from policy_tasks.api import scoping
from policy_tasks.api.base import GenericApi, GenericApiMixin
from policy_tasks.api.schema import SIGNED_REDIRECT, errors_for
from policy_tasks.api.serializers.exports import (
    BulletinJobInputSerializer,
    BulletinQuerySerializer,
    BulletinShownQuerySerializer,
    CalendarSubscriptionCreatedSerializer,
    CalendarSubscriptionInputSerializer,
    CalendarSubscriptionSerializer,
    ExportJobSerializer,
    LedgerJobInputSerializer,
    LedgerQuerySerializer,
    ledger_params,
)
from policy_tasks.api.views.common import ScopedListApi
from policy_tasks.errors import Forbidden, InvalidState
from policy_tasks.exports import urge_notice
from policy_tasks.exports.calendar_feed import calendar_token_create, calendar_token_revoke
from policy_tasks.exports.jobs import CONTENT_TYPES, ExportFile, build_export
from policy_tasks.exports.params import find_unit
from policy_tasks.exports.tasks import export_job_start
from policy_tasks.models import CalendarToken, ExportJob, UrgeNotice
from policy_tasks.permissions import can

TAGS = ["exports"]


def _binary(kind: str, description: str) -> dict:
    media_type = CONTENT_TYPES[kind].split(";")[0]
    return {(200, media_type): OpenApiResponse(OpenApiTypes.BINARY, description=description)}


def _file(result: ExportFile, *, inline: bool = False):
    return file_response(result.open(), filename=result.name, content_type=result.content_type, inline=inline)


class OnDocumentApi(GenericApi):
    """Documents are published: any id that exists is found; what may be exported is checked after."""

    def get_queryset(self):
        return scoping.documents(self.request.user)

    def require_bulletin(self, document) -> None:
        # The document-level row of docs/permissions.md: refusal is 403 (documents are public).
        if not can(self.request.user, "scoreboard.read", document):
            raise Forbidden("无权查看督查通报")

    def accepted(self, job: ExportJob) -> Response:
        body = ExportJobSerializer(job, context={"request": self.request}).data
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["url"]})


class LedgerFileApi(OnDocumentApi):
    permission_action = "task.view"  # the rows are cut to the clauses the caller sees
    kind = ExportJob.Kind.LEDGER_XLSX

    def get(self, request, *args, **kwargs):
        document = self.get_object()
        params = ledger_params(self.validated(LedgerQuerySerializer, request.query_params))
        return _file(build_export(kind=self.kind, document=document, params=params, user=request.user))


def _file_schema(kind: str, summary: str, query, response_label: str, errors: dict | None = None):
    return extend_schema_view(
        get=extend_schema(
            operation_id=f"documents_{kind.replace('_', '_file_')}",
            tags=TAGS,
            summary=summary,
            parameters=[query],
            responses={**_binary(kind, response_label), **(errors or {})},
        )
    )


def _ledger_schema(kind: str, label: str):
    return _file_schema(
        kind, f"下载台账（{label}）：每个里程碑一行，只含调用者可见的条款", LedgerQuerySerializer, f"台账{label}文件"
    )


def _bulletin_schema(kind: str, label: str, query=BulletinShownQuerySerializer):
    # Only the PDF draws glyphs: a character its font lacks is refused (pdf_font).
    errors = errors_for(422) if kind == ExportJob.Kind.BULLETIN_PDF else None
    return _file_schema(kind, f"下载督查通报（{label}；督查员、区领导、管理员）", query, f"督查通报{label}", errors)


@_ledger_schema(ExportJob.Kind.LEDGER_XLSX, "Excel")
class LedgerXlsxApi(LedgerFileApi):
    kind = ExportJob.Kind.LEDGER_XLSX


@_ledger_schema(ExportJob.Kind.LEDGER_CSV, "CSV")
class LedgerCsvApi(LedgerFileApi):
    kind = ExportJob.Kind.LEDGER_CSV


class BulletinFileApi(OnDocumentApi):
    permission_action = "scoreboard.read"
    kind = ExportJob.Kind.BULLETIN_PDF
    query: type[BulletinQuerySerializer] = BulletinShownQuerySerializer

    def get(self, request, *args, **kwargs):
        document = self.get_object()
        self.require_bulletin(document)
        params = self.validated(self.query, request.query_params)
        inline = params.pop("inline", False)
        return _file(build_export(kind=self.kind, document=document, params=params, user=request.user), inline=inline)


@_bulletin_schema(ExportJob.Kind.BULLETIN_PDF, "PDF")
class BulletinPdfApi(BulletinFileApi):
    kind = ExportJob.Kind.BULLETIN_PDF


@_bulletin_schema(ExportJob.Kind.BULLETIN_DOCX, "Word", BulletinQuerySerializer)
class BulletinDocxApi(BulletinFileApi):
    kind = ExportJob.Kind.BULLETIN_DOCX
    query = BulletinQuerySerializer


@_bulletin_schema(ExportJob.Kind.BULLETIN_HTML, "网页")
class BulletinHtmlApi(BulletinFileApi):
    kind = ExportJob.Kind.BULLETIN_HTML


class UrgeNoticeFileApi(GenericApi):
    """The printable 督办单 of one urge notice: whoever may see the notice; anyone else gets 404."""

    permission_action = "task.view"
    queryset = UrgeNotice.objects.none()  # the path's id, for the schema; urge_notice_for scopes it
    fmt = "pdf"

    def get(self, request, *args, **kwargs):
        notice = urge_notice.urge_notice_for(request.user, kwargs["pk"])
        result = urge_notice.urge_notice_file(notice, self.fmt)
        return file_response(result.data, filename=result.name, content_type=result.content_type)


def _notice_schema(fmt: str, label: str):
    # Only the PDF draws glyphs: a character its font lacks is refused (pdf_font).
    errors = errors_for(422) if fmt == "pdf" else {}
    binary = OpenApiResponse(OpenApiTypes.BINARY, description=f"督办单{label}文件（以编号命名）")
    return extend_schema_view(
        get=extend_schema(
            operation_id=f"urges_notice_file_{fmt}",
            tags=TAGS,
            summary=f"下载可打印的督办单（{label}）：能看到该催办督办单的人均可下载",
            responses={(200, urge_notice.FORMATS[fmt]): binary, **errors},
        )
    )


@_notice_schema("pdf", "PDF")
class UrgeNoticePdfApi(UrgeNoticeFileApi):
    fmt = "pdf"


@_notice_schema("docx", "Word")
class UrgeNoticeDocxApi(UrgeNoticeFileApi):
    fmt = "docx"


LOCATION = OpenApiParameter(
    "Location", OpenApiTypes.URI, OpenApiParameter.HEADER, response=[202], description="导出任务的状态地址"
)


class LedgerJobApi(OnDocumentApi):
    permission_action = "task.view"

    @extend_schema(
        tags=TAGS,
        summary="后台生成台账：返回 202 和导出任务，按 url 查询进度，完成后从 download_url 下载",
        request=LedgerJobInputSerializer,
        parameters=[LOCATION],
        responses={202: ExportJobSerializer},
    )
    def post(self, request, *args, **kwargs):
        document = self.get_object()
        data = self.validated(LedgerJobInputSerializer, request.data)
        job = export_job_start(
            user=request.user, kind=f"ledger_{data['format']}", document=document, params=ledger_params(data)
        )
        return self.accepted(job)


class BulletinJobApi(OnDocumentApi):
    permission_action = "scoreboard.read"

    @extend_schema(
        tags=TAGS,
        summary="后台生成督查通报：返回 202 和导出任务（督查员、区领导、管理员）",
        request=BulletinJobInputSerializer,
        parameters=[LOCATION],
        responses={202: ExportJobSerializer},
    )
    def post(self, request, *args, **kwargs):
        document = self.get_object()
        self.require_bulletin(document)
        data = self.validated(BulletinJobInputSerializer, request.data)
        job = export_job_start(
            user=request.user, kind=f"bulletin_{data['format']}", document=document, params={"period": data["period"]}
        )
        return self.accepted(job)


class MyJobs(GenericApiMixin):
    def get_queryset(self) -> QuerySet[ExportJob]:
        return ExportJob.objects.filter(requested_by=self.request.user)


@extend_schema_view(get=extend_schema(tags=TAGS, summary="我的导出任务（最新在前；保留 7 天）"))
class ExportJobListApi(MyJobs, ScopedListApi):
    permission_action = "signed_in"
    serializer_class = ExportJobSerializer
    filter_backends: list = []
    ordering = ("-id",)


class ExportJobDetailApi(MyJobs, GenericApi):
    permission_action = "signed_in"
    serializer_class = ExportJobSerializer

    @extend_schema(tags=TAGS, summary="导出任务的状态和进度（只有发起人可见）")
    def get(self, request, *args, **kwargs):
        return Response(self.get_serializer(self.get_object()).data)


class ExportJobDownloadApi(MyJobs, GenericApi):
    permission_action = "signed_in"

    @extend_schema(
        tags=TAGS,
        summary="下载导出任务生成的文件（只有发起人可下载）",
        responses={
            **{
                (200, content_type.split(";")[0]): OpenApiResponse(OpenApiTypes.BINARY, description="文件内容")
                for content_type in CONTENT_TYPES.values()
            },
            302: SIGNED_REDIRECT,
            **errors_for(409),
        },
    )
    def get(self, request, *args, **kwargs):
        job = self.get_object()
        if job.status != ExportJob.Status.DONE:
            raise InvalidState(f"导出任务{job.get_status_display()}，文件尚不能下载")
        try:
            handle = job.file.open("rb")
        except (FileNotFoundError, ValueError):
            # Pruned, or a restore without the media folder: the row says done, the file is gone.
            raise NotFound("文件已不存在，请重新导出") from None
        return stored_file_download(handle, filename=job.file_name, content_type=CONTENT_TYPES[job.kind])


class CalendarSubscriptionListApi(ScopedListApi):
    permission_action = "signed_in"
    serializer_class = CalendarSubscriptionSerializer
    filter_backends: list = []
    ordering = ("-id",)

    def get_queryset(self):
        return CalendarToken.objects.filter(owner=self.request.user).select_related("unit")

    @extend_schema(tags=TAGS, summary="我的日历订阅（不含订阅地址：地址只在创建时显示一次）")
    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="新建日历订阅：返回 .ics 订阅地址（feed_url），只显示这一次",
        request=CalendarSubscriptionInputSerializer,
        responses={201: CalendarSubscriptionCreatedSerializer},
    )
    def post(self, request, *args, **kwargs):
        data = self.validated(CalendarSubscriptionInputSerializer, request.data)
        token, secret = calendar_token_create(
            user=request.user, unit=find_unit(data.get("unit")), label=data["label"], meta=self.meta()
        )
        token.feed_url = request.build_absolute_uri(reverse("exports:calendar-feed", args=[secret]))
        return Response(CalendarSubscriptionCreatedSerializer(token).data, status=status.HTTP_201_CREATED)


class CalendarSubscriptionRevokeApi(GenericApi):
    permission_action = "signed_in"

    def get_queryset(self):
        # The service refuses other people's tokens with the same 404 as a missing one.
        return CalendarToken.objects.select_related("unit")

    @extend_schema(
        operation_id="calendar_subscriptions_revoke",
        tags=TAGS,
        summary="撤销日历订阅：此后订阅地址返回 404",
        request=None,
        responses={200: CalendarSubscriptionSerializer, **errors_for(409)},
    )
    def post(self, request, *args, **kwargs):
        token = calendar_token_revoke(user=request.user, token=self.get_object(), meta=self.meta())
        return Response(CalendarSubscriptionSerializer(token).data)
