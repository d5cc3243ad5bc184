"""Tencent Cloud SMS against a local endpoint that checks TC3-HMAC-SHA256, and the
reconciliation of an unknown send through PullSmsSendStatusByPhoneNumber."""

from __future__ import annotations

import time
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
import time_machine
from django.core.cache import cache

from notifications.models import Delivery, NotificationPreference
from notifications.selectors import deliveries_failed
from notifications.services.reconcile import reconcile_expired
from notifications.services.render import Message
from notifications.services.sender import send_due
from notifications.services.timing import as_of
from notifications.transports import TransportError, get_transport
from notifications.transports.outgoing import Outgoing
from notifications.transports.sms_tencent import authorization
from tests.notifications.conftest import run_day
from tests.notifications.sms_tencent_server import TencentServer

DUE = date(2023, 10, 31)


def _delivery(pk=7, phone="13900000001"):
    return Outgoing(
        ref=str(pk),
        delivery_id=pk if isinstance(pk, int) else None,
        recipient=SimpleNamespace(phone=phone),
        message=Message(
            subject="【督办提醒】测试",
            body="正文",
            link="http://x/",
            short="短信",
            sms_params={"name": "抽蓄项目", "date": "2023年10月31日", "status": "今天到期"},
        ),
    )


@pytest.fixture
def tencent(settings):
    cache.clear()  # the reconciler's "asked recently" marks are keyed by attempt id, reused across tests
    with TencentServer() as server:
        server.apply(settings)
        yield server


def test_signature_matches_the_worked_example_of_tencents_signature_v3_document():
    payload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}'
    header = authorization(
        secret_id="AKIDEXAMPLE",
        secret_key="Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
        host="cvm.tencentcloudapi.com",
        payload=payload.encode(),
        timestamp=1551113065,
        service="cvm",
    )
    assert header == (
        "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, "
        "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"
    )


def test_sendsms_is_accepted_by_a_server_that_checks_the_signature(tencent):
    transport = get_transport("sms")
    provider_id = transport.send(_delivery())
    [sent] = tencent.state.received
    assert provider_id == sent.serial and tencent.state.rejected == []
    assert sent.phone == "+8613900000001" and sent.session == "duban-7"
    assert sent.params == ["抽蓄项目", "2023年10月31日", "今天到期"]
    assert transport.last_answer["Response"]["SendStatusSet"][0]["Code"] == "Ok"


def test_a_wrong_secret_key_is_refused_permanently(tencent, settings):
    settings.TENCENT_SMS_SECRET_KEY = "not-the-key"
    with pytest.raises(TransportError) as caught:
        get_transport("sms").send(_delivery())
    assert caught.value.permanent and "AuthFailure.SignatureFailure" in caught.value.message
    assert tencent.state.received == []


@pytest.mark.parametrize(
    ("step", "permanent"),
    [
        ("number:LimitExceeded.PhoneNumberDailyLimit", False),
        ("number:LimitExceeded.PhoneNumberThirtySecondLimit", False),
        ("InternalError.Timeout", False),
        ("RequestLimitExceeded", False),
        ("number:FailedOperation.TemplateIncorrectOrUnapproved", True),
        ("number:InvalidParameterValue.IncorrectPhoneNumber", True),
        ("FailedOperation.InsufficientBalanceInSmsPackage", True),
        ("500", False),
    ],
)
def test_limits_and_internal_errors_heal_later_the_rest_do_not(tencent, step, permanent):
    tencent.state.script = [step]
    with pytest.raises(TransportError) as caught:
        get_transport("sms").send(_delivery())
    assert caught.value.permanent is permanent and not caught.value.ambiguous
    assert step.split(":")[-1] in caught.value.message or step == "500"


def test_a_read_timeout_is_ambiguous(tencent, settings):
    settings.NOTIFY_HTTP_TIMEOUT_SECONDS = 1
    tencent.state.script, tencent.state.slow_seconds = ["slow"], 2
    with pytest.raises(TransportError) as caught:
        get_transport("sms").send(_delivery())
    assert caught.value.ambiguous


def _timed_out_reminder(world, tencent, settings):
    """A reminder whose SendSms timed out: the row is unknown, the SMS went out anyway."""
    settings.NOTIFY_HTTP_TIMEOUT_SECONDS = 1
    NotificationPreference.objects.create(user=world.lead_clerk, email=False, inbox=False, sms=True)
    tencent.state.script, tencent.state.slow_seconds = ["slow"], 1.5
    run_day(DUE)
    delivery = Delivery.objects.get()
    assert delivery.status == "unknown" and delivery.attempts == 1
    for _ in range(100):  # the slow endpoint finishes sending after the client gave up
        if tencent.state.count():
            break
        time.sleep(0.05)
    return delivery


def _later(minutes: int):
    moment = as_of(DUE) + timedelta(minutes=minutes)
    with time_machine.travel(moment, tick=False):
        result = reconcile_expired()
        send_due(now=moment)
    return result


def test_an_unknown_send_is_confirmed_by_the_status_query_and_never_resent(world, rules, settings, tencent):
    delivery = _timed_out_reminder(world, tencent, settings)
    result = _later(10)
    delivery.refresh_from_db()
    [sent] = tencent.state.received
    assert result.confirmed == 1 and delivery.status == "sent"
    assert delivery.provider_message_id == sent.serial
    attempt = delivery.attempt_rows.get()
    assert attempt.outcome == "ok" and "服务商状态查询：已发送" in attempt.error
    assert tencent.state.count() == 1  # confirmed, not sent again
    pulls = tencent.state.pulls
    _later(20)
    assert tencent.state.pulls == pulls  # a settled row is not asked again


def test_an_undelivered_report_makes_the_unknown_send_failed_for_supervisors(world, rules, settings, tencent):
    delivery = _timed_out_reminder(world, tencent, settings)
    tencent.state.report = "FAIL"
    result = _later(10)
    delivery.refresh_from_db()
    assert result.undelivered == 1 and delivery.status == "failed"
    assert "服务商回执：未送达" in delivery.last_error
    assert list(deliveries_failed(user=world.supervisor)) == [delivery]
    assert tencent.state.count() == 1


def test_a_report_that_belongs_to_another_delivery_is_not_taken_for_the_unknown_one(world, rules, settings, tencent):
    delivery = _timed_out_reminder(world, tencent, settings)
    # Say the one report in the window is of another SMS to this number, recorded on its own row.
    [report] = tencent.state.received
    Delivery.objects.create(
        **{
            f.name: getattr(delivery, f.name)
            for f in Delivery._meta.fields
            if f.name not in ("id", "provider_message_id", "occurrence")
        },
        occurrence=1,
        provider_message_id=report.serial,
    )
    result = _later(10)
    delivery.refresh_from_db()
    assert result.confirmed == 0 and delivery.status == "unknown"


def test_a_later_sms_to_the_same_number_is_not_taken_for_the_unknown_one(world, rules, settings, tencent):
    delivery = _timed_out_reminder(world, tencent, settings)
    # The SMS that timed out left no report (the operator lost it); hours later an operator's
    # test message, which has no ledger row, reaches the same number.
    [lost] = tencent.state.received
    tencent.state.received.clear()
    with time_machine.travel(as_of(DUE) + timedelta(hours=3), tick=False):
        get_transport("sms").send(_delivery(pk="test-1", phone=world.lead_clerk.phone))
    assert tencent.state.count() == 1 and lost.session != tencent.state.received[0].session
    result = _later(4 * 60)
    delivery.refresh_from_db()
    assert result.confirmed == 0 and delivery.status == "unknown"
