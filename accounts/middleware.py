from __future__ import annotations

from django.contrib.auth import logout

from accounts.roles import request_memo
from accounts.signin import mfa_required_for, session_expired, session_verified
from duban.lib import clock


class RequestMemoMiddleware:
    """One request, one reading of each user's roles and scopes (accounts.roles.request_memo)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_memo():
            return self.get_response(request)


class SignInGuardMiddleware:
    """Ends a session that is past its time or was never verified by a second factor.

    The login pages only sign a user in after every step, so a session without a verified
    device belongs to one who signed in before the requirement was turned on, whose device
    an admin has just reset, or who came another way: all of them start again at the login
    page. Ending the session (not answering 403) lets every page, the admin and the API's
    session authentication treat the request as anonymous, as each already does.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            if session_expired(request.session, clock.now()):
                logout(request)
            elif mfa_required_for(user) and not session_verified(request.session, user):
                logout(request)
        return self.get_response(request)
