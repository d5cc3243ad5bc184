"""E-mail through Django's configured backend (SMTP in production, file or console otherwise)."""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from notifications.models import Channel
from notifications.transports.base import Transport, TransportError
from notifications.transports.outgoing import Outgoing


def message_id(delivery_id: int | str) -> str:
    """Stable per delivery: a re-send after an interrupted attempt carries the same id,
    so mail clients and the tests can recognise the duplicate."""
    return f"<duban.delivery.{delivery_id}@{settings.NOTIFY_MESSAGE_ID_DOMAIN}>"


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


class EmailTransport(Transport):
    channel = Channel.EMAIL

    def __init__(self) -> None:
        self.connection: BaseEmailBackend | None = None

    def open(self) -> None:
        self.connection = connection = get_connection(fail_silently=False)
        try:
            connection.open()
        except (OSError, smtplib.SMTPException):
            # Opening eagerly is an optimisation; each send reports its own error.
            self.connection = None

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.close()
            except (OSError, smtplib.SMTPException):
                pass
            self.connection = None

    def send(self, out: Outgoing) -> str:
        msg = out.text
        mid = message_id(out.ref)
        email = EmailMessage(
            subject=msg.subject,
            body=msg.body,
            to=[out.recipient.email],
            headers={"Message-ID": mid},
            connection=self.connection,
        )
        try:
            sent = email.send(fail_silently=False)
        except smtplib.SMTPRecipientsRefused as exc:
            self.last_answer = {"refused": {k: [v[0], _text(v[1])] for k, v in exc.recipients.items()}}
            raise TransportError(f"收件人被拒绝: {exc.recipients}", permanent=True) from exc
        except smtplib.SMTPResponseException as exc:
            self.last_answer = {"smtp_code": exc.smtp_code, "smtp_error": _text(exc.smtp_error)}
            self.close()
            raise TransportError(
                f"SMTP {exc.smtp_code}: {exc.smtp_error!r}", permanent=500 <= exc.smtp_code < 600
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            # Connection trouble: drop the shared connection so the next send reconnects.
            self.close()
            raise TransportError(f"SMTP 连接错误: {exc}") from exc
        if not sent:
            self.last_answer = {"result": "not sent", "message_id": mid}
            raise TransportError("邮件后端未发送任何邮件")
        # Django's backends keep no SMTP reply text: the count accepted is what they report.
        self.last_answer = {"result": "sent", "accepted": sent, "message_id": mid, "to": out.recipient.email}
        return mid
