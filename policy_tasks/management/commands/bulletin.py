from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from policy_tasks.errors import ServiceError
from policy_tasks.exports.jobs import build_export
from policy_tasks.exports.params import BULLETIN_FORMATS, find_document


class Command(BaseCommand):
    help = "Write the monthly bulletin (督查通报) of a document for YYYY-MM to .pdf, .docx or .html."

    def add_arguments(self, parser):
        parser.add_argument("--document", required=True, help="document number (柯政发〔2023〕16号) or id")
        parser.add_argument("--period", required=True, help="YYYY-MM; figures as they stood at its end")
        parser.add_argument("-o", "--output", required=True, help="FILE.pdf, FILE.docx or FILE.html")

    def handle(self, *args, document, period, output, **options):
        path = Path(output)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in BULLETIN_FORMATS:
            raise CommandError(f"输出文件须以 .pdf、.docx 或 .html 结尾：{output}")
        started = time.perf_counter()
        try:
            result = build_export(kind=f"bulletin_{fmt}", document=find_document(document), params={"period": period})
        except ServiceError as exc:
            raise CommandError(exc.message) from exc
        try:
            path.write_bytes(result.data)
        except OSError as exc:
            raise CommandError(f"无法写入 {output}：{exc.strerror}") from exc
        self.stdout.write(f"已生成 {path} ({len(result.data) / 1024:.0f} KiB, {time.perf_counter() - started:.2f}s)")
