"""Forms of the pages: they validate input shape only; the services decide what is allowed."""

from __future__ import annotations

from typing import TypeVar

from django import forms

from accounts.models import Unit
from policy_tasks.date_fields import WindowDateFormField
from policy_tasks.models import Area, PolicyDocument, TaskUnit, UrgeNotice
from policy_tasks.parsing.sources.base import READABLE_SUFFIXES
from policy_tasks.selectors.lights import GREY, OPEN, Light

F = TypeVar("F", bound=forms.Field)


def field_of(form: forms.BaseForm, name: str, kind: type[F]) -> F:
    """The form's own copy of a declared field, as the class it is (the stubs know only Field)."""
    field = form.fields[name]
    assert isinstance(field, kind), f"{name} is a {type(field).__name__}"
    return field


class AreaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Area) -> str:
        return f"{obj.number}. {obj.title}"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PageForm(forms.Form):
    """No colon after labels: they sit above their fields."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ReportForm(PageForm):
    period = forms.TypedChoiceField(label="填报周期", coerce=int)
    progress = forms.CharField(label="进展情况", widget=forms.Textarea(attrs={"rows": 4}))
    problems = forms.CharField(label="存在问题", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    next_steps = forms.CharField(label="下一步措施", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    percent = forms.IntegerField(label="完成百分比(%)", min_value=0, max_value=100, initial=0)
    file = forms.FileField(label="佐证材料(可选)", required=False, help_text="PDF、图片、Word、Excel或文本文件")

    def __init__(self, *args, periods=(), targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        field_of(self, "period", forms.ChoiceField).choices = [
            (p.pk, f"{p} (报送截止 {p.due_on:%Y-%m-%d})") for p in periods
        ]
        self.targets = list(targets)
        for m in self.targets:
            self.fields[f"value_{m.pk}"] = forms.DecimalField(
                label=f"完成值:{m.text[:24]}(目标 {m.target_value.normalize():f}{m.target_unit})",
                required=False,
                max_digits=20,
                decimal_places=4,
            )

    def values(self) -> dict[int, object]:
        return {
            m.pk: self.cleaned_data[f"value_{m.pk}"]
            for m in self.targets
            if self.cleaned_data.get(f"value_{m.pk}") is not None
        }


class EvidenceForm(PageForm):
    file = forms.FileField(label="佐证材料")

    def __init__(self, *args, **kwargs):
        # The report form on the same page has a `file` field too: one `id_file` would label both.
        kwargs.setdefault("auto_id", "id_evidence_%s")
        super().__init__(*args, **kwargs)


class CompletionForm(PageForm):
    note = forms.CharField(label="办结说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.TypedMultipleChoiceField(
        label="附已上传的佐证材料", required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    file = forms.FileField(label="或上传新的佐证材料", required=False)

    def __init__(self, *args, evidence=(), **kwargs):
        super().__init__(*args, **kwargs)
        field_of(self, "evidence", forms.ChoiceField).choices = [(e.pk, e.original_name) for e in evidence]


class ExtensionForm(PageForm):
    proposed_date = WindowDateFormField(label="申请延至", widget=DateInput())
    reason = forms.CharField(label="延期理由", widget=forms.Textarea(attrs={"rows": 2}))


class UrgeReplyForm(PageForm):
    reply = forms.CharField(label="回复内容", widget=forms.Textarea(attrs={"rows": 2}))


class DecisionForm(PageForm):
    reason = forms.CharField(label="审核意见", required=False, max_length=2000)


class UrgeForm(PageForm):
    level = forms.ChoiceField(label="等级", choices=UrgeNotice.Level.choices, initial=UrgeNotice.Level.URGE)
    reply_due = WindowDateFormField(label="要求回复日期", widget=DateInput())
    message = forms.CharField(label="督办事项", required=False, max_length=2000)


# The list's filter: the lights, and before grey the open work that is not overdue (OPEN).
LIGHT_CHOICES = [
    ("", "全部"),
    *[(light.value, light.label) for light in (Light.RED, Light.YELLOW, Light.GREEN)],
    (OPEN, "未办结(未逾期)"),
    (GREY, Light.GREY.label),
]


class LedgerFilterForm(PageForm):
    """GET filters of the ledger. Choices are limited to what the viewer may see."""

    document = forms.ModelChoiceField(label="文件", queryset=PolicyDocument.objects.none(), required=False)
    area = AreaChoiceField(label="领域", queryset=Area.objects.none(), required=False, empty_label="全部领域")
    unit = forms.ModelChoiceField(
        label="责任单位", queryset=Unit.objects.none(), required=False, empty_label="全部单位"
    )
    light = forms.ChoiceField(label="灯色", choices=LIGHT_CHOICES, required=False)
    due_from = WindowDateFormField(label="时限自", required=False, widget=DateInput())
    due_to = WindowDateFormField(label="时限至", required=False, widget=DateInput())
    as_of = WindowDateFormField(label="统计日期", required=False, widget=DateInput())
    # What the figures count (时限节点): a figure's link to this list carries it.
    dated = forms.BooleanField(label="仅时限节点", required=False)

    def __init__(self, *args, documents, document, **kwargs):
        super().__init__(*args, **kwargs)
        document_field = field_of(self, "document", forms.ModelChoiceField)
        document_field.queryset = documents
        document_field.empty_label = None
        if document is not None:
            field_of(self, "area", forms.ModelChoiceField).queryset = Area.objects.filter(document=document).order_by(
                "number"
            )
            # A semi-join: joining the document's 30,000 clause–unit links and DISTINCT over every
            # unit column took 50–130 ms at 10,000 clauses (issue 18).
            field_of(self, "unit", forms.ModelChoiceField).queryset = Unit.objects.filter(
                pk__in=TaskUnit.objects.filter(task__document=document).values("unit_id")
            )


class ImportUploadForm(PageForm):
    # Any kind and an empty file pass the form: the source reader refuses them with the same
    # words as the command and the API.
    file = forms.FileField(
        label="文件(.txt/.doc/.docx/.wps/.pdf/.ofd/.xlsx/.xls)",
        allow_empty_file=True,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(READABLE_SUFFIXES)}),
    )
    year = forms.IntegerField(label="年度(可选,默认取发文年份)", required=False, min_value=2000, max_value=2100)
