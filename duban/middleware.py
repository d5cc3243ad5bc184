from __future__ import annotations

import secrets
import uuid

from django.conf import settings


class RequestIdMiddleware:
    """Give each request an id the audit trail can quote (X-Request-ID if a proxy set one)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request.request_id = incoming[:64] if incoming else uuid.uuid4().hex
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        return response


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
