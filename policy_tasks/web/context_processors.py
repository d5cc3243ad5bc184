"""What every page's template may read without its view passing it.

`Light`, so that a template compares and links with `Light.RED` instead of writing "red"
(issue 17: a light's value and name are defined once, in selectors.lights_reasons).
Django does not call an enumeration in a template (Choices.do_not_call_in_templates).
"""

from __future__ import annotations

from django.http import HttpRequest

from policy_tasks.selectors.lights_reasons import Light


def lights(request: HttpRequest) -> dict[str, type[Light]]:
    return {"Light": Light}
