"""Formatters for Django's LOGGING, Celery's worker and gunicorn alike, so every process
writes the same shape: JSON (production) or one plain line (development)."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ImproperlyConfigured

from duban.env import env_bool, env_str
from duban.logs import context

# settings.TIME_ZONE; fixed here because gunicorn's master writes lines before Django is loaded.
LOG_TZ = ZoneInfo("Asia/Shanghai")
# Attributes a caller may pass with `extra=` that become fields of the line.
EXTRA_FIELDS = ("method", "status", "duration_ms", "bytes", "remote_addr", "user_agent")
CONTEXT_FIELDS = ("request_id", "user_id", "route", "task", "task_id")


def log_format() -> str:
    """DUBAN_LOG_FORMAT=json|text; JSON unless DEBUG is on."""
    chosen = (env_str("DUBAN_LOG_FORMAT") or "").strip().lower()
    if not chosen:
        return "text" if env_bool("DEBUG", True) else "json"
    if chosen not in ("json", "text"):
        raise ImproperlyConfigured(f"DUBAN_LOG_FORMAT={chosen!r} must be json or text")
    return chosen


def local_time(created: float) -> str:
    return datetime.fromtimestamp(created, tz=LOG_TZ).isoformat(timespec="milliseconds")


class ContextFilter(logging.Filter):
    """Puts the request id, user, route and task on the record (an `extra=` value wins)."""

    def filter(self, record: logging.LogRecord) -> bool:
        for name, value in context.fields().items():
            if getattr(record, name, None) is None:
                setattr(record, name, value)
        return True


def _ensure_context(record: logging.LogRecord) -> None:
    # Handlers set up without the filter (Celery's own, gunicorn's) still get the fields.
    if not hasattr(record, "request_id"):
        ContextFilter().filter(record)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        _ensure_context(record)
        line: dict[str, Any] = {
            "time": local_time(record.created),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        for name in CONTEXT_FIELDS:
            line[name] = getattr(record, name, None)
        for name in EXTRA_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                line[name] = value
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        _ensure_context(record)
        text = f"{local_time(record.created)} {record.levelname} {record.name} [{getattr(record, 'request_id', None) or '-'}] "
        text += record.getMessage()
        extras = " ".join(f"{name}={getattr(record, name)}" for name in EXTRA_FIELDS if hasattr(record, name))
        if extras:
            text += f" ({extras})"
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return text


def formatter() -> logging.Formatter:
    return JsonFormatter() if log_format() == "json" else TextFormatter()


def logging_config(level: str) -> dict[str, Any]:
    """Django's LOGGING: everything to stderr through one formatter."""
    fmt = "duban.logs.formatting.JsonFormatter" if log_format() == "json" else "duban.logs.formatting.TextFormatter"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"context": {"()": "duban.logs.formatting.ContextFilter"}},
        "formatters": {"line": {"()": fmt}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line", "filters": ["context"]}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # axes announces its configuration at INFO on every start, commands included.
            "axes": {"level": "WARNING"},
            # Our request line replaces runserver's own; gunicorn's access log is separate.
            "django.server": {"level": "WARNING"},
        },
    }
