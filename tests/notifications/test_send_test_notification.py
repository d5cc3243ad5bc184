"""`manage.py send_test_notification`: one marked test message per channel, against local
servers (SMTP, the SMS gateway, Tencent, the DingTalk robot), printing the provider's answer."""

from __future__ import annotations

import socket
from email import message_from_bytes
from email.header import decode_header, make_header
from io import StringIO

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError

from notifications.management.commands.send_test_notification import Command
from notifications.models import Delivery, InboxMessage
from tests.notifications.dingtalk_server import DingTalkServer
from tests.notifications.sms_gateway_server import GatewayServer
from tests.notifications.sms_tencent_server import TencentServer

pytestmark = pytest.mark.django_db
MARK = "【督办系统测试消息】"


def run(*args: str) -> str:
    out = StringIO()
    call_command("send_test_notification", *args, stdout=out)
    return out.getvalue()


class Smtp:
    def __init__(self, refuse: bool = False):
        self.refuse = refuse
        self.subjects: list[str] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.subjects.append(str(make_header(decode_header(message_from_bytes(envelope.content)["Subject"]))))
        return "250 2.0.0 queued"


@pytest.fixture
def smtp(settings):
    def start(refuse: bool = False) -> Smtp:
        handler = Smtp(refuse)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        started.append(controller)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        return handler

    started: list[Controller] = []
    yield start
    for controller in started:
        controller.stop()


def test_email_goes_to_the_smtp_server_and_the_answer_is_printed(world, smtp):
    server = smtp()
    out = run("--user", "lead_clerk", "--channel", "email")
    [subject] = server.subjects
    assert subject.startswith(MARK)
    assert "email (smtp)" in out and "lead_clerk@example.gov.cn" in out
    assert '"result": "sent"' in out and "<duban.delivery.test-" in out
    assert Delivery.objects.count() == 0  # the reminder ledger is untouched


def test_a_refused_mailbox_exits_non_zero_with_the_servers_reason(world, smtp):
    smtp(refuse=True)
    with pytest.raises(CommandError) as caught:
        run("--user", "lead_clerk", "--channel", "email")
    assert "发送失败 / send failed" in str(caught.value) and "550" in str(caught.value)


def test_sms_through_the_gateway_prints_its_answer_and_message_id(world, settings):
    with GatewayServer(signing="md5") as gateway:
        gateway.apply(settings)
        out = run("--user", "lead_clerk", "--channel", "sms")
    [sms] = gateway.state.received
    assert sms.content.startswith(MARK) and sms.phone == world.lead_clerk.phone
    assert "sms (gateway)" in out and '"msgid": "gw-1"' in out
    assert "服务商消息ID / provider id: gw-1" in out


def test_sms_refused_by_the_gateway_prints_the_refusal_and_exits_non_zero(world, settings):
    with GatewayServer(script=["reject"]) as gateway:
        gateway.apply(settings)
        with pytest.raises(CommandError) as caught:
            run("--user", "lead_clerk", "--channel", "sms")
    assert "永久失败 / permanent" in str(caught.value) and "号码无效" in str(caught.value)


def test_sms_through_tencent_prints_the_serial_number(world, settings):
    with TencentServer() as tencent:
        tencent.apply(settings)
        out = run("--user", "lead_clerk", "--channel", "sms")
    [sent] = tencent.state.received
    assert sent.params[0] == "督办系统测试消息"
    assert f"provider id: {sent.serial}" in out and '"Code": "Ok"' in out


def test_dingtalk_robot_gets_the_marked_message(world, providers):
    out = run("--user", "lead_clerk", "--channel", "dingtalk")
    [got] = providers.state.received
    assert got.kind == "dingtalk" and MARK in got.payload["markdown"]["title"]
    assert got.phone == world.lead_clerk.phone
    assert "provider id: dingtalk:" in out and "provider answer:" in out


def test_dingtalk_work_notice_goes_to_the_persons_userid_and_the_answer_is_printed(world, settings):
    cache.clear()  # no token of an earlier test's server
    with DingTalkServer() as dingtalk:
        for key, value in dingtalk.settings_env().items():
            setattr(settings, key, value)
        dingtalk.state.directory[world.lead_clerk.phone] = "ding-lead-clerk"
        out = run("--user", "lead_clerk", "--channel", "dingtalk")
    cache.clear()
    [notice] = dingtalk.state.notices
    assert notice.userid == "ding-lead-clerk" and MARK in notice.msg["action_card"]["title"]
    assert "channel: dingtalk (work_notice)" in out and f"provider id: dtask:{notice.task_id}" in out
    assert '"errcode": 0' in out
    assert not Delivery.objects.exists()  # a check, not a reminder: nothing on the ledger


def test_inbox_message_is_marked_and_has_no_ledger_row(world):
    out = run("--user", "lead_clerk", "--channel", "inbox")
    message = InboxMessage.objects.get(recipient=world.lead_clerk)
    assert message.title.startswith(MARK) and message.delivery is None
    assert f'"inbox_message_id": {message.pk}' in out


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--user", "nobody", "--channel", "sms"], "用户不存在 / unknown user: nobody"),
        (["--user", "lead_clerk", "--channel", "fax"], "未知的通知渠道 / unknown channel: fax"),
    ],
)
def test_unknown_user_or_channel_is_refused(world, args, reason):
    with pytest.raises(CommandError) as caught:
        run(*args)
    assert reason in str(caught.value)


@pytest.mark.parametrize(
    ("field", "channel", "reason"), [("phone", "sms", "没有手机号"), ("email", "email", "没有电子邮箱")]
)
def test_a_user_without_the_address_for_the_channel_is_refused(world, field, channel, reason):
    setattr(world.lead_clerk, field, "")
    world.lead_clerk.save()
    with pytest.raises(CommandError) as caught:
        run("--user", "lead_clerk", "--channel", channel)
    assert reason in str(caught.value)


def test_dingtalk_unconfigured_is_refused(world, settings):
    settings.DINGTALK_WEBHOOK_URL = ""
    with pytest.raises(CommandError) as caught:
        run("--user", "lead_clerk", "--channel", "dingtalk")
    assert "DINGTALK_WEBHOOK_URL" in str(caught.value)


def test_from_the_command_line_a_refusal_exits_with_status_1(world, capsys):
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["manage.py", "send_test_notification", "--user", "nobody", "--channel", "inbox"])
    assert exited.value.code == 1
    assert "unknown user: nobody" in capsys.readouterr().err
