"""The leaders' dashboard (领导驾驶舱): the figures and four charts, each a way into the list behind it.

The document and the 统计日期 (`?document=…&as_of=…`) drive the whole page: heading, figures,
charts and links; the URL is the page, to share.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from accounts.request_types import AuthenticatedHttpRequest
from duban.lib.sql import custom_plans
from policy_tasks.selectors.figures import figures
from policy_tasks.selectors.reports import counted_once
from policy_tasks.web import queries
from policy_tasks.web.access import as_of, page, require_viewer
from policy_tasks.web.charts import dashboard_data
from policy_tasks.web.figure_cards import figure_cards


@page
@custom_plans()
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    viewer = require_viewer(request, lambda v: v.can_supervise_pages)
    on = as_of(request)
    document = queries.pick_document(request.user, request.GET.get("document"))
    charts, cards = None, []
    if document is not None:
        # The figures strip and the charts' scoreboard count 缺报/迟报 of the same scope: once.
        with counted_once():
            charts = dashboard_data(user=viewer.user, document=document, on=on)
            cards = figure_cards(figures(document=document, on=on, user=viewer.user), document=document)
    context = {
        "viewer": viewer,
        "nav": "dashboard",
        "on": on,
        "document": document,
        "documents": queries.visible_documents(request.user),
        "charts": charts,
        "figure_cards": cards,
    }
    return render(request, "web/dashboard.html", context)
