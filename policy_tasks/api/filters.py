"""Filters a supervisor needs (django-filter) and ordering that cursor pagination can page through."""

from __future__ import annotations

import django_filters as df
from django import forms
from django.db.models import Exists, OuterRef
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.filters import OrderingFilter

from accounts.models import Unit
from duban.lib import clock
from policy_tasks.date_fields import WindowDateFormField, WindowIsoDateTimeFormField
from policy_tasks.models import DONE_STATUSES, Area, Milestone, ProgressReport, Task, TaskUnit
from policy_tasks.selectors.counted import overdue_on
from policy_tasks.selectors.lights import Light, task_lights

_ID = {"min_value": 1, "max_value": 2**63 - 1}


class IdFilter(df.NumberFilter):
    """An id that is refused with a 400 when it cannot be one (not a crash in the driver)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra.update(_ID)


class WindowDateFilter(df.DateFilter):
    """A date inside duban.lib.datewindow; anything else is a 400 (it overflowed date arithmetic)."""

    field_class = WindowDateFormField


class WindowIsoDateTimeFilter(df.IsoDateTimeFilter):
    field_class = WindowIsoDateTimeFormField


# Query parameters that page or order a list; they never select rows.
PAGING_PARAMS = frozenset({"cursor", "page_size", "ordering", "format"})


class FilterBackend(DjangoFilterBackend):
    """django-filter, skipped when the request names no filter: building and validating the
    filter form costs about as much as a small query, on every page of every list."""

    def filter_queryset(self, request, queryset, view):
        if PAGING_PARAMS.issuperset(request.query_params.keys()):
            return queryset
        return super().filter_queryset(request, queryset, view)


class TieBreakOrdering(OrderingFilter):
    """Adds the primary key after the chosen field, so equal values still page in a fixed order."""

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if ordering and ordering[0].lstrip("-") != "id":
            direction = "-" if ordering[0].startswith("-") else ""
            ordering = [ordering[0], f"{direction}id"]
        return ordering


def _overdue_milestone(day) -> Exists:
    return Exists(Milestone.objects.filter(overdue_on(day), task=OuterRef("pk")))


class TaskFilter(df.FilterSet):
    document = IdFilter(field_name="document_id", label="文件 ID")
    area = IdFilter(field_name="area_id", label="领域 ID")
    unit = IdFilter(method="filter_unit", label="责任单位 ID（牵头或配合）")
    lead_unit = IdFilter(method="filter_lead_unit", label="牵头单位 ID")
    status = df.ChoiceFilter(choices=Task.Status.choices, label="状态")
    light = df.ChoiceFilter(choices=Light.choices, method="filter_light", label="红黄绿灯（按今天）")
    due_after = WindowDateFilter(method="filter_due_after", label="有节点完成时限不早于此日期")
    due_before = WindowDateFilter(method="filter_due_before", label="有节点完成时限不晚于此日期")
    overdue_on = WindowDateFilter(method="filter_overdue_on", label="截至此日期有逾期未销号节点")
    search = df.CharFilter(field_name="title", lookup_expr="icontains", max_length=100, label="标题包含")

    class Meta:
        model = Task
        fields: list[str] = []

    def filter_unit(self, qs, name, value):
        return qs.filter(pk__in=TaskUnit.objects.filter(unit_id=value).values("task_id"))

    def filter_lead_unit(self, qs, name, value):
        return qs.filter(pk__in=TaskUnit.objects.filter(unit_id=value, role=TaskUnit.Role.LEAD).values("task_id"))

    def filter_due_after(self, qs, name, value):
        return qs.filter(Exists(Milestone.objects.filter(task=OuterRef("pk"), due_date__gte=value)))

    def filter_due_before(self, qs, name, value):
        return qs.filter(Exists(Milestone.objects.filter(task=OuterRef("pk"), due_date__lte=value)))

    def filter_overdue_on(self, qs, name, value):
        return qs.filter(_overdue_milestone(value))

    def filter_light(self, qs, name, value):
        today = clock.today()
        if value == Light.GREY:
            # Nothing left to do: closed, or withdrawn by a new version of the document.
            return qs.filter(status__in=DONE_STATUSES)
        # Red is plain SQL; yellow and green depend on the working-day calendar and on
        # reported percents, so they are decided by the lights selector over the
        # open, not-red candidates (a constant number of queries).
        red = _overdue_milestone(today)
        open_tasks = qs.filter(status=Task.Status.OPEN)
        if value == Light.RED:
            return open_tasks.filter(red)
        candidates = open_tasks.exclude(red).only("id", "status")
        wanted = [pk for pk, light in task_lights(candidates, on=today).items() if light == value]
        return qs.filter(pk__in=wanted)


class MilestoneFilter(df.FilterSet):
    document = IdFilter(field_name="document_id", label="文件 ID")
    task = IdFilter(field_name="task_id", label="任务 ID")
    area = IdFilter(field_name="area_id", label="领域 ID")
    unit = IdFilter(method="filter_unit", label="责任单位 ID（牵头或配合）")
    lead_unit = IdFilter(method="filter_lead_unit", label="牵头单位 ID")
    status = df.ChoiceFilter(choices=Milestone.Status.choices, label="状态")
    kind = df.ChoiceFilter(choices=Milestone.Kind.choices, label="类型")
    due_after = WindowDateFilter(field_name="due_date", lookup_expr="gte", label="完成时限不早于")
    due_before = WindowDateFilter(field_name="due_date", lookup_expr="lte", label="完成时限不晚于")
    overdue_on = WindowDateFilter(method="filter_overdue_on", label="截至此日期逾期未销号")
    search = df.CharFilter(field_name="text", lookup_expr="icontains", max_length=100, label="原文包含")

    class Meta:
        model = Milestone
        fields: list[str] = []

    def filter_unit(self, qs, name, value):
        return qs.filter(task__in=TaskUnit.objects.filter(unit_id=value).values("task_id"))

    def filter_lead_unit(self, qs, name, value):
        return qs.filter(task__in=TaskUnit.objects.filter(unit_id=value, role=TaskUnit.Role.LEAD).values("task_id"))

    def filter_overdue_on(self, qs, name, value):
        # As the overdue ledger and the figures count it on that day (selectors.counted.overdue_on):
        # one closed only after it was overdue then; a withdrawn one never is.
        return qs.filter(overdue_on(value))


class ReportFilter(df.FilterSet):
    task = IdFilter(field_name="task_id", label="任务 ID")
    unit = IdFilter(field_name="unit_id", label="填报单位 ID")
    period = IdFilter(field_name="period_id", label="填报周期 ID")
    document = IdFilter(field_name="task__document_id", label="文件 ID")
    is_lead = df.BooleanFilter(label="牵头单位报告")
    submitted_after = WindowIsoDateTimeFilter(field_name="submitted_at", lookup_expr="gte", label="填报时间不早于")
    submitted_before = WindowIsoDateTimeFilter(field_name="submitted_at", lookup_expr="lte", label="填报时间不晚于")

    class Meta:
        model = ProgressReport
        fields: list[str] = []


class AreaFilter(df.FilterSet):
    document = IdFilter(field_name="document_id", label="文件 ID")

    class Meta:
        model = Area
        fields: list[str] = []


class UnitFilter(df.FilterSet):
    kind = df.ChoiceFilter(choices=Unit.Kind.choices, label="类型")
    search = df.CharFilter(field_name="name", lookup_expr="icontains", max_length=100, label="名称包含")
    is_active = df.BooleanFilter(label="启用")

    class Meta:
        model = Unit
        fields: list[str] = []


def task_scoped_filter(model, *, task_path: str = "task"):
    """For evidence, urges and requests: the task (and document) they belong to, and their status."""
    attrs = {
        "task": IdFilter(field_name=f"{task_path}_id", label="任务 ID"),
        "document": IdFilter(field_name=f"{task_path}__document_id", label="文件 ID"),
        "Meta": type("Meta", (), {"model": model, "fields": []}),
    }
    if hasattr(model, "Status"):
        attrs["status"] = df.ChoiceFilter(choices=model.Status.choices, label="状态")
    if task_path != "task":
        attrs["milestone"] = IdFilter(field_name="milestone_id", label="节点 ID")
    return type(f"{model.__name__}Filter", (df.FilterSet,), attrs)
