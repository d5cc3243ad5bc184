"""Every action × every role × own unit / co-unit / other unit, expected outcomes read from
docs/permissions.md, so the page, the rule table and the services cannot drift apart.

Each cell is checked twice: against the rules (`require`/`can`) and by calling the service
that performs the action, inside a savepoint that is always rolled back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from accounts.models import RoleGrant
from notifications.models import Channel, Delivery, Subject
from notifications.selectors import deliveries_failed
from notifications.services.retry import deliveries_retry_failed
from policy_tasks.errors import Forbidden, NotFound
from policy_tasks.exports.calendar_feed import calendar_token_create
from policy_tasks.models import ReportPeriod, SupervisionScope, UrgeNotice
from policy_tasks.permissions import PERMISSIONS, can, require
from policy_tasks.selectors.tasks import tasks_for_user
from policy_tasks.services.evidence import evidence_open_for, evidence_upload
from policy_tasks.services.extensions import extension_grant, extension_refuse, extension_request
from policy_tasks.services.imports import document_import
from policy_tasks.services.milestones import milestone_request_completion, milestone_return, milestone_verify
from policy_tasks.services.reports import task_report_progress
from policy_tasks.services.urges import urge_acknowledge, urge_issue, urge_reply
from tests import factories as f
from tests.conftest import build_world
from tests.module_rows import build_for_module, module_rows

DOC = Path(django_settings.BASE_DIR) / "docs" / "permissions.md"
SEED = Path(django_settings.BASE_DIR) / "fixtures" / "kecheng-2023-16.txt"
CELLS = {"✓", "403", "404", "401"}


def read_table() -> tuple[list[str], dict[str, dict[str, str]], dict[str, str]]:
    """(role columns, {action: {column: cell}}, {action: object kind}) from the page's first table headed `action`."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"\|\s*action\s*\|", line))
    header = [c.strip() for c in lines[start].strip("|").split("|")]
    columns = header[3:]
    table: dict[str, dict[str, str]] = {}
    objects: dict[str, str] = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        action = cells[0].strip("`")
        assert set(cells[3:]) <= CELLS, f"{action}: cells must be one of {CELLS}"
        table[action] = dict(zip(columns, cells[3:], strict=True))
        objects[action] = cells[1]
    return columns, table, objects


COLUMNS, TABLE, OBJECTS = read_table()
# A column may be played by several people; each must behave as the column says.
PLAYERS = {
    "lead_clerk": ["lead_clerk"],
    "lead_head": ["lead_head"],
    "co_clerk": ["co_clerk"],
    "co_head": ["co_head"],
    "other_clerk": ["other_clerk"],
    "supervisor": ["supervisor", "supervisor_of_document"],
    "supervisor_out": ["supervisor_of_other_document", "supervisor_of_other_area"],
    "leader": ["leader"],
    "admin": ["admin"],
    "anonymous": ["anonymous"],
}
CASES = [
    (action, column, player)
    for action in TABLE
    for column in COLUMNS
    for player in PLAYERS[column]
    # Scoped to another area of the same document: out of the task's scope, not the document's.
    if not (player == "supervisor_of_other_area" and OBJECTS[action] == "document")
]


class Scene:
    """The world, plus the state each action needs (built only when asked for)."""

    def __init__(self, world):
        self.world = world
        self.task, self.milestone, self.document = world.task, world.milestone, world.document

    def player(self, name: str):
        if name == "anonymous":
            return AnonymousUser()
        if hasattr(self.world, name):
            return getattr(self.world, name)
        user = f.UserFactory(username=name)
        grant = f.RoleGrantFactory(user=user, role=RoleGrant.Role.SUPERVISOR)
        if name == "supervisor_of_document":
            SupervisionScope.objects.create(grant=grant, document=self.document)
        elif name == "supervisor_of_other_document":
            SupervisionScope.objects.create(grant=grant, document=f.DocumentFactory())
        elif name == "supervisor_of_other_area":
            area = f.AreaFactory(document=self.document, number=8)
            SupervisionScope.objects.create(grant=grant, document=self.document, area=area)
        return user

    @cached_property
    def period(self):
        return ReportPeriod.objects.create(
            document=self.document, starts_on=date(2023, 5, 1), ends_on=date(2023, 5, 31), due_on=date(2023, 6, 7)
        )

    def upload(self, user):
        return evidence_upload(user=user, task=self.task, uploaded_file=SimpleUploadedFile("a.txt", b"evidence"))

    @cached_property
    def lead_evidence(self):
        return self.upload(self.world.lead_clerk)

    @cached_property
    def completion_requested(self):
        evidence = self.upload(self.world.lead_head)
        return milestone_request_completion(
            user=self.world.lead_head, milestone=self.milestone, evidence_ids=[evidence.pk]
        )

    @cached_property
    def extension(self):
        return extension_request(
            user=self.world.lead_head, milestone=self.milestone, reason="征地", proposed_date=date(2023, 12, 15)
        )

    @cached_property
    def notice(self):
        return urge_issue(
            user=self.world.supervisor, task=self.task, level="urge", message="请加快", reply_due=date(2023, 6, 9)
        )

    def own_recipient(self, user):
        """The notice row of the user's own unit if they have one, else the lead unit's."""
        rows = self.notice.recipients.all()
        mine = [r for r in rows if user.is_authenticated and r.unit.memberships.filter(user=user).exists()]
        return mine[0] if mine else rows.get(unit=self.world.lead_unit)


def _open_evidence(scene: Scene, user) -> None:
    evidence_open_for(user=user, evidence=scene.lead_evidence).close()


def _decide(scene: Scene, user) -> None:
    # Both decisions must agree; each runs in its own rolled-back savepoint, on a request
    # made outside them both.
    request = scene.extension
    outcomes = {
        outcome(lambda: extension_grant(user=user, request=request)),
        outcome(lambda: extension_refuse(user=user, request=request, note="不同意")),
    }
    assert len(outcomes) == 1, outcomes
    refusal = {"404": NotFound, "403": Forbidden}.get(outcomes.pop())
    if refusal:
        raise refusal("")


def _check_scoreboard(scene: Scene, user) -> None:
    if not can(user, "scoreboard.read", scene.document):
        raise Forbidden("")


def _read_all_deliveries(scene: Scene, user) -> None:
    """Whether the failed-delivery panel lists a stranger's failed reminder about no task."""
    stranger = f.UserFactory(username="stranger")
    delivery = Delivery.objects.create(
        subject_type=Subject.MILESTONE,
        subject_id=scene.milestone.pk,
        due_date=date(2023, 6, 30),
        fire_date=date(2023, 6, 1),
        recipient=stranger,
        channel=Channel.EMAIL,
        status=Delivery.Status.FAILED,
        next_attempt_at=JUNE,
        created_at=JUNE,
    )
    if not deliveries_failed(user=user).filter(pk=delivery.pk).exists():
        raise Forbidden("")


SERVICES: dict[str, Callable[[Scene, object], object]] = {
    "task.view": lambda s, u: require(u, "task.view", s.task),
    "task.report": lambda s, u: task_report_progress(
        user=u, task=s.task, period=s.period, progress="推进中", percent=30
    ),
    "task.upload_evidence": lambda s, u: s.upload(u),
    "evidence.download": _open_evidence,
    "milestone.request_completion": lambda s, u: milestone_request_completion(
        user=u, milestone=s.milestone, evidence_ids=[s.lead_evidence.pk]
    ),
    "milestone.verify": lambda s, u: (s.completion_requested, milestone_verify(user=u, milestone=s.milestone)),
    "milestone.return": lambda s, u: (
        s.completion_requested,
        milestone_return(user=u, milestone=s.milestone, reason="材料不全"),
    ),
    "milestone.request_extension": lambda s, u: extension_request(
        user=u, milestone=s.milestone, reason="征地", proposed_date=date(2023, 12, 31)
    ),
    "extension.decide": _decide,
    "urge.issue": lambda s, u: urge_issue(
        user=u, task=s.task, level=UrgeNotice.Level.REMIND, message="请报送", reply_due=date(2023, 6, 9)
    ),
    "urge.acknowledge": lambda s, u: urge_acknowledge(user=u, recipient=s.own_recipient(u)),
    "urge.reply": lambda s, u: urge_reply(user=u, recipient=s.own_recipient(u), reply="已落实"),
    # No service reads the trail yet; the API calls exactly this before listing events.
    "audit.read": lambda s, u: require(u, "audit.read", s.task),
    "scoreboard.read": _check_scoreboard,
    "document.import": lambda s, u: document_import(text=SEED.read_text(encoding="utf-8"), user=u, dry_run=True),
    "account.manage": lambda s, u: require(u, "account.manage"),
    "delivery.retry": lambda s, u: deliveries_retry_failed(user=u),
    "delivery.read_all": _read_all_deliveries,
    "calendar.follow_unit": lambda s, u: calendar_token_create(user=u, unit=s.world.lead_unit),
}


class _Rollback(Exception):
    pass


def outcome(call: Callable[[], object]) -> str:
    """What a call does, as a table cell; whatever it wrote is rolled back."""
    try:
        with transaction.atomic():
            call()
            raise _Rollback
    except _Rollback:
        return "✓"
    except NotFound:
        return "404"
    except Forbidden:
        return "403"


def expected(action: str, column: str) -> str:
    cell = TABLE[action][column]
    if cell == "401":
        # No credentials: the API stops at 401; below it, refused like an outsider.
        return "404" if OBJECTS[action] == "task" else "403"
    return cell


def rule_outcome(scene: Scene, user, action: str) -> str:
    kind = OBJECTS[action]
    if kind == "task":
        return outcome(lambda: require(user, action, scene.task))
    if kind == "unit":
        # A unit one may not follow is one that does not exist; with no sign-in, refused.
        if can(user, action, scene.world.lead_unit):
            return "✓"
        return "404" if user.is_authenticated else "403"
    obj = scene.document if kind == "document" else None
    return "✓" if can(user, action, obj) else "403"


JUNE = datetime(2023, 6, 1, 10, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def june():
    with time_machine.travel(JUNE, tick=False):
        yield


@pytest.fixture(scope="module")
def _shared_world(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """The same world for all ~400 cells, built once (it was ~20 ms of each cell's ~25)."""
    folder = tmp_path_factory.mktemp("permission-world")

    def build():
        with time_machine.travel(JUNE, tick=False):
            return build_world()

    for world in build_for_module(request, django_db_blocker, folder, build):
        yield world, folder


@pytest.fixture
def world(request, _shared_world, db, settings):
    rows, folder = _shared_world
    return module_rows(request, rows, folder, settings)


def test_the_page_and_the_rule_table_name_the_same_actions():
    assert set(TABLE) == set(PERMISSIONS)
    assert set(SERVICES) == set(TABLE)
    assert COLUMNS == list(PLAYERS)
    assert set(OBJECTS.values()) <= {"task", "document", "unit", "none"}


@pytest.mark.parametrize(("action", "column", "player"), CASES)
def test_rules_match_the_page(world, action, column, player):
    scene = Scene(world)
    assert rule_outcome(scene, scene.player(player), action) == expected(action, column)


@pytest.mark.parametrize(("action", "column", "player"), CASES)
def test_services_match_the_page(world, action, column, player):
    scene = Scene(world)
    user = scene.player(player)
    assert outcome(lambda: SERVICES[action](scene, user)) == expected(action, column)


@pytest.mark.parametrize("player", [p for players in PLAYERS.values() for p in players])
def test_task_lists_show_exactly_what_the_detail_would(world, player):
    scene = Scene(world)
    column = next(c for c, players in PLAYERS.items() if player in players)
    listed = tasks_for_user(user=scene.player(player)).filter(pk=world.task.pk).exists()
    assert listed == (TABLE["task.view"][column] == "✓")
