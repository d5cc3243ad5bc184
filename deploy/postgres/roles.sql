-- Least privilege in PostgreSQL for Duban (docs/operations.md "Database roles").
--
-- duban_owner owns the schema and every table: `manage.py migrate` runs as it, nothing else does.
-- duban_app is what the web, worker and beat processes connect as: it reads and writes rows and
-- owns nothing, so it cannot ALTER a table, DISABLE its TRIGGER or TRUNCATE it; on the audit
-- table it may only SELECT and INSERT.
--
-- Run as a superuser, connected to Duban's database (created with OWNER duban_owner), before the
-- first migrate and again after every migrate: each statement may run any number of times.
--   psql -v ON_ERROR_STOP=1 -d duban -f deploy/postgres/roles.sql
-- Passwords are set apart, never in this file: \password duban_owner, \password duban_app.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'duban_owner') THEN
        CREATE ROLE duban_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'duban_app') THEN
        CREATE ROLE duban_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT;
    END IF;
END
$$;
-- Whichever way the roles were made before, neither may be more than this.
ALTER ROLE duban_owner NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE duban_app NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT;

-- The schema is the owner's; the application may use it but create nothing in it.
ALTER SCHEMA public OWNER TO duban_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO duban_app;

-- Rows only: no TRUNCATE (it skips the audit table's row trigger), no TRIGGER, no REFERENCES.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO duban_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO duban_app;
-- Tables and sequences a later migrate creates get the same, without waiting for this script.
ALTER DEFAULT PRIVILEGES FOR ROLE duban_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO duban_app;
ALTER DEFAULT PRIVILEGES FOR ROLE duban_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO duban_app;

-- The audit trail is append-only for the application (the trigger of migration 0002 refuses
-- UPDATE and DELETE too; this refuses them before it, and keeps refusing if it were dropped).
DO $$
BEGIN
    IF to_regclass('public.policy_tasks_auditevent') IS NOT NULL THEN
        REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON policy_tasks_auditevent FROM duban_app, PUBLIC;
    END IF;
END
$$;
