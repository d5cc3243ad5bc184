"""Changes of accounts, roles, scopes, memberships, rules and schedules on the audit chain,
whatever made them: an admin page, a page or API call, Django's own commands or ours (issue 14).

These tables are edited by code the project does not own (the Django admin's forms and inlines,
`createsuperuser`, `changepassword`, `manage.py shell`), so no service can stand in every path.
`watch()` connects signals that write the event from inside the save or delete, that is inside
its transaction whenever the caller has one (the admin's views, `Collector.delete`, our services,
and the account commands, which `_run_in_entry` wraps in one). accounts cannot import the audit
trail (it sits below policy_tasks), so the watching is wired from the apps' ready().

Only changes made under an entry point are recorded: a request (duban.logs.context) or a
management command. Work with neither (the tests' factories, data migrations, the beat process
saving its run counters) has no one to name as actor and is not a change someone made.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from django.core.management.base import BaseCommand
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from duban.logs.context import current_request
from policy_tasks.models.audit_actions import WATCH_VERBS, AuditAction, watched_action
from policy_tasks.services.audit import (
    RECORDED_BY_SERVICE,
    SYSTEM,
    Actor,
    AuditEntry,
    RequestMeta,
    actor_for,
    audit_record,
)

# Never copied into an event: a hash is a secret even when salted. A new password shows as a flag.
SECRET_FIELDS = {"password"}
# Fields that change without anyone changing the account (sign-ins are recorded as such).
NOISE_FIELDS = {"last_login"}
# Commands that change accounts in autocommit mode: run whole in one transaction with their events.
ATOMIC_COMMANDS = {"createsuperuser", "changepassword"}

command: ContextVar[str | None] = ContextVar("duban_command", default=None)
_WATCHED: dict[type[models.Model], tuple[str, frozenset[str]]] = {}


def _run_in_entry(execute):
    def wrapper(self: BaseCommand, *args: Any, **options: Any):
        name = type(self).__module__.rsplit(".", 1)[-1]
        token = command.set(name)
        try:
            if name in ATOMIC_COMMANDS:
                with transaction.atomic():
                    return execute(self, *args, **options)
            return execute(self, *args, **options)
        finally:
            command.reset(token)

    wrapper.duban_entry = True  # type: ignore[attr-defined]
    return wrapper


def _patch_commands() -> None:
    # Every command, Django's or ours, runs with its name known: the only hook Django offers.
    if not getattr(BaseCommand.execute, "duban_entry", False):
        BaseCommand.execute = _run_in_entry(BaseCommand.execute)  # type: ignore[method-assign]


def _entry() -> tuple[Actor, str] | None:
    """Who acts and through what, or None when no one does (see the module's docstring)."""
    request = current_request.get()
    if request is not None:
        user = getattr(request, "user", None)
        admin_page = request.path.startswith("/admin/")
        actor = actor_for(user, role="admin" if admin_page else "", meta=RequestMeta.from_request(request))
        return actor, f"{'管理后台' if admin_page else '页面或接口'} {request.method} {request.path}"[:200]
    name = command.get()
    if name is not None:
        return Actor(role=SYSTEM.role), f"命令 manage.py {name}"
    return None


def _value(obj: models.Model, field: models.Field) -> Any:
    value = field.value_from_object(obj)
    if hasattr(value, "isoformat"):  # dates, times: JSON has no type for them
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _values(obj: models.Model, ignored: frozenset[str]) -> dict[str, Any]:
    return {
        f.name: _value(obj, f)  # a related object by its id, under the field's name (as model_to_dict)
        for f in obj._meta.concrete_fields
        if f.name not in ignored and f.name not in SECRET_FIELDS and not f.primary_key
    }


def _noise(update_fields) -> bool:
    return update_fields is not None and set(update_fields) <= NOISE_FIELDS


def _before(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or sender not in _WATCHED or _noise(update_fields) or _entry() is None:
        return
    if instance.pk is None:
        instance._audit_before = None
        return
    old = sender._base_manager.filter(pk=instance.pk).first()
    _, ignored = _WATCHED[sender]
    instance._audit_before = None if old is None else (_values(old, ignored), getattr(old, "password", None))


def _after_save(sender, instance, created, raw=False, update_fields=None, **kwargs) -> None:
    if raw or sender not in _WATCHED or _noise(update_fields):
        return
    if getattr(instance, RECORDED_BY_SERVICE, False):
        return  # a service records this change under its own name (auth.password_changed)
    entry = _entry()
    if entry is None:
        return
    name, ignored = _WATCHED[sender]
    values = _values(instance, ignored)
    stored = getattr(instance, "_audit_before", None)
    if created or stored is None:
        if "password" in {f.name for f in sender._meta.concrete_fields}:
            values["password_set"] = instance.has_usable_password()
        _record(entry, watched_action(name, "added"), instance, after=values)
        return
    old_values, old_password = stored
    changed = [k for k, v in values.items() if old_values.get(k) != v]
    before = {k: old_values.get(k) for k in changed}
    after = {k: values[k] for k in changed}
    if old_password is not None and old_password != getattr(instance, "password", None):
        after["password_changed"] = True  # the hash itself never goes on the chain
    if after:
        _record(entry, watched_action(name, "changed"), instance, before=before, after=after)


def _after_delete(sender, instance, **kwargs) -> None:
    entry = _entry()
    if entry is None:
        return
    name, ignored = _WATCHED[sender]
    _record(entry, watched_action(name, "deleted"), instance, before=_values(instance, ignored))


def _m2m(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if action not in {"post_add", "post_remove", "pre_clear"} or type(instance) not in _WATCHED:
        return
    entry = _entry()
    if entry is None:
        return
    name, _ = _WATCHED[type(instance)]
    # Forward (user.groups.add) names the field; reverse (group.user_set.add) its accessor.
    field = next((f.name for f in instance._meta.many_to_many if f.remote_field.through is sender), None)
    field = field or f"{model._meta.model_name}_set"
    if action == "pre_clear":
        pk_set = set(getattr(instance, field).values_list("pk", flat=True))
        if not pk_set:
            return
    verb = "added" if action == "post_add" else "removed"
    _record(entry, watched_action(name, "changed"), instance, after={field: {verb: sorted(pk_set or [])}})


def _record(entry: tuple[Actor, str], action: AuditAction, obj: models.Model, **change: Any) -> None:
    actor, reason = entry
    audit_record(actor=actor, action=action, obj=obj, reason=reason, **change)


def added_entries(objects: list[models.Model]) -> list[AuditEntry]:
    """The `<name>_added` events the signals write for rows saved one by one, for rows of watched
    models written with bulk_create (which sends no signal): none outside an entry point."""
    entry = _entry()
    if entry is None:
        return []
    actor, reason = entry
    entries = []
    for obj in objects:
        name, ignored = _WATCHED[type(obj)]
        entries.append(
            AuditEntry(
                actor=actor, action=watched_action(name, "added"), obj=obj, after=_values(obj, ignored), reason=reason
            )
        )
    return entries


def watch(model: type[models.Model], name: str, *, ignore: tuple[str, ...] = ()) -> None:
    """Record every add, change and delete of `model` as `<name>_added|_changed|_deleted`."""
    for verb in WATCH_VERBS:
        watched_action(name, verb)  # a name AuditAction lacks fails here, while the apps load
    _patch_commands()
    _WATCHED[model] = (name, frozenset(ignore) | NOISE_FIELDS)
    uid = f"duban-audit-{model._meta.label_lower}"
    pre_save.connect(_before, sender=model, dispatch_uid=uid)
    post_save.connect(_after_save, sender=model, dispatch_uid=uid)
    post_delete.connect(_after_delete, sender=model, dispatch_uid=uid)
    for field in model._meta.many_to_many:
        m2m_changed.connect(_m2m, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}")
