"""工作台: what a unit's clerk or head has to do, on one page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from policy_tasks.web import queries
from policy_tasks.web.access import as_of, page, viewer_for


@page
def workbench(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    on = as_of(request)
    board = queries.workbench(user=request.user, unit_ids=viewer.unit_ids, on=on)
    return render(
        request,
        "web/workbench.html",
        {"viewer": viewer, "on": on, "board": board, "nav": "workbench"},
    )
