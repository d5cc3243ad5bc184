"""`unwrap.columns` (a line's width, from a per-character table filled as characters are met) counts
as `unicodedata.east_asian_width` does: two columns for wide and full-width characters, one else."""

from __future__ import annotations

import random
import unicodedata

from policy_tasks.parsing.sources.unwrap import columns


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_columns_counts_wide_and_full_width_characters_twice():
    assert columns("区发改局") == 8
    assert columns("ABC 12") == 6
    assert columns("ＡＢ１") == 6  # full-width letters and digits
    assert columns("2023年10月底前") == 6 + 2 * 4
    assert columns("") == 0


def test_columns_agrees_with_east_asian_width_on_random_text():
    rng = random.Random(20261205)
    for _ in range(5000):
        text = "".join(chr(rng.randrange(0x20, 0x30000)) for _ in range(rng.randrange(40)))
        assert columns(text) == _width(text)
