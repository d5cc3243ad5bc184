"""Two supervisors issuing 督办单 at the same moment never get the same number (PostgreSQL).

Real threads, each with its own connection and transaction. The first holds its transaction
open after taking number 1; the second must wait for it (the advisory lock on office and
year), then take number 2. Without the lock the unique constraint still refuses the twin:
the second insert fails rather than printing a number twice.
"""

from __future__ import annotations

import threading
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import IntegrityError, connections, transaction

from policy_tasks.models import UrgeNotice
from policy_tasks.services import urges_numbering
from policy_tasks.services.urges import urge_issue
from tests.api.conftest import client_for

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def november():
    with time_machine.travel(datetime(2023, 11, 2, 9, tzinfo=SHANGHAI), tick=False):
        yield


def _issue(world):
    return urge_issue(
        user=world.supervisor, task=world.task, level="urge", message="请加快", reply_due=date(2023, 11, 7)
    )


def _in_thread(target) -> threading.Thread:
    def run():
        try:
            target()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def _two_transactions(world) -> tuple[list, threading.Event]:
    """The first transaction takes a number and stays open until `release` is set; the second
    starts meanwhile. Returns what each produced (a number or an exception) in finishing order."""
    taken, release, results = threading.Event(), threading.Event(), []

    def first():
        with transaction.atomic():
            results.append(("first", _issue(world).number))
            taken.set()
            release.wait(10)

    def second():
        taken.wait(10)
        try:
            results.append(("second", _issue(world).number))
        except IntegrityError as exc:
            results.append(("second", exc))

    threads = [_in_thread(first), _in_thread(second)]
    return results, release, threads


@pytest.mark.django_db(transaction=True)
def test_a_second_transaction_waits_for_the_first_and_takes_the_next_number(require_postgres, world):
    results, release, threads = _two_transactions(world)
    threads[1].join(1.0)
    assert threads[1].is_alive(), "the second issuer went ahead while the first held its number"
    release.set()
    for thread in threads:
        thread.join(30)
    assert results == [("first", "柯督〔2023〕第1号"), ("second", "柯督〔2023〕第2号")]
    assert sorted(UrgeNotice.objects.values_list("number_seq", flat=True)) == [1, 2]


@pytest.mark.django_db(transaction=True)
def test_without_the_lock_the_unique_constraint_refuses_the_twin(require_postgres, world, monkeypatch):
    monkeypatch.setattr(urges_numbering, "_lock", lambda office, year: None)
    results, release, threads = _two_transactions(world)
    threads[1].join(1.0)  # the second reads max = 0 too and blocks on the unique index
    release.set()
    for thread in threads:
        thread.join(30)
    assert results[0] == ("first", "柯督〔2023〕第1号")
    assert results[1][0] == "second" and isinstance(results[1][1], IntegrityError)
    assert "urgenotice_number_unique" in str(results[1][1])
    assert list(UrgeNotice.objects.values_list("number", flat=True)) == ["柯督〔2023〕第1号"]


@pytest.mark.django_db(transaction=True)
def test_six_urges_through_the_api_at_once_get_six_numbers(require_postgres, world):
    barrier, statuses, lock = threading.Barrier(6), [], threading.Lock()

    def send():
        barrier.wait(10)
        response = client_for(world.supervisor).post(
            f"/api/v1/tasks/{world.task.pk}/urge/",
            {"level": "supervise", "message": "请加快", "reply_due": "2023-11-07"},
            format="json",
        )
        with lock:
            statuses.append((response.status_code, response.json().get("number")))

    threads = [_in_thread(send) for _ in range(6)]
    for thread in threads:
        thread.join(60)
    assert sorted(statuses) == sorted((201, f"柯督〔2023〕第{n}号") for n in range(1, 7))
