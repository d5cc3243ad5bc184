"""Line breaks of the bulletin PDF follow Chinese print's rules (policy_tasks/exports/pdf_wrap.py)."""

from __future__ import annotations

from policy_tasks.exports.pdf_wrap import NOT_AT_END, NOT_AT_START, wrap, wrap_parts


def _width(text: str) -> float:
    """A Chinese character or full-width mark 1, Latin letters, digits and spaces 0.5."""
    return sum(1 if ord(c) > 0x2E80 else 0.5 for c in text)


def test_closing_marks_never_start_a_line_nor_opening_ones_end_it():
    lines = wrap("重点推进“千项万亿”工程，截至2023年10月（已办结0项），设时限节点。", _width, 8).split("\n")
    assert "".join(lines) == "重点推进“千项万亿”工程，截至2023年10月（已办结0项），设时限节点。"
    assert all(_width(line) <= 8 for line in lines)
    assert not [line for line in lines[1:] if line[0] in NOT_AT_START]
    assert not [line for line in lines[:-1] if line[-1] in NOT_AT_END]


def test_numbers_dates_and_latin_words_stay_whole():
    assert wrap("确保3月底完成全区新增30张ICU床位建设", _width, 9).split("\n") == [
        "确保3月底完成全区",
        "新增30张ICU床位建",
        "设",
    ]
    assert wrap("完成时限2023-10-31", _width, 7).split("\n") == ["完成时限", "2023-10-31"]
    assert wrap("Every unit reports its progress", _width, 6).split("\n") == ["Every unit", "reports its", "progress"]


def test_runs_of_a_paragraph_keep_their_kind_and_text():
    class Red(str):
        pass

    parts = wrap_parts(["逾期单位：", Red("区教育局"), "（2项）、", Red("区卫健局"), "。"], _width, 6, first=4)
    assert [type(p) for p in parts] == [str, Red, str, Red, str]
    assert "".join(parts).replace("\n", "") == "逾期单位：区教育局（2项）、区卫健局。"
    lines = "".join(parts).split("\n")
    assert _width(lines[0]) <= 4 and all(_width(line) <= 6 for line in lines[1:])
    assert not [line for line in lines[1:] if line[0] in NOT_AT_START]
