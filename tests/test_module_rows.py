"""tests/module_rows.py keeps each test to itself: what one test writes into the module's shared
rows, in the database, in memory or in its files, the next one does not see. The tests run in
the order written."""

from __future__ import annotations

import pytest

from accounts.models import Unit
from tests import factories as f
from tests.module_rows import build_for_module, module_rows


@pytest.fixture(scope="module")
def _shared(request, django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("module-rows")

    def build():
        (folder / "media").mkdir()
        (folder / "media" / "shared.txt").write_text("built once")
        return {"unit": f.UnitFactory(name="模块共享单位")}

    for rows in build_for_module(request, django_db_blocker, folder, build):
        yield rows, folder


@pytest.fixture
def shared(request, _shared, db, settings):
    rows, folder = _shared
    return module_rows(request, rows, folder, settings)


def test_a_test_that_writes_everywhere(shared, settings):
    shared["unit"].short_name = "改过"
    shared["unit"].save()
    f.UnitFactory(name="一个测试自己加的单位")
    (settings.MEDIA_ROOT / "shared.txt").write_text("changed")


def test_the_next_test_sees_none_of_it(shared, settings):
    assert shared["unit"].short_name == ""
    assert Unit.objects.get(pk=shared["unit"].pk).short_name == ""
    assert not Unit.objects.filter(name="一个测试自己加的单位").exists()
    assert (settings.MEDIA_ROOT / "shared.txt").read_text() == "built once"
