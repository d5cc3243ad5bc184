from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from notifications.models.rules import ReminderRule, Subject


class Channel(models.TextChoices):
    """The ways a reminder reaches a person, in the order pages and preferences list them."""

    EMAIL = "email", "电子邮件"
    SMS = "sms", "短信"
    DINGTALK = "dingtalk", "钉钉"
    INBOX = "inbox", "站内信"


# What a daily digest (每日汇总) gathers; DingTalk and the inbox always arrive one by one.
DIGEST_CHANNELS = (Channel.EMAIL, Channel.SMS)


class Decision(models.TextChoices):
    """A supervisor's decision on a unit's work, told to the unit: a ledger subject with no rule.

    The subject id is the decided request; each request is decided once, so the key
    (kind, request, recipient, channel) makes the notice once however often it is offered.
    """

    RETURNED = "returned", "办结退回"
    VERIFIED = "verified", "销号"
    EXT_GRANTED = "ext_granted", "延期批准"
    EXT_REFUSED = "ext_refused", "延期不予批准"


class Delivery(models.Model):
    """One reminder to one person over one channel: the ledger row that makes "once" true.

    The unique key is the subject, the rule, the due date as it was when the row was
    made, the occurrence (0 unless the rule repeats), the recipient and the channel.
    A second scan, a second beat or a retried task hits the key and inserts nothing;
    an extension changes the due date and so arms a fresh set of keys.

    pending -> claimed (lease taken by a sender) -> sending (the provider is being
    called) -> sent; a transient error puts the row back to pending with a later
    next_attempt_at; the last attempt or a permanent error -> failed; a row found
    in "sending" after its lease expired on an at-most-once channel -> unknown.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "待发送"
        CLAIMED = "claimed", "已领取"
        SENDING = "sending", "发送中"
        SENT = "sent", "已发送"
        FAILED = "failed", "发送失败"
        UNKNOWN = "unknown", "结果未知(待核查)"
        CANCELLED = "cancelled", "已取消"

    subject_type = models.CharField("提醒对象", max_length=16, choices=Subject.choices + Decision.choices)
    subject_id = models.BigIntegerField("对象ID")
    # The second half of a compound subject: the task of a missing report (subject is the period).
    subject_ref = models.BigIntegerField("关联ID", default=0)
    task = models.ForeignKey(
        "policy_tasks.Task", verbose_name="任务", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # None for a decision notice (Decision): it answers to no rule, only to the decision.
    rule = models.ForeignKey(
        ReminderRule, verbose_name="规则", null=True, blank=True, on_delete=models.PROTECT, related_name="deliveries"
    )
    due_date = models.DateField("时限")  # a decision notice: the local date it was decided
    occurrence = models.PositiveSmallIntegerField("第几次", default=0)
    fire_date = models.DateField("应发日期")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="接收人", on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField("渠道", max_length=16, choices=Channel.choices)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    next_attempt_at = models.DateTimeField("下次尝试")
    lease_until = models.DateTimeField("租约到期", null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True, verbose_name="认领标记")
    provider_message_id = models.CharField("服务商消息ID", max_length=255, blank=True)
    last_error = models.TextField("最近错误", blank=True)
    created_at = models.DateTimeField("生成时间")
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)

    class Meta:
        verbose_name = "提醒投递"
        verbose_name_plural = "提醒投递"
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "subject_type",
                    "subject_id",
                    "subject_ref",
                    "rule",
                    "due_date",
                    "occurrence",
                    "recipient",
                    "channel",
                ],
                # fire_date rides along so the scan's "fired in the window?" probe is index-only.
                include=["fire_date"],
                name="delivery_once",
            ),
            # NULL rules are distinct in delivery_once, so decision notices need their own key.
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "recipient", "channel"],
                condition=Q(rule=None),
                name="delivery_decision_once",
            ),
        ]
        indexes = [
            # The sender's poll: due pending rows only, so it stays small however big the ledger grows.
            models.Index(fields=["next_attempt_at"], condition=Q(status="pending"), name="delivery_due_idx"),
            # The reconciler's poll: rows whose lease may have run out.
            models.Index(
                fields=["lease_until"], condition=Q(status__in=["claimed", "sending"]), name="delivery_lease_idx"
            ),
            # UNDELIVERED below, written out: the Meta cannot see the class body (tests/notifications/test_undelivered.py).
            models.Index(
                fields=["status", "id"], condition=Q(status__in=["failed", "unknown"]), name="delivery_failed_idx"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_subject_type_display()} #{self.subject_id} → {self.recipient}（{self.get_channel_display()}）"
        )


# Did not arrive (failed) or may not have (unknown): what the operators' list shows and a retry takes back.
UNDELIVERED = (Delivery.Status.FAILED, Delivery.Status.UNKNOWN)


class DeliveryAttempt(models.Model):
    """Every try at a delivery, with what the provider said."""

    class Outcome(models.TextChoices):
        STARTED = "started", "进行中"
        OK = "ok", "成功"
        TRANSIENT = "transient", "临时失败"
        PERMANENT = "permanent", "永久失败"
        UNKNOWN = "unknown", "结果未知"

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempt_rows", verbose_name="投递")
    number = models.PositiveSmallIntegerField("第几次")
    started_at = models.DateTimeField("开始")
    finished_at = models.DateTimeField("结束", null=True, blank=True)
    outcome = models.CharField("结果", max_length=16, choices=Outcome.choices, default=Outcome.STARTED)
    error = models.TextField("错误", blank=True)
    provider_message_id = models.CharField("服务商消息ID", max_length=255, blank=True)

    class Meta:
        verbose_name = "投递尝试"
        verbose_name_plural = "投递尝试"
        ordering = ["delivery", "number"]
        indexes = [models.Index(fields=["delivery", "number"])]

    def __str__(self) -> str:
        return f"第{self.number}次 {self.get_outcome_display()}"
