"""Reading the permission table (docs/permissions.md) and the API schema for the IDOR tests.

Nothing here lists endpoints: the operations come from the schema the API serves,
each naming its row of the table in `x-permission`; the answers come from the table.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.conf import settings

TABLE = Path(settings.BASE_DIR) / "docs" / "permissions.md"
ACTORS = [
    "lead_clerk",
    "lead_head",
    "co_clerk",
    "co_head",
    "other_clerk",
    "supervisor",
    "supervisor_out",
    "leader",
    "admin",
    "anonymous",
]
# Rows the API adds for operations that are not about a task: any signed-in user may
# read published documents, units and themselves; logout needs a token.
API_ROWS = {
    "signed_in": dict.fromkeys(ACTORS[:-1], "✓") | {"anonymous": "401"},
    "token": dict.fromkeys(ACTORS[:-1], "✓") | {"anonymous": "401"},
}


@cache
def permission_table() -> dict[str, dict[str, str]]:
    """{action: {actor: cell}} from the table under '## The table'."""
    text = TABLE.read_text(encoding="utf-8")
    section = text.split("## The table", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    table: dict[str, dict[str, str]] = {}
    for line in rows[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        action = cells[0].strip("`")
        table[action] = {name: cell for name, cell in zip(header, cells, strict=True) if name in ACTORS}
    return table


def expected(action: str, actor: str) -> str:
    if action in API_ROWS:
        return API_ROWS[action][actor]
    return permission_table()[action][actor]


def operations(schema: dict) -> list[tuple[str, str, dict]]:
    """(path, METHOD, operation) for every operation of the served schema."""
    found = []
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                found.append((path, method.upper(), operation))
    return found


def has_path_params(path: str) -> bool:
    return bool(re.search(r"\{[^}]+\}", path))
