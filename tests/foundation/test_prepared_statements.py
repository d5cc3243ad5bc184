"""PostgreSQL plans a statement a request repeats once per connection, not on every request."""

from __future__ import annotations

from django.db import connection

from accounts.models import Unit


def test_a_repeated_query_is_prepared_on_the_server(require_postgres):
    for _ in range(6):
        list(Unit.objects.filter(name="区发改局").values_list("id", flat=True))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "accounts_unit"' in statement and "$1" in statement for statement in prepared), prepared
