"""The leaders' dashboard (领导驾驶舱): the figures and four charts, each a way into the list behind it.

The document and the 统计日期 (`?document=…&as_of=…`) drive the whole page: heading, figures,
charts and links; the URL is the page, to share.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from accounts.request_types import AuthenticatedHttpRequest
from policy_tasks.selectors.figures import figures
from policy_tasks.web import queries
from policy_tasks.web.access import as_of, page, require_viewer
from policy_tasks.web.charts import dashboard_data
from policy_tasks.web.figure_cards import figure_cards


@page
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    viewer = require_viewer(request, lambda v: v.can_supervise_pages)
    on = as_of(request)
    document = queries.pick_document(request.user, request.GET.get("document"))
    context = {
        "viewer": viewer,
        "nav": "dashboard",
        "on": on,
        "document": document,
        "documents": queries.visible_documents(request.user),
        "charts": dashboard_data(user=request.user, document=document, on=on) if document else None,
        "figure_cards": figure_cards(figures(document=document, on=on, user=viewer.user), document=document)
        if document
        else [],
    }
    return render(request, "web/dashboard.html", context)
