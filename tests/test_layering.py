"""Dependencies point one way: notifications -> policy_tasks -> accounts; the parser is plain Python.

Read from the source with `ast`, so an import inside a function counts as much as one at
the top (an import loop hidden in a function is still a loop), relative imports are
resolved, and `importlib.import_module("…")` with a literal name is seen too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("accounts", "policy_tasks", "notifications", "duban")
# Packages that are Django or load it: the parser must run without a configured Django.
DJANGO_WORLD = (
    "django",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "knox",
    "axes",
    "rules",
    "celery",
    "django_celery_beat",
    "whitenoise",
)


def imports_of(path: Path, root: Path = ROOT) -> Iterator[tuple[int, str]]:
    """(line, dotted name) for everything the file imports; `from a import b` gives `a.b`."""
    package = list(path.relative_to(root).with_suffix("").parts[:-1])
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}"
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in {"import_module", "__import__"} and isinstance(node.args[0].value, str):
                yield node.lineno, node.args[0].value


def _within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def _offences(folder: str, is_forbidden) -> set[tuple[str, str]]:
    found = set()
    for path in sorted((ROOT / folder).rglob("*.py")):
        for _, name in imports_of(path):
            if is_forbidden(name):
                found.add((path.relative_to(ROOT).as_posix(), name))
    return found


def test_accounts_imports_neither_policy_tasks_nor_notifications():
    assert _offences("accounts", lambda name: _within(name, ("policy_tasks", "notifications"))) == set()


def test_policy_tasks_does_not_import_notifications():
    assert _offences("policy_tasks", lambda name: _within(name, ("notifications",))) == set()


def test_the_parser_imports_nothing_of_django_or_of_the_project():
    def forbidden(name: str) -> bool:
        if _within(name, ("policy_tasks.parsing",)):
            return False
        return _within(name, DJANGO_WORLD) or _within(name, PROJECT)

    assert _offences("policy_tasks/parsing", forbidden) == set()


def test_the_check_sees_imports_in_functions_relative_ones_and_import_module(tmp_path):
    module = tmp_path / "pkg" / "sub" / "mod.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "from . import sibling\n"
        "from ..other import thing\n"
        "def late():\n"
        "    from notifications.models import InboxMessage\n"
        "    import importlib\n"
        "    return importlib.import_module('django.db')\n",
        encoding="utf-8",
    )
    names = {name for _, name in imports_of(module, root=tmp_path)}
    assert names == {
        "pkg.sub.sibling",
        "pkg.other.thing",
        "notifications.models.InboxMessage",
        "importlib",
        "django.db",
    }
