from __future__ import annotations

import logging
import secrets
import time

from django.conf import settings

from duban.logs import context

request_log = logging.getLogger("duban.request")


class RequestIdMiddleware:
    """First in the chain: give each request an id (a sane X-Request-ID from the proxy, else a
    fresh one) that the audit trail, every log line and the tasks it queues quote; echo it in
    the response; write one line per request with its route, user, status and duration."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request.request_id = context.accept_request_id(request.META.get("HTTP_X_REQUEST_ID"))
        rid_token = context.request_id.set(request.request_id)
        request_token = context.current_request.set(request)
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.request_id
            route, user_id = context.route_of(request), context.user_id_of(request)
            # gunicorn's access log reads these from the WSGI environ after the response.
            request.META["duban.route"], request.META["duban.user_id"] = route, user_id
            request_log.info(
                "%s %s %s",
                request.method,
                route,
                response.status_code,
                extra={
                    "request_id": request.request_id,
                    "user_id": user_id,
                    "route": route,
                    "method": request.method,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            context.current_request.reset(request_token)
            context.request_id.reset(rid_token)


class ContentSecurityPolicyMiddleware:
    """A Content-Security-Policy on every response that has none of its own (settings.DUBAN_CSP).

    Each request gets a fresh nonce (`request.csp_nonce`); a template's inline <style> or
    <script> carries it, and nothing else inline runs. A view that serves a document with
    other needs (the bulletin's HTML) sets its own header, which is left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(16)
        response = self.get_response(request)
        policy = getattr(settings, "DUBAN_CSP", "")
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy.replace("{nonce}", request.csp_nonce)
        return response
