"""The beat lease without PostgreSQL (SQLite, one machine): an flock the kernel frees."""

from __future__ import annotations

from duban.beat.lease import FileLease


def test_a_second_beat_waits_for_the_file_lease_and_gets_it_once_freed(tmp_path):
    path = tmp_path / "beat.lock"
    first, second = FileLease(30, path), FileLease(30, path)
    assert first.acquire() and first.renew() and first.may_send()
    assert not second.acquire()
    assert not second.may_send()
    first.release()
    assert not first.may_send()
    assert second.acquire() and second.may_send()
    second.release()
