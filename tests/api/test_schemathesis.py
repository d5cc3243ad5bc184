"""Schemathesis against the served schema as a supervisor (tests/api/fuzzing.py says what is
generated and checked); test_schemathesis_clerk.py does the same as a lead-unit clerk."""

from __future__ import annotations

from tests.api.fuzzing import _keep_the_test_connection, fuzz  # noqa: F401 (an autouse fixture)


def test_a_supervisor_gets_no_5xx_and_only_documented_answers(world, settings):
    # Signed in as production signs a supervisor in: with the second factor. One run, not two:
    # a run costs minutes, and a token acts the same however it was obtained.
    settings.DUBAN_MFA_REQUIRED = True
    failures = fuzz(world, "supervisor", signed_in=True)
    assert not failures, "\n\n".join(failures)
