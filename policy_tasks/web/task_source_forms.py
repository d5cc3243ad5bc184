"""The short forms that register a task from its source (issue 16): one per kind, fields by kind."""

from __future__ import annotations

from typing import Any

from django import forms

from accounts.models import Unit, User
from policy_tasks.date_fields import WindowDateFormField
from policy_tasks.models import SourceKind, TaskSource
from policy_tasks.services.recurring import MAX_DAY, MAX_WORKDAY, MONTHLY, QUARTERLY
from policy_tasks.services.task_sources import SourceTaskInput, leader_users
from policy_tasks.web.forms import DateInput, PageForm, field_of

# The fields each kind adds to the common ones (content, units, deadline).
KIND_FIELDS = {
    SourceKind.INSTRUCTION: ("leader", "leader_name", "instructed_on", "instruction"),
    SourceKind.MEETING: ("meeting_name", "meeting_on", "leader", "leader_name"),
    SourceKind.PROPOSAL: ("proposal_kind", "proposal_number", "proposer"),
    SourceKind.ASSIGNMENT: ("leader", "leader_name", "instructed_on"),
}
# The optional recurring obligation (每月10日前报送进展), common to every kind.
RECURRING = ("recur_text", "recur_cadence", "recur_day", "recur_workday", "recur_until")
COMMON = ("title", "content", "lead_units", "co_units", "due_date", *RECURRING)


class SourceTaskForm(PageForm):
    title = forms.CharField(label="事项名称(可选)", required=False, max_length=60)
    content = forms.CharField(label="事项内容", widget=forms.Textarea(attrs={"rows": 4}))
    lead_units = forms.ModelMultipleChoiceField(label="牵头单位", queryset=Unit.objects.none())
    co_units = forms.ModelMultipleChoiceField(label="配合单位", required=False, queryset=Unit.objects.none())
    due_date = WindowDateFormField(label="完成时限", widget=DateInput())
    leader: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        label="批示领导", required=False, queryset=None, empty_label="(不是系统用户)"
    )
    leader_name = forms.CharField(label="领导姓名(不是系统用户时填写)", required=False, max_length=64)
    instructed_on = WindowDateFormField(label="批示日期", required=False, widget=DateInput())
    instruction = forms.CharField(label="批示内容", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    meeting_name = forms.CharField(label="会议名称", max_length=128)
    meeting_on = WindowDateFormField(label="会议日期", widget=DateInput())
    proposal_kind = forms.ChoiceField(label="类别", choices=TaskSource.ProposalKind.choices)
    proposal_number = forms.CharField(label="建议/提案号", max_length=32)
    proposer = forms.CharField(label="代表/委员", max_length=64)
    recur_text = forms.CharField(label="周期性要求(可选,如:每月报送进展)", required=False, max_length=60)
    recur_cadence = forms.ChoiceField(
        label="周期", required=False, choices=[(MONTHLY, "每月"), (QUARTERLY, "每季度(季度首月)")]
    )
    recur_day = forms.IntegerField(label="每期几日前", required=False, min_value=1, max_value=MAX_DAY)
    recur_workday = forms.IntegerField(label="或:每期第几个工作日", required=False, min_value=1, max_value=MAX_WORKDAY)
    recur_until = WindowDateFormField(label="周期截止日期(默认为完成时限)", required=False, widget=DateInput())

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        keep = set(COMMON) | set(KIND_FIELDS[SourceKind(kind)])
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        units = Unit.objects.filter(is_active=True).order_by("name")
        field_of(self, "lead_units", forms.ModelMultipleChoiceField).queryset = units
        field_of(self, "co_units", forms.ModelMultipleChoiceField).queryset = units
        if "leader" in self.fields:
            field_of(self, "leader", forms.ModelChoiceField).queryset = leader_users()
        if kind == SourceKind.ASSIGNMENT:
            self.fields["leader"].label = "交办领导"
            self.fields["instructed_on"].label = "交办日期"
        if kind == SourceKind.MEETING:
            self.fields["leader"].label = "主持领导"

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if self.kind == SourceKind.INSTRUCTION and not data.get("leader") and not data.get("leader_name", "").strip():
            self.add_error("leader", "请选择批示领导或填写领导姓名")
        if data.get("recur_text", "").strip() and (data.get("recur_day") is None) == (
            data.get("recur_workday") is None
        ):
            self.add_error("recur_day", "请填写每期几日前或第几个工作日(二选一)")
        return data

    def to_input(self) -> SourceTaskInput:
        d = self.cleaned_data
        return SourceTaskInput(
            kind=self.kind,
            title=d.get("title", ""),
            content=d["content"],
            lead_units=list(d["lead_units"]),
            co_units=list(d.get("co_units") or []),
            due_date=d["due_date"],
            leader=d.get("leader"),
            leader_name=d.get("leader_name", ""),
            instructed_on=d.get("instructed_on"),
            instruction=d.get("instruction", ""),
            meeting_name=d.get("meeting_name", ""),
            meeting_on=d.get("meeting_on"),
            proposal_kind=d.get("proposal_kind", ""),
            proposal_number=d.get("proposal_number", ""),
            proposer=d.get("proposer", ""),
            recur_text=d.get("recur_text", ""),
            recur_cadence=d.get("recur_cadence") or MONTHLY,
            recur_day=d.get("recur_day"),
            recur_workday=d.get("recur_workday"),
            recur_until=d.get("recur_until"),
        )
