from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from duban.lib import clock
from policy_tasks.parsing.scoring import DocumentScore, corpus_folders, provinces, score_folder

# The bounds issue 12 sets for the development corpus.
CLAUSE_GOAL, MILESTONE_GOAL = 0.98, 0.95


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = "Parse every document of the corpus and print per-document and per-format accuracy against its gold."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(Path(settings.BASE_DIR) / "tests/parsing/corpus"))
        parser.add_argument("--verbose", action="store_true", help="list every clause read wrongly")
        parser.add_argument("--check", action="store_true", help="exit 1 when a goal of issue 12 is missed")

    def handle(self, *args, path, verbose, check, **options):
        folders = corpus_folders(Path(path))
        if not folders:
            raise CommandError(f"{path}: 没有找到带 gold.json 的文件夹", returncode=2)
        year = clock.today().year
        scores = [score_folder(f, current_year=year) for f in folders]
        self.stdout.write(
            f"{'文件':<36} {'格式':<12} {'省份':<6} {'条款':>9} {'里程碑':>9} {'多出':>4} {'多日期':>4} {'秒':>6}"
        )
        for s in scores:
            state = f"拒绝: {s.refused}" if s.refused else ""
            self.stdout.write(
                f"{s.id:<36} {s.format:<12} {s.province:<6} {s.clauses_right:>4}/{s.clauses:<4} "
                f"{s.milestones_right:>4}/{s.milestones:<4} {s.extra:>4} {s.extra_milestones:>6} {s.seconds:>6.3f} {state}"
            )
            if verbose:
                for line in (
                    s.wrong
                    + s.extra_milestone_lines
                    + s.leader_lines
                    + s.recurring_lines
                    + [f"待核对: {d}" for d in s.doubts]
                ):
                    self.stdout.write(f"    {line}")
        by_format: dict[str, list[DocumentScore]] = defaultdict(list)
        for s in scores:
            by_format[s.format].append(s)
        self.stdout.write("")
        for name, group in sorted(by_format.items()):
            self.stdout.write(f"{name:<14} {_line(group)}")
        self.stdout.write(f"{'全部':<14} {_line(scores)}")
        clause_rate, milestone_rate = _rates(scores)
        refused = [s.id for s in scores if s.refused]
        self.stdout.write(
            f"documents {len(scores)} provinces {len(provinces(scores))} refused {len(refused)} "
            f"clauses {clause_rate:.1%} (goal {CLAUSE_GOAL:.0%}) milestones {milestone_rate:.1%} (goal {MILESTONE_GOAL:.0%}) "
            f"extra dated milestones {sum(s.extra_milestones for s in scores)} "
            f"leaders {sum(s.leaders_right for s in scores)}/{sum(s.leaders for s in scores)} "
            f"recurring {sum(s.recurring_right for s in scores)}/{sum(s.recurring for s in scores)} "
            f"unsure marks {sum(len(s.doubts) for s in scores)} "
            # The review page also marks each clause read with no lead unit or a warning (`review_marked`).
            f"wrong-unit clauses marked {sum(s.units_wrong_marked for s in scores)}/{sum(s.units_wrong for s in scores)}"
        )
        if check and (clause_rate < CLAUSE_GOAL or milestone_rate < MILESTONE_GOAL or refused):
            raise CommandError("issue 12's corpus goals are missed", returncode=1)


def _rates(scores: list[DocumentScore]) -> tuple[float, float]:
    right = sum(s.clauses_right for s in scores)
    total = sum(s.clauses + s.extra for s in scores)
    m_right = sum(s.milestones_right for s in scores)
    m_total = sum(s.milestones for s in scores)
    return (right / total if total else 1.0), (m_right / m_total if m_total else 1.0)


def _line(scores: list[DocumentScore]) -> str:
    clause_rate, milestone_rate = _rates(scores)
    clauses = sum(s.clauses for s in scores)
    extra = sum(s.extra for s in scores)
    return (
        f"docs {len(scores):>3}  clauses {clause_rate:>6.1%} of {clauses} (+{extra} extra)  "
        f"milestones {milestone_rate:>6.1%} of {sum(s.milestones for s in scores)}  "
        f"(+{sum(s.extra_milestones for s in scores)} extra dated)  "
        f"leaders {sum(s.leaders_right for s in scores)}/{sum(s.leaders for s in scores)}  "
        f"refused {sum(1 for s in scores if s.refused)}"
    )
