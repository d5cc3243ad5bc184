from __future__ import annotations

import hashlib
from datetime import date

import factory

from accounts.models import Membership, RoleGrant, Unit, User
from policy_tasks.models import Area, Milestone, PolicyDocument, Task, TaskUnit


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Sequence(lambda n: f"用户{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.gov.cn")
    phone = factory.Sequence(lambda n: f"139{n:08d}")
    password = factory.django.Password("pass-duban-123")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"区测试局{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    role = Membership.Role.CLERK


class RoleGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleGrant

    user = factory.SubFactory(UserFactory)
    role = RoleGrant.Role.SUPERVISOR


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PolicyDocument

    title = "测试实施方案"
    # Its own 发文字号 series: documents the tests import name theirs 测政发〔2023〕N号, and a factory
    # document of the same number made the import an update (test_three_ways, its worker's 9th document).
    doc_number = factory.Sequence(lambda n: f"测试发〔2023〕{n + 1}号")
    issued_on = date(2023, 2, 25)
    year = 2023
    default_due = date(2023, 12, 31)
    source_text = factory.LazyAttribute(lambda o: f"{o.title} {o.doc_number}")
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.source_text.encode()).hexdigest())


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    document = factory.SubFactory(DocumentFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = "测试领域"


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    document = factory.SubFactory(DocumentFactory)
    area = None
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"测试条款{n}")
    text = factory.LazyAttribute(lambda o: f"{o.title}。全年完成投资2000万元。")


class TaskUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskUnit

    task = factory.SubFactory(TaskFactory)
    unit = factory.SubFactory(UnitFactory)
    role = TaskUnit.Role.LEAD


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    task = factory.SubFactory(TaskFactory)
    document = factory.LazyAttribute(lambda o: o.task.document)
    text = "10月底前开工"
    kind = Milestone.Kind.DEADLINE
    due_date = date(2023, 10, 31)
    original_due_date = factory.LazyAttribute(lambda o: o.due_date)
