"""The generic SMS gateway, configured from SMS_GATEWAY_* only, against a local gateway
that checks the signature of each signing mode."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

from duban.sms_config import sms_gateway_from_env
from notifications.models import Delivery, NotificationPreference
from notifications.services.render import Message
from notifications.transports import TransportError, get_transport
from notifications.transports.outgoing import Outgoing
from tests.notifications.conftest import run_day
from tests.notifications.sms_gateway_server import GatewayServer

DUE = date(2023, 10, 31)


def _delivery(pk=7, phone="13900000001"):
    return Outgoing(
        ref=str(pk),
        delivery_id=pk if isinstance(pk, int) else None,
        recipient=SimpleNamespace(phone=phone, email="a@example.gov.cn"),
        message=Message(
            subject="【督办提醒】测试", body="正文", link="http://x/", short="【督办提醒】抽蓄项目今天到期 http://x/"
        ),
    )


@pytest.fixture
def gateway():
    with GatewayServer() as server:
        yield server


@pytest.mark.parametrize(
    ("signing", "method", "style"),
    [
        ("none", "post_form", "json"),
        ("hmac", "post_json", "json"),
        ("hmac_header", "get", "text"),
        ("md5", "post_form", "text"),
        ("md5", "post_json", "json"),
        ("md5_password", "get", "json"),
    ],
)
def test_gateway_accepts_the_signed_sms_in_every_mode(settings, signing, method, style):
    with GatewayServer(signing=signing, style=style) as gateway:
        gateway.apply(settings, method=method)
        transport = get_transport("sms")
        provider_id = transport.send(_delivery())
    assert gateway.state.rejected == []
    [sms] = gateway.state.received
    assert provider_id == sms.msgid == "gw-1"
    assert sms.phone == "13900000001" and sms.content == "【督办提醒】抽蓄项目今天到期 http://x/"
    assert transport.last_answer["http_status"] == 200
    assert transport.at_most_once


@pytest.mark.parametrize("signing", ["hmac", "md5", "md5_password"])
def test_a_wrong_secret_or_password_is_refused_permanently(settings, signing):
    with GatewayServer(signing=signing) as gateway:
        gateway.apply(settings, SMS_GATEWAY_SECRET="not-the-secret", SMS_GATEWAY_PASSWORD="not-the-password")
        with pytest.raises(TransportError) as caught:
            get_transport("sms").send(_delivery())
    assert caught.value.permanent and not caught.value.ambiguous
    assert "signature mismatch" in caught.value.message
    assert gateway.state.received == [] and gateway.state.rejected == ["signature mismatch"]


def test_a_rejected_number_is_permanent_and_shows_the_gateways_reason(settings, gateway):
    gateway.apply(settings)
    gateway.state.script = ["reject"]
    with pytest.raises(TransportError) as caught:
        get_transport("sms").send(_delivery())
    assert caught.value.permanent and "1002 号码无效" in caught.value.message


@pytest.mark.parametrize("style", ["json", "text"])
def test_a_busy_answer_named_as_retry_marker_is_transient(settings, style):
    with GatewayServer(style=style, script=["busy"]) as gateway:
        gateway.apply(settings)
        with pytest.raises(TransportError) as caught:
            get_transport("sms").send(_delivery())
    assert not caught.value.permanent and not caught.value.ambiguous


@pytest.mark.parametrize("answer", ["429", "500"])
def test_http_429_and_500_are_transient(settings, gateway, answer):
    gateway.apply(settings)
    gateway.state.script = [answer]
    with pytest.raises(TransportError) as caught:
        get_transport("sms").send(_delivery())
    assert not caught.value.permanent and not caught.value.ambiguous
    assert f"HTTP {answer}" in caught.value.message


def test_a_slow_gateway_is_ambiguous_and_the_sms_went_out_anyway(settings, gateway):
    settings.NOTIFY_HTTP_TIMEOUT_SECONDS = 1
    gateway.apply(settings)
    gateway.state.script, gateway.state.slow_seconds = ["slow"], 2
    with pytest.raises(TransportError) as caught:
        get_transport("sms").send(_delivery())
    assert caught.value.ambiguous  # an at-most-once channel will not send it again
    deadline = time.monotonic() + 5
    while gateway.state.count() == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert gateway.state.count() == 1


def test_a_gateway_that_is_down_is_a_safe_retry(settings, gateway):
    gateway.apply(settings, SMS_GATEWAY_URL="http://127.0.0.1:9/sms/send")
    with pytest.raises(TransportError) as caught:
        get_transport("sms").send(_delivery())
    assert not caught.value.permanent and not caught.value.ambiguous


def test_an_unreadable_200_is_ambiguous(settings, gateway):
    # The success marker is a JSON path, but the gateway answered plain text.
    gateway.state.style = "text"
    env = gateway.settings_env()
    del env["SMS_GATEWAY_SUCCESS_REGEX"], env["SMS_GATEWAY_ID_REGEX"]
    env.update({"SMS_GATEWAY_SUCCESS_JSON_PATH": "code", "SMS_GATEWAY_SUCCESS_VALUE": "0"})
    settings.SMS_BACKEND, settings.SMS_GATEWAY = "gateway", sms_gateway_from_env(env)
    with pytest.raises(TransportError) as caught:
        get_transport("sms").send(_delivery())
    assert caught.value.ambiguous and gateway.state.count() == 1


def test_a_reminder_goes_through_the_gateway_once(world, rules, settings, gateway):
    gateway.state.signing = "md5"
    gateway.apply(settings)
    NotificationPreference.objects.create(user=world.lead_clerk, email=False, inbox=False, sms=True)
    _, sent = run_day(DUE)
    _, again = run_day(DUE)
    assert sent.sent == 1 and again.sent == 0
    [sms] = gateway.state.received
    delivery = Delivery.objects.get()
    assert delivery.status == "sent" and delivery.provider_message_id == sms.msgid
    assert sms.phone == world.lead_clerk.phone and "抽蓄项目" in sms.content


BASE = {"SMS_GATEWAY_URL": "http://gw.example/send", "SMS_GATEWAY_SUCCESS_REGEX": "OK"}


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"SMS_GATEWAY_SUCCESS_REGEX": "OK"}, "SMS_GATEWAY_URL"),
        ({**BASE, "SMS_GATEWAY_METHOD": "put"}, "SMS_GATEWAY_METHOD"),
        ({**BASE, "SMS_GATEWAY_SUCCESS_JSON_PATH": "code", "SMS_GATEWAY_SUCCESS_VALUE": "0"}, "exactly one"),
        ({"SMS_GATEWAY_URL": "http://gw.example/send"}, "exactly one"),
        ({**BASE, "SMS_GATEWAY_SUCCESS_REGEX": "OK("}, "SMS_GATEWAY_SUCCESS_REGEX"),
        ({**BASE, "SMS_GATEWAY_SIGNING": "hmac"}, "SMS_GATEWAY_SECRET"),
        ({**BASE, "SMS_GATEWAY_SIGNING": "md5", "SMS_GATEWAY_ACCOUNT": "a"}, "SMS_GATEWAY_PASSWORD"),
        ({**BASE, "SMS_GATEWAY_SIGNING": "md5", "SMS_GATEWAY_SIGN_FIELDS": "account,nonce"}, "'nonce'"),
        ({**BASE, "SMS_GATEWAY_SIGNING": "sha1"}, "SMS_GATEWAY_SIGNING"),
        ({**BASE, "SMS_GATEWAY_ACCOUNT_FIELD": "uid"}, "SMS_GATEWAY_ACCOUNT"),
        (
            {
                **BASE,
                "SMS_GATEWAY_SIGNING": "md5",
                "SMS_GATEWAY_ACCOUNT": "a",
                "SMS_GATEWAY_PASSWORD": "p",
                "SMS_GATEWAY_TIMESTAMP_FIELD": "",
            },
            "SMS_GATEWAY_TIMESTAMP_FIELD",
        ),
        ({**BASE, "SMS_GATEWAY_ENCODING": "klingon"}, "SMS_GATEWAY_ENCODING"),
    ],
)
def test_an_incomplete_or_contradictory_gateway_configuration_is_refused(env, named):
    with pytest.raises(ImproperlyConfigured) as caught:
        sms_gateway_from_env(env)
    assert named in str(caught.value)


def test_start_up_stops_on_a_gateway_without_url():
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMS_")}
    env.update({"SMS_BACKEND": "gateway", "DJANGO_SETTINGS_MODULE": "duban.settings"})
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr and "SMS_GATEWAY_URL" in done.stderr
