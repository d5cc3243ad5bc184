"""工作台: what a unit's clerk or head has to do, on one page.

Each list shows its first LIST_MAX rows under its full count; the unit's clauses show
TILES_MAX tiles per light, and `?tasks=<light>&page=N` pages through one light's clauses
(issue 18: a unit of 600 clauses rendered half a megabyte).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.http import HttpResponse
from django.shortcuts import render

from accounts.request_types import AuthenticatedHttpRequest
from duban.lib.sql import custom_plans
from policy_tasks.models import Task
from policy_tasks.selectors.figures import figures
from policy_tasks.web import queries
from policy_tasks.web.access import as_of, page, viewer_for
from policy_tasks.web.ledger import LedgerPage, page_number

LIST_MAX = 20
TILES_MAX = 12
GROUP_PAGE = 60


@dataclass
class TaskGroup:
    light: str
    tasks: list
    page: LedgerPage[Task]


@page
@custom_plans()
def workbench(request: AuthenticatedHttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    on = as_of(request)
    board = queries.workbench(user=request.user, unit_ids=viewer.unit_ids, on=on, shown=LIST_MAX)
    # The unit's figures as of the page's date, by the one definition (selectors.figures).
    mine = figures(on=on, user=viewer.user, unit_ids=viewer.unit_ids) if viewer.unit_ids else None
    task_group = None
    chosen = request.GET.get("tasks")
    for light, tasks in board.groups:
        if light == chosen:
            num_pages = max(1, -(-len(tasks) // GROUP_PAGE))
            number = page_number(request.GET.get("page"), num_pages)
            shown = tasks[(number - 1) * GROUP_PAGE : number * GROUP_PAGE]
            task_group = TaskGroup(light, shown, LedgerPage(shown, len(tasks), number, num_pages, GROUP_PAGE))
    kept = request.GET.copy()
    kept.pop("page", None)
    return render(
        request,
        "web/workbench.html",
        {
            "viewer": viewer,
            "on": on,
            "board": board,
            "figures": mine,
            "nav": "workbench",
            "task_group": task_group,
            "page_query": kept.urlencode(),
            "page_params": list(kept.lists()),
            "upcoming_to": on + timedelta(days=queries.UPCOMING_DAYS),
            "list_max": f":{LIST_MAX}",
            "list_max_n": LIST_MAX,
            "list_max_neg": -LIST_MAX,
            "tiles_max": f":{TILES_MAX}",
            "tiles_max_n": TILES_MAX,
        },
    )
