from __future__ import annotations

import shutil
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from policy_tasks.errors import ServiceError
from policy_tasks.exports.jobs import build_export
from policy_tasks.exports.params import find_document
from policy_tasks.models import ExportJob

KINDS = {".xlsx": ExportJob.Kind.LEDGER_XLSX, ".csv": ExportJob.Kind.LEDGER_CSV}


class Command(BaseCommand):
    help = "Write a document's ledger (台账) to .xlsx or .csv, as of a date, with the overdue ledger's filters."

    def add_arguments(self, parser):
        parser.add_argument("--document", required=True, help="document number (柯政发〔2023〕16号) or id")
        parser.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD; default today")
        parser.add_argument("-o", "--output", required=True, help="FILE.xlsx or FILE.csv")
        parser.add_argument("--unit", help="only clauses of this unit (id, name or alias)")
        parser.add_argument("--light", action="append", default=[], help="red, yellow, green or grey; repeatable")
        parser.add_argument("--due-from", dest="due_from", help="YYYY-MM-DD")
        parser.add_argument("--due-to", dest="due_to", help="YYYY-MM-DD")

    def handle(self, *args, document, as_of, output, unit, light, due_from, due_to, **options):
        path = Path(output)
        kind = KINDS.get(path.suffix.lower())
        if kind is None:
            raise CommandError(f"输出文件须以 .xlsx 或 .csv 结尾：{output}")
        started = time.perf_counter()
        params = {"as_of": as_of, "unit": unit, "light": ",".join(light), "due_from": due_from, "due_to": due_to}
        try:
            result = build_export(kind=kind, document=find_document(document), params=params)
        except ServiceError as exc:
            raise CommandError(exc.message) from exc
        size = result.size
        try:
            with result.open() as source, path.open("wb") as target:
                shutil.copyfileobj(source, target, 1 << 20)
        except OSError as exc:
            raise CommandError(f"无法写入 {output}：{exc.strerror}") from exc
        self.stdout.write(f"已导出 {path} ({size / 1024:.0f} KiB, {time.perf_counter() - started:.2f}s)")
