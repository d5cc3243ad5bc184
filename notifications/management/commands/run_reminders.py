"""`manage.py run_reminders [--as-of YYYY-MM-DD] [--dry-run]`: scan and send now, synchronously.

With --as-of the command acts as if it were that date at 09:00 Asia/Shanghai
(offices open, SMS quiet hours over). Running it twice sends nothing the second
time: the ledger already holds every row the first run made.
"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from duban.lib import clock
from notifications.selectors import deliveries_pending_due
from notifications.services.reconcile import reconcile_expired
from notifications.services.scan import scan
from notifications.services.sender import send_due
from notifications.services.timing import as_of


class Command(BaseCommand):
    help = "扫描到期提醒并立即发送(运维补发、查看今日将发送的提醒)"

    def add_arguments(self, parser):
        parser.add_argument("--as-of", dest="as_of", help="按该日期 09:00(北京时间)运行, 格式 YYYY-MM-DD")
        parser.add_argument("--dry-run", action="store_true", help="只列出将要发送的提醒, 不写入也不发送")

    def handle(self, *args, **options):
        now = clock.now()
        if options["as_of"]:
            try:
                now = as_of(date.fromisoformat(options["as_of"]))
            except ValueError:
                raise CommandError(f"--as-of 日期格式应为 YYYY-MM-DD: {options['as_of']}") from None
        result = scan(now=now, dry_run=options["dry_run"])
        if result.skipped_non_workday:
            self.stdout.write(f"{result.today} 不是工作日, 不发送提醒。")
            return
        if options["dry_run"]:
            self._list(result, now)
            return
        reconcile_expired()
        sent = send_due(now=now, budget_seconds=3600)
        self.stdout.write(
            f"{result.today}: 新增 {result.inserted} 条投递; 已发送 {sent.sent}, 重试中 {sent.retrying}, "
            f"失败 {sent.failed}, 结果未知 {sent.unknown}, 已取消 {sent.cancelled}, 推迟 {sent.deferred}"
        )

    def _list(self, result, now):
        self.stdout.write(f"{result.today}: 将新增 {len(result.planned)} 条投递 (演练, 未写入):")
        names = dict(User.objects.filter(pk__in={p.recipient_id for p in result.planned}).values_list("pk", "username"))
        for p in result.planned:
            c = p.candidate
            self.stdout.write(
                f"  [{c.rule.name}] {c.subject_type}:{c.subject_id} 时限 {c.due_date} → {names.get(p.recipient_id)} "
                f"{p.channel} 于 {p.next_attempt_at:%Y-%m-%d %H:%M}"
            )
        pending = deliveries_pending_due(now=now)
        self.stdout.write(f"另有 {pending.count()} 条已在队列中待发送。")
        for d in pending[:200]:
            name = d.rule.name if d.rule else d.get_subject_type_display()  # a decision notice has no rule
            self.stdout.write(f"  #{d.pk} [{name}] {d.subject_type}:{d.subject_id} → {d.recipient} {d.channel}")
