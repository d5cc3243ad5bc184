"""The corpus's prose documents with their deadlines in other forms of the genre, read as annotated.

Each case rewrites only where a document writes the source form (tests/parsing/deadline_swaps.py), into a
form due on the same day, and scores the documents it changed against their unchanged gold. No database."""

from __future__ import annotations

import json
from datetime import date

import pytest

from policy_tasks.parsing import parse_document
from tests.parsing import deadline_swaps as swaps
from tests.sources.corpus_prose import misread, prose_documents

DOCUMENTS = prose_documents()

CASES: dict[str, tuple[swaps.Swap, int]] = {
    # case: (rewrite, fewest documents it must change, so that no case passes by changing nothing)
    "month-end-without-before": (swaps.month_end_without_before, 5),
    "month-end-with-before": (swaps.month_end_with_before, 1),
    "month-last-day": (swaps.month_last_day, 5),
    "quarter-for-month": (swaps.quarter_for_month, 1),
    "half-year-for-june": (swaps.half_year_for_june, 1),
    "month-for-quarter": (swaps.month_for_quarter, 2),
    "year-end-as-december": (swaps.year_end_as_december, 2),
    "year-end-as-within": (swaps.year_end_as_within, 2),
    "within-year-as-year-end": (swaps.within_year_as_year_end, 2),
    "within-year-as-december": (swaps.within_year_as_december, 2),
    "year-written": (swaps.year_written, 3),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_corpus_prose_with_deadlines_in_another_form_reads_as_annotated(case):
    rewrite, fewest = CASES[case]
    wrong, changed = [], 0
    for folder, text in DOCUMENTS:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        swapped = rewrite(text, gold["clauses"], gold["year"])
        if swapped == text:
            continue
        changed += 1
        # A clause's gold `start` that opens with its deadline (`2016年2月底前,各市州…`) is found by
        # the words the rewrite wrote there.
        for clause in gold["clauses"]:
            clause["start"] = rewrite(clause.get("start", ""), [], gold["year"])
        if (error := misread(folder, swapped, gold=gold)) is not None:
            wrong.append(error)
    assert changed >= fewest
    assert wrong == []


def test_the_swaps_keep_what_is_no_deadline_of_the_document_year():
    text = "截至2019年12月底,已完成。每月底前报送。5年内引进人才。2020年任务:一是4月底前完成评估。\n力争年内建成。"
    assert swaps.month_end_with_before(text, [], 2019) == text  # a status date, not a deadline
    assert swaps.month_end_without_before(text, [], 2019) == text.replace("4月底前", "4月底")  # not 每月底前
    assert swaps.within_year_as_year_end(text, [], 2019) == text.replace("力争年内", "力争年底前")  # not 5年内
    assert swaps.year_written(text, [], 2019) == text  # 4月底前 is read in 2020 here
    assert swaps.month_last_day("2月底前完成。", [], 2019) == "2月底前完成。"  # its last day depends on the year


def test_a_month_end_without_before_dates_the_work_as_with_it():
    # The genre writes `6月底完成` for `6月底前完成`: the month's end is the date the work is due by,
    # whatever the verb, as `12月底前取得明显成效` is.
    for written in ("10月底前", "10月底"):
        doc = parse_document(
            "某市2020年乡村振兴工作方案\n"
            f"1.优化村庄布局。一是4月底前完成村庄规划评估;二是{written}根据评估结果对村庄规划进行修编。(牵头单位:市资源规划局)\n"
        )
        assert [m.due_date for m in doc.tasks[0].milestones] == [date(2020, 4, 30), date(2020, 10, 31)]
