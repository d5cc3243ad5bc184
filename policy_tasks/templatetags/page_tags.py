"""Small helpers the page templates share: a clause's name with its 文号, and messages
placed next to the form they answer (so a confirmation is in view where the user is)."""

from __future__ import annotations

from django import template
from django.http import HttpRequest

from policy_tasks.models import PolicyDocument, Task
from policy_tasks.selectors.lights_reasons import LightReason, light_badge, reason_shown

register = template.Library()

PLACE_PREFIX = "at-"
_DOC_NUMBERS = "_duban_doc_numbers"  # where doc_numbers keeps its answer for the request


def doc_numbers(request: HttpRequest | None) -> dict[int, str]:
    """Document pk -> 文号 when more than one document is on file, else empty.

    With one document `第12条` is unambiguous; with two it could be either, so every
    clause is named with its 文号. Read once per request (documents are few)."""
    cached: dict[int, str] | None = getattr(request, _DOC_NUMBERS, None)
    if cached is not None:
        return cached
    rows = dict(PolicyDocument.objects.values_list("pk", "doc_number"))
    numbers = rows if len(rows) > 1 else {}
    if request is not None:
        setattr(request, _DOC_NUMBERS, numbers)
    return numbers


def clause_label(request: HttpRequest | None, task: Task) -> str:
    ref = f"第{task.ref}条"
    doc = doc_numbers(request).get(task.document_id)
    return f"{doc} {ref}" if doc else ref


@register.simple_tag(takes_context=True)
def clause(context, task) -> str:
    """`第12条`, or `柯政发〔2023〕16号 第12条` when there is more than one document."""
    return clause_label(context.get("request"), task)


def place(name: str) -> str:
    """The extra tag that shows a message beside the section `name` instead of at the top."""
    return PLACE_PREFIX + name


def _places(message) -> list[str]:
    return [tag[len(PLACE_PREFIX) :] for tag in (message.extra_tags or "").split() if tag.startswith(PLACE_PREFIX)]


@register.filter
def placed_at(messages, name: str) -> list:
    return [m for m in messages if name in _places(m)]


@register.filter
def placed_at_milestone(messages, pk) -> list:
    """Messages placed beside milestone `pk` (`m<pk>`, its card's anchor)."""
    return placed_at(messages, f"m{pk}")


@register.filter
def unplaced(messages) -> list:
    return [m for m in messages if not _places(m)]


@register.filter
def badge(light: str, reason: LightReason | None = None) -> str:
    """`{{ light|badge:reason }}`: the light's name (selectors.lights_reasons.light_badge)."""
    return light_badge(light, reason)


@register.filter
def shows_reason(light: str, reason: LightReason | None = None) -> bool:
    """`{% if light|shows_reason:reason %}`: selectors.lights_reasons.reason_shown."""
    return reason_shown(light, reason or None)
