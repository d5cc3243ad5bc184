"""One writer of Chinese numerals: headings, Word's `chineseCounting` lists and the parse summary."""

from __future__ import annotations

import pytest

from policy_tasks.parsing import format_summary, parse_document
from policy_tasks.parsing.sources.numbering import format_number
from policy_tasks.parsing.textutil import cn_numeral, cn_to_int

# As offices type them and Word draws them: no 一 before a lone ten, 一 before the ten past a hundred.
WRITTEN = {
    0: "零",
    1: "一",
    9: "九",
    10: "十",
    11: "十一",
    19: "十九",
    20: "二十",
    21: "二十一",
    99: "九十九",
    100: "一百",
    101: "一百零一",
    110: "一百一十",
    115: "一百一十五",
    120: "一百二十",
    999: "九百九十九",
    1000: "1000",
}


@pytest.mark.parametrize(("n", "written"), WRITTEN.items())
def test_numbers_are_written_as_offices_write_them(n: int, written: str) -> None:
    assert cn_numeral(n) == written


@pytest.mark.parametrize("fmt", ["chineseCounting", "chineseCountingThousand"])
def test_word_lists_count_with_the_same_numerals(fmt: str) -> None:
    assert {n: format_number(n, fmt) for n in WRITTEN} == WRITTEN


def test_the_reader_reads_back_every_heading_number() -> None:
    assert [cn_to_int(cn_numeral(n)) for n in range(1, 100)] == list(range(1, 100))


def test_the_summary_numbers_areas_past_ten_in_chinese() -> None:
    text = "某县2024年重点工作方案\n" + "".join(
        f"{cn_numeral(n)}、领域{n}\n1. 推进工作{n},年底前完成。(责任单位:县发改局)\n" for n in range(1, 12)
    )
    summary = format_summary(parse_document(text))
    assert "十、领域10" in summary and "十一、领域11" in summary
