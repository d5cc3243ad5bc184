"""The parser's fast forms of its patterns find exactly what the patterns find.

`unit_labels.find_labels` tries `LABEL_RE` only within a label's reach of each colon, and a few
checks asked of every name (`textutil.is_han`, `has_han_run`, `unit_names._ends_in_place_level`,
`joined_names._joined_at`) stand for patterns with the class `[\u4e00-\u9fff]`, which takes a millisecond to
compile in every process. Each is held here to the pattern it stands for, on every corpus
document and on random text made of the characters those patterns turn on.
"""

from __future__ import annotations

import random
import re
import re._parser as sre_parse
from pathlib import Path

import pytest

from policy_tasks.parsing.joined_names import _joined_at
from policy_tasks.parsing.sources import read_source
from policy_tasks.parsing.textutil import has_han_run, is_han, normalise
from policy_tasks.parsing.unit_labels import LABEL_RE, LABEL_REACH, find_label, find_labels
from policy_tasks.parsing.unit_names import _ends_in_place_level

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "parsing" / "corpus"
# Characters the patterns turn on, and some they must not: labels' words, colons of both widths,
# spaces of several kinds, brackets, digits of two scripts, the CJK block's edges and a neighbour.
ALPHABET = [
    *"牵头责任单位配合部门完成时限领导各县局委和及市区州旗同志::  \u3000\n()>〔〕12٣a",
    "\u4e00",
    "\u9fff",
    "\u3400",
    "\ua000",
]


def _texts() -> list[str]:
    texts = [normalise((ROOT / "fixtures" / "kecheng-2023-16.txt").read_text(encoding="utf-8"))]
    for path in sorted(CORPUS.glob("*/source.*")):
        source = read_source(path.read_bytes(), path.name)
        texts.append(normalise(source.text))
    return texts


def _random_texts(count: int, length: int) -> list[str]:
    rng = random.Random(20261205)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randrange(length))) for _ in range(count)]


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m[1]) for m in matches]


def test_label_reach_covers_every_label_the_pattern_can_match():
    parsed = sre_parse.parse(LABEL_RE.pattern)
    groups = [av for op, av in parsed.data if op is sre_parse.SUBPATTERN]
    assert len(groups) == 1, "LABEL_RE is one group of the label's words, then its colon"
    words = sre_parse.SubPattern(parsed.state, groups[0][3])
    assert words.getwidth()[1] <= LABEL_REACH
    assert not any(":" in m[1] for m in LABEL_RE.finditer("牵头单位:配合单位:完成时限:"))


def test_find_labels_finds_what_the_pattern_finds_in_every_corpus_document():
    texts = _texts()
    assert len(texts) > 200
    found = 0
    for text in texts:
        expected = _spans(LABEL_RE.finditer(text))
        assert _spans(find_labels(text)) == expected
        found += len(expected)
    assert found > 500  # the corpus is full of labels: the comparison means something


def test_find_labels_between_any_two_positions():
    rng = random.Random(5)
    for text in _texts()[:60] + _random_texts(300, 120):
        for _ in range(20):
            pos = rng.randrange(len(text) + 1)
            endpos = rng.randrange(pos, len(text) + 1)
            assert _spans(find_labels(text, pos, endpos)) == _spans(LABEL_RE.finditer(text, pos, endpos))
            first = LABEL_RE.search(text, pos, endpos)
            assert _spans([m for m in [find_label(text, pos, endpos)] if m]) == _spans([first] if first else [])


@pytest.mark.parametrize(
    "text",
    [
        "牵头单位  :县交通局",
        "各成员单位:",
        "配合单位\u3000:A",
        "(责任单位:县财政局;完成时限:2024年6月底)",
        "时间:6月",
        "明确时间:",
    ],
)
def test_find_labels_on_the_forms_around_a_colon(text):
    text = normalise(text)
    assert _spans(find_labels(text)) == _spans(LABEL_RE.finditer(text))


def test_han_checks_match_their_patterns():
    for text in _random_texts(5000, 8):
        assert is_han(text) == bool(re.fullmatch(r"[\u4e00-\u9fff]+", text)), text
        for n in (2, 4):
            assert has_han_run(text, n) == bool(re.search(rf"[\u4e00-\u9fff]{{{n}}}", text)), text
        assert _ends_in_place_level(text) == bool(re.search(r"[\u4e00-\u9fff]{1,8}\d*(?:市|县|区|州|旗)$", text)), text
        for joiner in ("和", "及"):
            m = re.search(rf"(?<=[\u4e00-\u9fff)>]){joiner}(?=[\u4e00-\u9fff]{{2}})", text)
            assert _joined_at(text, joiner) == (m.start() if m else -1), text
