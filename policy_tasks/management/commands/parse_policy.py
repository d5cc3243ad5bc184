from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from policy_tasks.management.commands._policy_io import read_policy
from policy_tasks.parsing import format_summary


class Command(BaseCommand):
    # Scripts call this often; the system checks (which load every URL and view) run in CI.
    requires_system_checks: list[str] = []
    help = "Parse a policy document (.txt/.doc/.docx/.wps/.pdf/.ofd/.xlsx/.xls) and print what Duban reads in it (writes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--year", type=int, help="the document's year when its header does not say")
        parser.add_argument("--format", choices=["json", "table"], default="table")

    def handle(self, *args, path, year, format, **options):
        _, parsed = read_policy(path, year)
        if format == "json":
            self.stdout.write(json.dumps(parsed.to_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(format_summary(parsed))
