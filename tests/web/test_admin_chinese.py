"""The admin speaks Chinese: app and model headings, object names and audit actions."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from accounts.models import User
from policy_tasks.models import AuditAction, AuditEvent, Task
from policy_tasks.models.audit_actions import WATCH_VERBS, audit_label, watched_action
from policy_tasks.services.audit import SYSTEM, audit_record

CJK = re.compile(r"[\u4e00-\u9fff]")
# Words an English admin would show; none may reach an administrator.
ENGLISH = [
    "object (",
    "AXES",
    "Axes",
    "KNOX",
    "Knox",
    "ACTOR UNIT",
    "Actor unit",
    "Django_celery_beat",
    "Periodic",
    "Can add",
    "Can change",
    "Can delete",
    "Can view",
    "Model name",
    "Add link",
    "Locked Out",
    "Meta Data",
    "Form Data",
    "auth token",
    "access attempt",
]


@pytest.fixture
def admin_client(db, client, seeded):
    user = User.objects.create_superuser("root", "root@example.com", "Root-password-1")
    client.force_login(user)
    return client


def _assert_chinese(html: str, url: str) -> None:
    for word in ENGLISH:
        assert word not in html, f"{url} shows {word!r}"


@pytest.mark.django_db
def test_every_app_and_model_is_named_in_chinese():
    # Every model, not only the registered ones: the permission lists of users and groups name them all.
    for model in apps.get_models():
        meta = model._meta
        assert CJK.search(str(meta.app_config.verbose_name)), meta.app_label
        assert CJK.search(str(meta.verbose_name)), meta.label
        assert CJK.search(str(meta.verbose_name_plural)), meta.label


def test_every_changelist_and_one_change_page_is_chinese(admin_client):
    index = admin_client.get(reverse("admin:index"))
    assert index.status_code == 200
    _assert_chinese(index.content.decode(), "/admin/")
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        page = admin_client.get(url)
        assert page.status_code == 200, url
        _assert_chinese(page.content.decode(), url)
        obj = model_admin.get_queryset(page.wsgi_request).first()
        if obj is None:
            continue
        assert CJK.search(str(obj)) or str(obj)[:1].isdigit(), f"{meta.label}: {obj}"
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
        page = admin_client.get(url)
        assert page.status_code == 200, url
        _assert_chinese(page.content.decode(), url)


ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("accounts", "policy_tasks", "notifications", "duban", "monitoring")
# What takes an audit action, and where the action sits when it is passed by position.
RECORDERS = {"audit_record": None, "AuditEntry": 1, "_record": 1}
LITERAL_ACTION = re.compile(r'action\s*=\s*"([a-z_]+\.[a-z_.]+)"')
WATCH = re.compile(r'watch\(\s*\w+,\s*"([a-z_]+\.[a-z_]+)"')


def _sources():
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path, path.read_text(encoding="utf-8")


def _action_argument(call: ast.Call) -> ast.expr | None:
    name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
    if name not in RECORDERS:
        return None
    for keyword in call.keywords:
        if keyword.arg == "action":
            return keyword.value
    position = RECORDERS[name]
    return call.args[position] if position is not None and len(call.args) > position else None


def _members(node: ast.expr) -> list[str] | None:
    """The AuditAction members an argument can be, or None when it is not written with them."""
    if isinstance(node, ast.IfExp):
        body, orelse = _members(node.body), _members(node.orelse)
        return None if body is None or orelse is None else body + orelse
    if isinstance(node, ast.Attribute) and getattr(node.value, "id", None) == "AuditAction":
        return [node.attr]
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "watched_action":
        return []  # audit_signals: a member `watch` checked when the apps loaded
    return None


def test_every_audit_action_is_a_member_with_a_chinese_label():
    labels = [action.label for action in AuditAction]
    assert all(CJK.search(label) for label in labels)
    assert len(set(labels)) == len(labels)  # two actions read alike in the history otherwise
    assert all(audit_label(action.value) == action.label for action in AuditAction)


def test_every_call_site_records_an_audit_action_member():
    """Each audit_record/AuditEntry call names AuditAction members (or passes on a variable that
    holds one: reports.py's `action`, audit_signals' `_record`); no code writes an action as a string."""
    named, loose = set(), []
    for path, text in _sources():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Attribute) and getattr(node.value, "id", None) == "AuditAction":
                named.update([node.attr] if node.attr.isupper() else [])  # not .choices, .names
            if isinstance(node, ast.Call) and (argument := _action_argument(node)) is not None:
                if _members(argument) is None and not isinstance(argument, ast.Name):
                    loose.append(f"{path.relative_to(ROOT)}:{node.lineno}")
        # API views name the permission they check `action` too (task.view): not audit actions.
        if "api" not in path.parts:
            loose += [f"{path.relative_to(ROOT)}: {a}" for a in LITERAL_ACTION.findall(text)]
    assert loose == []
    assert {"REPORT_FILE", "AUTH_LOGIN", "MILESTONE_RECURRING_GENERATE"} <= named  # the scan finds them
    assert sorted(named - set(AuditAction.names)) == []


def test_every_watched_model_records_members():
    names = {name for _, text in _sources() for name in WATCH.findall(text)}
    assert {"account.user", "settings.reminder_rule"} <= names  # the scan finds them
    for name in names:
        for verb in WATCH_VERBS:
            assert CJK.search(watched_action(name, verb).label)


def test_an_unknown_action_shows_as_written():
    assert audit_label("newer.release_action") == "newer.release_action"


def test_the_task_pages_history_names_each_action_in_chinese(db, client, seeded):
    task = Task.objects.filter(document=seeded).first()
    audit_record(actor=SYSTEM, action=AuditAction.URGE_ESCALATE, obj=task, task=task)
    client.force_login(User.objects.get(username="duchashi"))
    page = client.get(f"/tasks/{task.pk}/").content.decode()
    history = page[page.index('id="audit"') :]
    assert "<b>督办单逾期升级</b>" in history
    assert "urge.escalate" not in history


def test_audit_events_show_their_label_in_the_list_and_the_detail(admin_client):
    event = AuditEvent.objects.filter(action="document.import").first()
    assert event is not None
    changelist = admin_client.get(reverse("admin:policy_tasks_auditevent_changelist")).content.decode()
    assert "导入文件" in changelist
    assert ">document.import<" not in changelist
    detail = admin_client.get(reverse("admin:policy_tasks_auditevent_change", args=[event.pk])).content.decode()
    assert "导入文件（document.import）" in detail
