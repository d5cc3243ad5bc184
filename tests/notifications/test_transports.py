"""Channel adapters against local servers speaking the providers' protocols."""

from __future__ import annotations

import smtplib
from types import SimpleNamespace

import pytest

from notifications.services.render import Message
from notifications.transports import TransportError, get_transport
from notifications.transports.dingtalk import signature
from notifications.transports.outgoing import Outgoing
from notifications.transports.sms import sign, string_to_sign


def _delivery(pk=7, phone="13900000001", email="a@example.gov.cn"):
    return Outgoing(
        ref=str(pk),
        delivery_id=pk if isinstance(pk, int) else None,
        recipient=SimpleNamespace(phone=phone, email=email),
        message=Message(
            subject="【督办提醒】测试",
            body="正文",
            link="http://x/",
            short="【督办提醒】测试 http://x/",
            sms_params={"name": "抽蓄项目", "date": "2023-10-31", "status": "今天到期"},
        ),
    )


def test_aliyun_signature_matches_the_documented_example():
    # The worked example of Aliyun's SMS signature documentation (GET, testId/testSecret).
    params = {
        "AccessKeyId": "testId",
        "Action": "SendSms",
        "Format": "XML",
        "OutId": "123",
        "PhoneNumbers": "15300000001",
        "RegionId": "cn-hangzhou",
        "SignName": "阿里云短信测试专用",
        "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": "45e25e9b-0a6f-4070-8c85-2956eda1b466",
        "SignatureVersion": "1.0",
        "TemplateCode": "SMS_71390007",
        "TemplateParam": '{"customer":"test"}',
        "Timestamp": "2017-07-12T02:42:19Z",
        "Version": "2017-05-25",
    }
    assert string_to_sign("GET", params).startswith("GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms")
    assert "%26SignName%3D%25E9%2598%25BF" in string_to_sign("GET", params)
    assert sign("GET", params, "testSecret") == "zJDF+Lrzhj/ThnlvIToysFRq6t4="


def test_dingtalk_signature_is_url_encoded_base64_hmac_sha256():
    assert signature(1700000000000, "SECxyz") == "0PUR1j8g85Xg3vlFV%2FUrEcxXfF5HpCAGzcjrNfyJoyg%3D"


def test_aliyun_sms_is_accepted_by_a_server_that_checks_the_signature(providers):
    provider_id = get_transport("sms").send(_delivery())
    assert provider_id == "biz-1"
    [got] = providers.state.received
    assert got.phone == "13900000001" and got.ident == "duban-7"
    assert got.payload["status"] == "今天到期"
    assert providers.state.rejected == []


def test_aliyun_error_code_is_permanent_unless_it_is_throttling(providers, settings):
    settings.ALIYUN_SMS_ACCESS_KEY_ID = "someone-else"
    with pytest.raises(TransportError) as caught:
        get_transport("sms").send(_delivery())
    assert caught.value.permanent


def test_provider_500_is_transient(providers):
    providers.state.fail_next = 1
    with pytest.raises(TransportError) as caught:
        get_transport("dingtalk").send(_delivery())
    assert not caught.value.permanent and not caught.value.ambiguous


def test_dingtalk_wrong_secret_is_rejected_permanently(providers, settings):
    settings.DINGTALK_SECRET = "SEC-wrong"
    with pytest.raises(TransportError) as caught:
        get_transport("dingtalk").send(_delivery())
    assert caught.value.permanent and "310000" in caught.value.message


def test_unreachable_provider_is_a_safe_retry(settings):
    settings.SMS_BACKEND = "aliyun"
    settings.ALIYUN_SMS_ENDPOINT = "http://127.0.0.1:9/"  # discard port: connection refused
    with pytest.raises(TransportError) as caught:
        get_transport("sms").send(_delivery())
    assert not caught.value.permanent and not caught.value.ambiguous


def test_console_sms_logs_the_text(settings, caplog):
    settings.SMS_BACKEND = "console"
    caplog.set_level("INFO")
    assert get_transport("sms").send(_delivery()) == "console:7"
    assert "13900000001" in caplog.text and "【督办提醒】测试" in caplog.text


def test_smtp_connection_refused_is_transient(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9
    transport = get_transport("email")
    transport.open()
    with pytest.raises(TransportError) as caught:
        transport.send(_delivery())
    transport.close()
    assert not caught.value.permanent
    assert isinstance(caught.value.__cause__, (OSError, smtplib.SMTPException))
