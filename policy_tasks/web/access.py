"""Who is looking at a page, and the small request helpers every page view shares."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import wraps
from typing import Concatenate, ParamSpec, cast
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

from accounts import roles
from accounts.models import Membership, Unit, User
from accounts.request_types import AuthenticatedHttpRequest
from duban.lib import clock, datewindow
from policy_tasks.errors import NotFound, ServiceError
from policy_tasks.services.audit import RequestMeta

P = ParamSpec("P")
_VIEWER = "_duban_viewer"  # where viewer_for keeps the request's Viewer


@dataclass(frozen=True)
class Viewer:
    """The signed-in user for a page, as accounts.roles reads them (once per request): the same
    roles and units the permission checks and the API see."""

    user: User
    units: tuple[Unit, ...] = ()
    head_unit_ids: frozenset[int] = frozenset()

    @classmethod
    def of(cls, user: User) -> Viewer:
        members = roles.memberships(user)
        return cls(
            user=user,
            units=tuple(m.unit for m in members),
            head_unit_ids=frozenset(m.unit_id for m in members if m.role == Membership.Role.HEAD),
        )

    @property
    def is_admin(self) -> bool:
        return roles.is_admin(self.user)

    @property
    def is_supervisor(self) -> bool:
        return roles.is_supervisor(self.user)

    @property
    def is_leader(self) -> bool:
        return roles.is_leader(self.user)

    @property
    def unit_ids(self) -> set[int]:
        return {u.pk for u in self.units}

    @property
    def can_supervise_pages(self) -> bool:
        """The console and the ledger are read by supervisors, leaders and admins."""
        return self.is_supervisor or self.is_leader or self.is_admin

    @property
    def can_import(self) -> bool:
        """Upload, review, correct and confirm documents: the `document.import` rule
        (policy_tasks/permissions.py), read from the roles this viewer already holds."""
        return self.is_admin or self.is_supervisor

    @property
    def role_label(self) -> str:
        if self.is_admin:
            return "管理员"
        if self.is_supervisor:
            return "督查员"
        if self.is_leader:
            return "区领导"
        if self.head_unit_ids:
            return "单位负责人"
        return "经办人" if self.units else ""

    def home_url_name(self) -> str:
        if self.units:
            return "web:workbench"
        if self.is_supervisor:
            return "web:supervision"
        if self.is_leader:
            return "web:dashboard"
        if self.is_admin:
            return "web:supervision"
        return "web:workbench"


def viewer_for(request: AuthenticatedHttpRequest) -> Viewer:
    """For a request `page` let through (signed in)."""
    cached: Viewer | None = getattr(request, _VIEWER, None)
    if cached is None:
        cached = Viewer.of(request.user)
        setattr(request, _VIEWER, cached)
    return cached


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def page(
    view: Callable[Concatenate[AuthenticatedHttpRequest, P], HttpResponseBase],
) -> Callable[Concatenate[HttpRequest, P], HttpResponseBase]:
    """Sign-in required, answered in a way each kind of request understands.

    An expired session (a session cookie that no longer signs anyone in) is told
    apart from a first visit so the login page can say why it is shown. An htmx
    request gets HX-Redirect: following a 302 would swap the login page into a
    fragment of the page instead of replacing it. Service errors NotFound map to 404.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponseBase:
        if not request.user.is_authenticated:
            params = {"next": request.get_full_path()}
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                params["expired"] = "1"
            login_url = f"{resolve_url(settings.LOGIN_URL)}?{urlencode(params)}"
            if is_htmx(request):
                response = HttpResponse(status=204)
                response["HX-Redirect"] = login_url
                return response
            return redirect(login_url)
        try:
            return view(cast(AuthenticatedHttpRequest, request), *args, **kwargs)
        except NotFound as exc:
            raise Http404(exc.message) from None
        except ServiceError as exc:
            if exc.status != 400:
                raise
            # Bad input no view answered itself (a date outside the window): say so, in Chinese.
            return render(request, "400.html", {"message": exc.message}, status=400)

    return wrapper


def require_viewer(request: AuthenticatedHttpRequest, test: Callable[[Viewer], bool]) -> Viewer:
    viewer = viewer_for(request)
    if not test(viewer):
        raise PermissionDenied("无权访问此页面")
    return viewer


def meta(request: HttpRequest) -> RequestMeta:
    return RequestMeta.from_request(request)


def as_of(request: HttpRequest) -> date:
    """`?as_of=YYYY-MM-DD` for looking at the state on another day; today otherwise."""
    raw = request.GET.get("as_of") or ""
    try:
        day = date.fromisoformat(raw) if raw else clock.today()
    except ValueError:
        return clock.today()
    if not datewindow.contains(day):
        # At the ends of the calendar the lights' arithmetic overflowed (a 500).
        raise ServiceError(datewindow.message(), field="as_of")
    return day


def back(request: HttpRequest, fallback: str) -> HttpResponse:
    """Redirect to `next` when it is one of our own pages, else to `fallback`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = fallback
    return redirect(target or fallback)
