"""Every time pattern's match holds one of its triggers, so skipping a text without one loses nothing.

`deadlines.find_time_phrases` runs a pattern over a clause only when one of the pattern's
`TRIGGERS` is in it. A trigger that a match can lack would drop that time phrase silently; each
is held here to its pattern on every corpus document and on random text made of the words the
patterns are written from.
"""

from __future__ import annotations

import functools
import random
from pathlib import Path

import pytest

from policy_tasks.parsing.sources import read_source
from policy_tasks.parsing.textutil import normalise
from policy_tasks.parsing.time_patterns import PATTERNS, TRIGGERS

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "parsing" / "corpus"
# The pieces deadlines are written from, and neighbours that the patterns' lookarounds turn on.
WORDS = [
    *"0123456789年月日号季度半中上下旬底末初前之以内止第个每逐按周星期天今明本当次来去全首再十五一二三四九〇两",
    *"国庆节春元旦端午秋清汛主择适近限期时长持常态化坚推进 ,。;:、-/.—~至到",
    "2023",
    "2024年",
    "上半年",
    "下半年",
    "年中",
    "国庆",
    "春节",
    "之前",
    "以前",
    "工作日",
    "个月",
    "十四五",
    "持续推进",
    "长期坚持",
    "常态化",
    "每季度",
    "每月",
    "每半年",
    "6.30前",
    "12.31日前",
    "月底前",
    "每两月",
    "每三个月",
    "每单月",
]


@functools.cache
def _texts() -> list[str]:
    """Read when a test first asks (~1.8 CPU-s), not at import: every xdist worker imports this module to collect
    it, and only the one running its tests needs the texts."""
    texts = [normalise((ROOT / "fixtures" / "kecheng-2023-16.txt").read_text(encoding="utf-8"))]
    for path in sorted(CORPUS.glob("*/source.*")):
        texts.append(normalise(read_source(path.read_bytes(), path.name).text))
    rng = random.Random(20261205)
    texts += ["".join(rng.choice(WORDS) for _ in range(rng.randrange(2, 14))) for _ in range(40_000)]
    return texts


@pytest.mark.parametrize("index", range(len(PATTERNS)))
def test_every_match_holds_a_trigger(index):
    pattern, triggers = PATTERNS[index][0], TRIGGERS[index]
    matched = 0
    for text in _texts():
        for m in pattern.finditer(text):
            if m.start() == m.end():
                continue  # an empty match is skipped by the reader too
            matched += 1
            assert any(t in m.group() for t in triggers), (pattern.pattern[:60], m.group(), triggers)
    assert matched, f"no text exercised pattern {index}"
