"""Export parameters as text (query strings, command options, job rows) → checked values.

One parser for the views, the commands and the background jobs, so a filter means
the same everywhere. Problems raise ServiceError with the offending field and a
Chinese message; views turn it into a 400, commands into a non-zero exit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from accounts.models import Unit
from policy_tasks.errors import NotFound, ServiceError
from policy_tasks.exports.bulletin import YEARS, Period
from policy_tasks.exports.ledger import LIGHTS
from policy_tasks.models import PolicyDocument
from policy_tasks.services.dates import require_in_window

LEDGER_FORMATS = ("xlsx", "csv")
BULLETIN_FORMATS = ("html", "pdf", "docx")


def find_document(value: Any) -> PolicyDocument:
    """By document number (柯政发〔2023〕16号) or by id."""
    text = str(value or "").strip()
    if not text:
        raise ServiceError("请指定政策文件（文号或ID）", field="document")
    document = PolicyDocument.objects.filter(doc_number=text).first()
    if document is None and text.isdigit():
        document = PolicyDocument.objects.filter(pk=int(text)).first()
    if document is None:
        raise NotFound(f"未找到政策文件：{text}", field="document")
    return document


def find_unit(value: Any) -> Unit | None:
    """By id, canonical name or alias; empty means no unit filter."""
    text = str(value or "").strip()
    if not text:
        return None
    unit = Unit.objects.filter(pk=int(text)).first() if text.isdigit() else Unit.objects.resolve(text)
    if unit is None:
        raise NotFound(f"未找到责任单位：{text}", field="unit")
    return unit


def parse_date(value: Any, *, field_name: str) -> date | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ServiceError(f"日期格式应为 YYYY-MM-DD，收到：{text}", field=field_name) from None
    if day.year not in YEARS:
        raise ServiceError(f"日期的年份应在 {YEARS.start}–{YEARS.stop - 1} 之间，收到：{text}", field=field_name)
    require_in_window(day, field=field_name)
    return day


def parse_lights(value: Any) -> frozenset[str]:
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [str(v).strip() for v in value]
    else:
        items = [v.strip() for v in str(value or "").split(",")]
    items = [v for v in items if v]
    unknown = [v for v in items if v not in LIGHTS]
    if unknown:
        raise ServiceError(f"未知的预警灯：{'、'.join(unknown)}（可选 {', '.join(LIGHTS)}）", field="light")
    return frozenset(items)


def parse_period(value: Any) -> Period:
    try:
        period = Period.parse(str(value or ""))
    except ValueError as exc:
        raise ServiceError(str(exc), field="period") from None
    require_in_window(period.start, field="period")
    return period


@dataclass(frozen=True)
class LedgerParams:
    as_of: date | None = None
    unit: Unit | None = None
    lights: frozenset[str] = field(default_factory=frozenset)
    due_from: date | None = None
    due_to: date | None = None

    @classmethod
    def parse(cls, data: Any) -> LedgerParams:
        """From a QueryDict or a plain dict (`light` may repeat or be comma-separated)."""
        if hasattr(data, "getlist"):
            lights = ",".join(data.getlist("light"))
        else:
            lights = data.get("light") or data.get("lights") or ""
        params = cls(
            as_of=parse_date(data.get("as_of"), field_name="as_of"),
            unit=find_unit(data.get("unit")),
            lights=parse_lights(lights),
            due_from=parse_date(data.get("due_from"), field_name="due_from"),
            due_to=parse_date(data.get("due_to"), field_name="due_to"),
        )
        if params.due_from and params.due_to and params.due_from > params.due_to:
            raise ServiceError("到期日期范围的起始日期晚于结束日期", field="due_from")
        return params

    def as_json(self) -> dict[str, Any]:
        """For ExportJob.params: plain values that parse() reads back."""
        return {
            "as_of": self.as_of.isoformat() if self.as_of else "",
            "unit": self.unit.pk if self.unit else "",
            "lights": sorted(self.lights),
            "due_from": self.due_from.isoformat() if self.due_from else "",
            "due_to": self.due_to.isoformat() if self.due_to else "",
        }

    def ledger_kwargs(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "unit": self.unit,
            "lights": self.lights,
            "due_from": self.due_from,
            "due_to": self.due_to,
        }
