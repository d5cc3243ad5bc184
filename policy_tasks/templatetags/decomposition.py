"""The task page's decomposition section (分解任务与汇总), as a tag so the task page needs one
include line and its view stays as it is."""

from __future__ import annotations

from django import template

from policy_tasks import permissions
from policy_tasks.models import Task
from policy_tasks.selectors.rollup import task_rollup
from policy_tasks.web.decomposition import split_units

register = template.Library()


@register.inclusion_tag("web/partials/decomposition_section.html", takes_context=True)
def decomposition_section(context, task, on) -> dict:
    user = context["request"].user
    can_split = (
        task.parent_id is None
        and task.status == Task.Status.OPEN
        and permissions.is_scoped_supervisor(user, task)
        and bool(split_units(task))
    )
    parent = task.parent if task.parent_id else None
    return {
        "task": task,
        # A township sees its parent's title (what its part belongs to), not the parent itself:
        # the link is there only for those who may open it.
        "parent": parent,
        "parent_visible": parent is not None and permissions.can(user, "task.view", parent),
        "rollup": task_rollup(task=task, on=on, user=user) if task.parent_id is None else None,
        "can_split": can_split,
    }
