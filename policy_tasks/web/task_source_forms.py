"""The short forms that register a task from its source (issue 16): one per kind, fields by kind."""

from __future__ import annotations

from django import forms

from accounts.models import Unit
from policy_tasks.date_fields import WindowDateFormField
from policy_tasks.models import SourceKind, TaskSource
from policy_tasks.services.task_sources import SourceTaskInput, leader_users
from policy_tasks.web.forms import DateInput, PageForm

# The fields each kind adds to the common ones (content, units, deadline).
KIND_FIELDS = {
    SourceKind.INSTRUCTION: ("leader", "leader_name", "instructed_on", "instruction"),
    SourceKind.MEETING: ("meeting_name", "meeting_on", "leader", "leader_name"),
    SourceKind.PROPOSAL: ("proposal_kind", "proposal_number", "proposer"),
    SourceKind.ASSIGNMENT: ("leader", "leader_name", "instructed_on"),
}
COMMON = ("title", "content", "lead_units", "co_units", "due_date")


class SourceTaskForm(PageForm):
    title = forms.CharField(label="事项名称(可选)", required=False, max_length=60)
    content = forms.CharField(label="事项内容", widget=forms.Textarea(attrs={"rows": 4}))
    lead_units = forms.ModelMultipleChoiceField(label="牵头单位", queryset=Unit.objects.none())
    co_units = forms.ModelMultipleChoiceField(label="配合单位", required=False, queryset=Unit.objects.none())
    due_date = WindowDateFormField(label="完成时限", widget=DateInput())
    leader = forms.ModelChoiceField(label="批示领导", required=False, queryset=None, empty_label="(不是系统用户)")
    leader_name = forms.CharField(label="领导姓名(不是系统用户时填写)", required=False, max_length=64)
    instructed_on = WindowDateFormField(label="批示日期", required=False, widget=DateInput())
    instruction = forms.CharField(label="批示内容", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    meeting_name = forms.CharField(label="会议名称", max_length=128)
    meeting_on = WindowDateFormField(label="会议日期", widget=DateInput())
    proposal_kind = forms.ChoiceField(label="类别", choices=TaskSource.ProposalKind.choices)
    proposal_number = forms.CharField(label="建议/提案号", max_length=32)
    proposer = forms.CharField(label="代表/委员", max_length=64)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        keep = set(COMMON) | set(KIND_FIELDS[SourceKind(kind)])
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        units = Unit.objects.filter(is_active=True).order_by("name")
        self.fields["lead_units"].queryset = units
        self.fields["co_units"].queryset = units
        if "leader" in self.fields:
            self.fields["leader"].queryset = leader_users()
            self.fields["leader"].label_from_instance = str
        if kind == SourceKind.ASSIGNMENT:
            self.fields["leader"].label = "交办领导"
            self.fields["instructed_on"].label = "交办日期"
        if kind == SourceKind.MEETING:
            self.fields["leader"].label = "主持领导"

    def clean(self):
        data = super().clean()
        if self.kind == SourceKind.INSTRUCTION and not data.get("leader") and not data.get("leader_name", "").strip():
            self.add_error("leader", "请选择批示领导或填写领导姓名")
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
        )
