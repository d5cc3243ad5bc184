"""The split form (分解任务): a supervisor gives each member unit of a task's unit (the townships
of 各乡镇街道) its own target and deadline; services.decomposition does the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accounts.models import Unit
from accounts.request_types import AuthenticatedHttpRequest
from policy_tasks import permissions
from policy_tasks.errors import ServiceError
from policy_tasks.models import Milestone, Task, TaskUnit
from policy_tasks.services.decomposition import SubTaskSpec, deadline_bound, members_of, task_decompose
from policy_tasks.web.access import meta, page
from policy_tasks.web.forms import PageForm, field_of


def split_units(task: Task) -> list[Unit]:
    """The task's units that have member units: the shares that can be split."""
    units = [tu.unit for tu in TaskUnit.objects.filter(task=task).select_related("unit").order_by("position")]
    with_members = set(Unit.objects.filter(children__is_active=True).values_list("pk", flat=True))
    return [u for u in units if u.pk in with_members]


class DecomposeForm(PageForm):
    share_unit = forms.TypedChoiceField(label="分解的责任单位", coerce=int)
    milestone = forms.TypedChoiceField(label="对应上级节点", coerce=int, required=False, empty_value=None)

    def __init__(self, *args, task: Task, share: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        share_field = field_of(self, "share_unit", forms.ChoiceField)
        share_field.choices = [(u.pk, u.name) for u in split_units(task)]
        share_field.initial = share.pk
        live = Milestone.objects.live().filter(task=task).order_by("position")
        field_of(self, "milestone", forms.ChoiceField).choices = [("", "（不指定，以文件默认时限为限）")] + [
            (m.pk, f"{m.text[:30]}（{m.due_date:%Y-%m-%d}）" if m.due_date else m.text[:30]) for m in live
        ]
        self.members = members_of(share)
        for unit in self.members:
            key = unit.pk
            self.fields[f"include_{key}"] = forms.BooleanField(label=unit.name, required=False)
            self.fields[f"target_{key}"] = forms.CharField(label="目标任务", required=False, max_length=2000)
            self.fields[f"value_{key}"] = forms.DecimalField(
                label="目标值", required=False, min_value=0, max_digits=20, decimal_places=4
            )
            self.fields[f"value_unit_{key}"] = forms.CharField(label="计量单位", required=False, max_length=32)
            self.fields[f"due_{key}"] = forms.DateField(
                label="完成时限", required=False, widget=forms.DateInput(attrs={"type": "date"})
            )

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "unit": u,
                "include": self[f"include_{u.pk}"],
                "target": self[f"target_{u.pk}"],
                "value": self[f"value_{u.pk}"],
                "value_unit": self[f"value_unit_{u.pk}"],
                "due": self[f"due_{u.pk}"],
            }
            for u in self.members
        ]

    def specs(self) -> list[SubTaskSpec]:
        data = self.cleaned_data
        return [
            SubTaskSpec(
                unit=u,
                target=data.get(f"target_{u.pk}") or "",
                due_date=data.get(f"due_{u.pk}"),
                target_value=data.get(f"value_{u.pk}"),
                target_unit=data.get(f"value_unit_{u.pk}") or "",
            )
            for u in self.members
            if data.get(f"include_{u.pk}")
        ]


def _load(request: AuthenticatedHttpRequest, task_id: int) -> tuple[Task, list[Unit]]:
    task = permissions.visible_tasks(request.user, Task.objects.select_related("document")).filter(pk=task_id).first()
    if task is None:
        raise Http404("任务不存在或无权查看")
    if not permissions.is_scoped_supervisor(request.user, task):
        raise PermissionDenied("只有督查员可以分解任务")
    shares = split_units(task)
    if task.parent_id is not None or not shares:
        raise Http404("该任务没有可分解的成员单位")
    return task, shares


def _share(request: AuthenticatedHttpRequest, shares: list[Unit]) -> Unit:
    wanted = request.POST.get("share_unit") or request.GET.get("unit") or ""
    return next((u for u in shares if str(u.pk) == wanted), shares[0])


@page
def decompose(request: AuthenticatedHttpRequest, task_id: int) -> HttpResponse:
    task, shares = _load(request, task_id)
    share = _share(request, shares)
    form = DecomposeForm(request.POST or None, task=task, share=share)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            chosen = form.cleaned_data.get("milestone")
            milestone = Milestone.objects.filter(pk=chosen, task=task).first() if chosen else None
            try:
                subs = task_decompose(
                    user=request.user,
                    task=task,
                    share_unit=share,
                    specs=form.specs(),
                    milestone=milestone,
                    meta=meta(request),
                )
            except ServiceError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, f"已分解为 {len(subs)} 项子任务")
                return redirect(reverse("web:task", args=[task.pk]) + "#decomposition")
        status = 400
    context = {"task": task, "share": share, "form": form, "bound": deadline_bound(task, None)}
    return render(request, "web/decompose.html", context, status=status)
