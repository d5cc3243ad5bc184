"""`check --deploy` warns when the application connects to PostgreSQL as more than it needs.

A superuser, or the owner of the audit table, can switch the append-only trigger off and cut the
chain short; the application should connect as a role that owns nothing (deploy/postgres/roles.sql)
while migrations run as the owner. A warning rather than an error: it works, it protects less.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Warning as CheckWarning
from django.core.checks import register
from django.db import DatabaseError, connection

from policy_tasks.models import AuditEvent

_ROLE = """
SELECT r.rolsuper,
       array(SELECT t.tablename::text FROM pg_tables t
             WHERE t.tableowner = current_user AND t.schemaname = ANY (current_schemas(false))
             ORDER BY t.tablename)
FROM pg_roles r WHERE r.rolname = current_user
"""


def database_role_warnings(conn=connection) -> list[CheckWarning]:
    if conn.vendor != "postgresql":
        return []
    try:
        with conn.cursor() as cursor:
            cursor.execute(_ROLE)
            superuser, owned = cursor.fetchone()
            user = conn.get_connection_params().get("user") or "当前用户"
    except DatabaseError:
        return []  # unreachable or not yet created: the other checks and migrate will say so
    warnings = []
    if superuser:
        warnings.append(
            CheckWarning(
                f"应用以 PostgreSQL 超级用户（{user}）连接数据库：它可以关闭审计表的只追加触发器、删除审计记录。",
                hint="应用改用不拥有任何表的角色（deploy/postgres/roles.sql 的 duban_app），"
                "migrate 用属主角色 duban_owner 执行 (docs/operations.md「Database roles」).",
                id="duban.W150",
            )
        )
    elif owned:
        audit = AuditEvent._meta.db_table
        what = f"审计表 {audit} 等 {len(owned)} 张表" if audit in owned else f"{len(owned)} 张表"
        warnings.append(
            CheckWarning(
                f"应用连接数据库的角色（{user}）拥有{what}：属主可以 ALTER TABLE、关闭触发器、TRUNCATE。",
                hint="表归 duban_owner（只用于 migrate），应用用 duban_app 连接 (deploy/postgres/roles.sql).",
                id="duban.W151",
            )
        )
    return warnings


@register("duban_database", deploy=True)
def database_role(app_configs, **kwargs) -> list[CheckWarning]:
    if settings.DEBUG:
        return []
    return database_role_warnings()
