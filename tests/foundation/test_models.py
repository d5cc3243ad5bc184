from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from accounts.models import Unit, UnitAlias
from policy_tasks.models import DONE_STATUSES, Milestone, Task
from tests import factories as f


@pytest.mark.django_db
def test_task_cannot_exist_without_a_document():
    with pytest.raises(IntegrityError), transaction.atomic():
        Task.objects.create(number=1, title="无文件任务", text="…")


@pytest.mark.django_db
def test_same_clause_number_cannot_appear_twice_in_a_document():
    document = f.DocumentFactory()
    f.TaskFactory(document=document, number=7)
    with pytest.raises(IntegrityError), transaction.atomic():
        f.TaskFactory(document=document, number=7)
    # The same number in another document is another clause.
    f.TaskFactory(document=f.DocumentFactory(), number=7)


@pytest.mark.django_db
def test_unit_name_resolves_through_its_aliases():
    unit = Unit.objects.create(name="区经信局")
    UnitAlias.objects.create(unit=unit, alias="商务局")
    UnitAlias.objects.create(unit=unit, alias="区经信局<商务局>")
    assert Unit.objects.resolve("区经信局") == unit
    assert Unit.objects.resolve("商务局") == unit
    assert Unit.objects.resolve("区经信局<商务局>") == unit
    # Full-width brackets and stray spaces are the same name.
    assert Unit.objects.resolve("区经信局＜商务局＞") == unit
    assert Unit.objects.resolve(" 商务局 ") == unit
    assert Unit.objects.resolve("区财政局") is None


@pytest.mark.django_db
def test_an_alias_belongs_to_one_unit_only():
    UnitAlias.objects.create(unit=Unit.objects.create(name="区经信局"), alias="商务局")
    with pytest.raises(IntegrityError), transaction.atomic():
        UnitAlias.objects.create(unit=Unit.objects.create(name="区商务局"), alias="商务局")


@pytest.mark.django_db
def test_milestone_belongs_to_a_task_or_an_area_not_both():
    task = f.TaskFactory()
    area = f.AreaFactory(document=task.document)
    with pytest.raises(IntegrityError), transaction.atomic():
        Milestone.objects.create(document=task.document, task=task, area=area, text="x", kind="target")
    with pytest.raises(IntegrityError), transaction.atomic():
        Milestone.objects.create(document=task.document, text="x", kind="target")


@pytest.mark.django_db
def test_a_task_lists_one_unit_once():
    link = f.TaskUnitFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        f.TaskUnitFactory(task=link.task, unit=link.unit, role="co")


def test_live_and_done_statuses_split_every_status_once():
    """One definition of "still open" and one of "finished" (models.tasks): a milestone's
    statuses are one or the other, and a task's finished statuses are spelt as a milestone's,
    so the one DONE_STATUSES serves both."""
    assert set(Milestone.LIVE_STATUSES) | set(DONE_STATUSES) == set(Milestone.Status.values)
    assert not set(Milestone.LIVE_STATUSES) & set(DONE_STATUSES)
    assert set(Task.Status.values) - {Task.Status.OPEN} == set(DONE_STATUSES)
