"""Schemathesis against the served schema as a lead-unit clerk, who is refused most actions
(tests/api/fuzzing.py says what is generated and checked)."""

from __future__ import annotations

from tests.api.fuzzing import _keep_the_test_connection, fuzz  # noqa: F401 (an autouse fixture)


def test_a_clerk_gets_no_5xx_and_only_documented_answers(world):
    failures = fuzz(world, "lead_clerk")
    assert not failures, "\n\n".join(failures)
