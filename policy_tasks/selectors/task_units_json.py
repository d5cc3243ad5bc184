"""A task's units, lead first, as the API writes them (api.rows.units_by_task), aggregated as json
by PostgreSQL inside a list's own statement: one round trip fewer per page (docs/performance.md,
"API"). SQLite has no json_agg; there the caller reads them with units_by_task."""

from __future__ import annotations

from accounts.models import Unit
from duban.lib.sql import column, table
from policy_tasks.models import TaskUnit


def units_json(task_id: str) -> str:
    """The expression, for the task whose id is the SQL `task_id`: a json array, `[]` for none."""
    position = column(TaskUnit, "position", "tu")
    return (
        "COALESCE((SELECT json_agg(json_build_object("
        f"'unit', json_build_object('id', u.{column(Unit, 'id')}, 'name', u.{column(Unit, 'name')},"
        f" 'short_name', u.{column(Unit, 'short_name')}),"
        f" 'role', {column(TaskUnit, 'role', 'tu')}, 'position', {position}) ORDER BY {position})"
        f" FROM {table(TaskUnit)} tu JOIN {table(Unit)} u ON u.{column(Unit, 'id')} = {column(TaskUnit, 'unit', 'tu')}"
        f" WHERE {column(TaskUnit, 'task', 'tu')} = {task_id}), '[]'::json)"
    )
