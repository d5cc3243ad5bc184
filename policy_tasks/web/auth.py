"""Login, logout and the home redirect."""

from __future__ import annotations

from django.contrib.auth.views import LoginView, LogoutView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from accounts import dingtalk_signin
from accounts.request_types import AuthenticatedHttpRequest
from policy_tasks.web import signin
from policy_tasks.web.access import page, viewer_for

LOCKED_OUT = "登录失败次数过多，账号已被暂时锁定。请30分钟后再试，或联系管理员解锁。"
EXPIRED = "您的登录已过期，请重新登录。"
AXES_FLAG = "axes_locked_out"  # what axes' backend sets on the request of a locked-out attempt


class DubanLoginView(LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.GET.get("expired") == "1":
            context["notice"] = EXPIRED
        context["dingtalk"] = dingtalk_signin.enabled()
        return context

    def form_valid(self, form) -> HttpResponse:
        # The password is only the first step: a second factor, an enrolment or an expired
        # password may come before the user is signed in (policy_tasks.web.signin).
        user = form.get_user()
        return signin.begin(self.request, user, user.backend)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        if getattr(request, AXES_FLAG, False):
            # axes' middleware swaps a flagged response for AXES_LOCKOUT_CALLABLE's plain
            # text. A clerk should stay on the login page and read why; clearing the flag
            # after axes has counted the attempt keeps our page and changes no lockout.
            setattr(request, AXES_FLAG, False)
            context = self.get_context_data(form=self.get_form(), locked_out=LOCKED_OUT)
            return self.render_to_response(context, status=429)
        return response


class DubanLogoutView(LogoutView):
    next_page = "web:login"


@page
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    return redirect(viewer_for(request).home_url_name())
