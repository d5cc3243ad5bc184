"""SMTP with STARTTLS and a password (docs/security.md 「传输加密」): a local aiosmtpd server that
offers STARTTLS with a certificate from a private CA, refuses AUTH and mail before it, and checks
the password. A due reminder goes out through it; against a certificate the client does not trust
the reminder waits for a retry and the password is never sent."""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass, field
from datetime import date
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from notifications.models import Delivery, DeliveryAttempt
from tests.foundation.tls import make_certificates
from tests.notifications.conftest import rules, run_day  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
DUE = date(2023, 10, 31)
USER, PASSWORD = "duban@example.gov.cn", "smtp-Pa55word-over-TLS"


@dataclass
class TlsMailbox:
    received: list[tuple[str, bool, str]] = field(default_factory=list)  # (subject, over TLS, login)
    logins: list[tuple[str, bool]] = field(default_factory=list)  # (login, over TLS)

    def __call__(self, server, session, envelope, mechanism, auth_data):
        """The authenticator: only the right password, and note whether TLS protected it."""
        assert isinstance(auth_data, LoginPassword)
        login = auth_data.login.decode()
        self.logins.append((login, session.ssl is not None))
        return AuthResult(success=login == USER and auth_data.password.decode() == PASSWORD, auth_data=login)

    async def handle_DATA(self, server, session, envelope):
        subject = str(make_header(decode_header(message_from_bytes(envelope.content)["Subject"])))
        self.received.append((subject, session.ssl is not None, session.auth_data if session.authenticated else ""))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def starttls_server(tmp_path, settings):
    certs = make_certificates(tmp_path / "certs")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certs.cert, certs.key)
    mailbox = TlsMailbox()
    controller = Controller(
        mailbox,
        hostname="127.0.0.1",
        port=_free_port(),
        tls_context=context,
        require_starttls=True,  # nothing but EHLO, STARTTLS and QUIT before TLS
        authenticator=mailbox,
        auth_required=True,
        auth_require_tls=True,
    )
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS, settings.EMAIL_USE_SSL = True, False
    settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = USER, PASSWORD
    settings.EMAIL_TIMEOUT = 10
    settings.NOTIFY_DEFAULT_CHANNELS = ["email"]
    yield mailbox, certs
    controller.stop()


def test_a_reminder_goes_out_over_starttls_with_the_password(world, rules, starttls_server, monkeypatch):  # noqa: F811
    mailbox, certs = starttls_server
    # The private CA, as an operator adds it (SSL_CERT_FILE, or the system store): OpenSSL reads it
    # whenever Django's backend makes its TLS context.
    monkeypatch.setenv("SSL_CERT_FILE", str(certs.ca))
    _, sent = run_day(DUE)
    assert sent.sent == 1
    assert mailbox.logins == [(USER, True)]
    assert mailbox.received == [("【督办提醒】抽蓄项目10月底前开工：今天到期", True, USER)]
    assert Delivery.objects.get().status == "sent"


def test_an_untrusted_certificate_stops_the_reminder_before_the_password(
    world,
    rules,  # noqa: F811
    starttls_server,
    monkeypatch,
    tmp_path,
):
    mailbox, _ = starttls_server
    # A man in the middle with a certificate of its own: the client trusts another CA.
    monkeypatch.setenv("SSL_CERT_FILE", str(make_certificates(tmp_path / "other", name="impostor").ca))
    _, sent = run_day(DUE)
    assert sent.sent == 0
    assert mailbox.logins == [] and mailbox.received == []
    delivery = Delivery.objects.get()
    assert delivery.status == "pending"  # a transient failure: retried once the certificate is put right
    [attempt] = DeliveryAttempt.objects.filter(delivery=delivery)
    assert "CERTIFICATE_VERIFY_FAILED" in attempt.error


def test_without_starttls_the_password_is_never_sent(world, rules, starttls_server, monkeypatch):  # noqa: F811
    mailbox, certs = starttls_server
    monkeypatch.setenv("SSL_CERT_FILE", str(certs.ca))
    from django.conf import settings

    settings.EMAIL_USE_TLS = False
    _, sent = run_day(DUE)
    assert sent.sent == 0 and mailbox.logins == [] and mailbox.received == []
