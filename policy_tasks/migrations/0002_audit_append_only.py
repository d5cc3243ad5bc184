from __future__ import annotations

from django.db import migrations

# On PostgreSQL the audit table refuses UPDATE and DELETE, whoever asks: the
# application, an admin action or a psql session. SQLite (development) relies on
# the hash chain alone. TRUNCATE is not blocked so the test runner can flush.
CREATE = """
CREATE OR REPLACE FUNCTION duban_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER policy_tasks_auditevent_append_only
    BEFORE UPDATE OR DELETE ON policy_tasks_auditevent
    FOR EACH ROW EXECUTE FUNCTION duban_audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS policy_tasks_auditevent_append_only ON policy_tasks_auditevent;
DROP FUNCTION IF EXISTS duban_audit_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("policy_tasks", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
