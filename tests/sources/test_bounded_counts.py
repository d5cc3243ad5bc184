"""The one bound every table reader puts on a span, repeat or index a file writes as text."""

from __future__ import annotations

import pytest

from policy_tasks.parsing.sources.grid import MAX_SPAN, bounded_count


@pytest.mark.parametrize(
    ("value", "low", "expected"),
    [
        ("3", 1, 3),
        (None, 1, 1),  # not written: one cell
        ("", 1, 1),
        ("zwei", 1, 1),  # no number: as if not written
        ("0", 1, 1),
        ("-4", 0, 0),  # a merge count starts at 0 (Excel XML's MergeAcross)
        ("99999", 1, MAX_SPAN),  # a damaged or hostile file cannot make a huge grid
    ],
)
def test_a_count_a_file_writes_is_kept_within_its_bounds(value, low, expected):
    assert bounded_count(value, MAX_SPAN, low=low) == expected
