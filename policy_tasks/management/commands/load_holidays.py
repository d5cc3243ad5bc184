"""Enter a year's State Council holiday notice into the office's table (节假日与调休).

FILE is CSV (a header row `date,kind,name`) or JSON (a list of {"date", "kind", "name"}).
kind is 节假日 / 放假 / holiday, or 调休 / 上班 / workday. A day already entered is
overwritten; every change is audited. Nothing is saved unless every row is valid.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from policy_tasks.models import CalendarDay
from policy_tasks.services.audit import Actor
from policy_tasks.services.calendar import calendar_days_load

KINDS = {
    "节假日": CalendarDay.Kind.HOLIDAY,
    "放假": CalendarDay.Kind.HOLIDAY,
    "holiday": CalendarDay.Kind.HOLIDAY,
    "调休": CalendarDay.Kind.WORKDAY,
    "调休上班": CalendarDay.Kind.WORKDAY,
    "上班": CalendarDay.Kind.WORKDAY,
    "workday": CalendarDay.Kind.WORKDAY,
}


def _records(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        data = json.loads(text)
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise CommandError('JSON 文件应为对象列表: [{"date": ..., "kind": ..., "name": ...}]')
        return data
    return list(csv.DictReader(io.StringIO(text)))


def _row(number: int, record: dict) -> tuple[date, str, str]:
    try:
        day = date.fromisoformat(str(record.get("date", "")).strip())
    except ValueError:
        raise CommandError(f"第{number}行: 日期应为 YYYY-MM-DD, 收到 {record.get('date')!r}") from None
    kind = KINDS.get(str(record.get("kind", "")).strip())
    if kind is None:
        raise CommandError(f"第{number}行: 类型应为 节假日 或 调休, 收到 {record.get('kind')!r}")
    name = str(record.get("name") or "").strip()
    try:
        CalendarDay(date=day, kind=kind, name=name).clean_fields(exclude=["date"])
        CalendarDay(date=day, kind=kind, name=name).clean()
    except ValidationError as exc:
        raise CommandError(f"第{number}行: {'; '.join(exc.messages)}") from None
    return day, kind, name


class Command(BaseCommand):
    help = "录入国务院办公厅公布的节假日与调休安排 (CSV: date,kind,name 或 JSON 列表)。"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"找不到文件: {file}")
        try:
            records = _records(file)
        except (UnicodeDecodeError, json.JSONDecodeError, csv.Error) as exc:
            raise CommandError(f"无法读取 {file.name}: {exc}") from None
        rows = [_row(number, record) for number, record in enumerate(records, start=1)]
        if len({day for day, _, _ in rows}) != len(rows):
            raise CommandError("同一日期出现了不止一次")
        created, changed = calendar_days_load(actor=Actor(role="system"), rows=rows)
        self.stdout.write(self.style.SUCCESS(f"已录入: 新增 {created} 天, 修改 {changed} 天, 共 {len(rows)} 天"))
