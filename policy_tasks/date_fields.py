"""Date fields for forms, filters and serializers that refuse dates outside duban.lib.datewindow.

One definition for the pages, the API's bodies and its query filters, so no entry point can
let a year-9299 date through to the working-day arithmetic or a date overflow.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django_filters import fields as filter_fields
from rest_framework import serializers

from duban.lib import datewindow

OUT_OF_WINDOW = "out_of_window"


def _check(day: date | None) -> None:
    if day is not None and not datewindow.contains(day):
        raise ValidationError(datewindow.message(), code=OUT_OF_WINDOW)


class WindowDateFormField(forms.DateField):
    def validate(self, value: Any) -> None:
        super().validate(value)
        _check(value)


class WindowIsoDateTimeFormField(filter_fields.IsoDateTimeField):
    def validate(self, value: Any) -> None:
        super().validate(value)
        _check(value.date() if isinstance(value, datetime) else value)


def has_window_error(form: forms.Form) -> str | None:
    """The window's message when one of the form's dates is outside it."""
    for errors in form.errors.as_data().values():
        for error in errors:
            if error.code == OUT_OF_WINDOW:
                return error.messages[0]
    return None


class WindowDateField(serializers.DateField):
    def to_internal_value(self, value: Any) -> date:
        day = super().to_internal_value(value)
        if not datewindow.contains(day):
            raise serializers.ValidationError(datewindow.message(), code=OUT_OF_WINDOW)
        return day
