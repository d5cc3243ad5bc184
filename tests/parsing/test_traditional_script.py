"""Plans as mirror sites serve them: in traditional characters, with pinyin glosses, read as the office wrote them.

OpenCC converts the other way here, as the mirrors do: `s2t` (characters only), `s2twp` (Taiwan
characters and wording: 优化 → 最佳化, 信息 → 資訊, 项目 → 專案), `s2hk` (Hong Kong variants).
"""

from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.document import parse_bytes
from policy_tasks.parsing.script import WARNING, drop_glosses, is_traditional, simplified
from tests.sources.builders import CLAUSES, HEADER, TABLE_HEADER, xlsx_bytes

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "kecheng-2023-16.txt"
MIRRORS = ("s2t", "s2twp", "s2hk")


def _convert(config: str, text: str) -> str:
    return opencc.OpenCC(config).convert(text)


def _gloss(text: str) -> str:
    """A mirror's pinyin after some characters, as `發(fā)`."""
    glosses = {"發": "fā", "點": "diǎn", "區": "qū", "進": "jìn", "縣": "xiàn", "項": "xiàng", "一": "yī"}
    return re.sub("[發點區進縣項]", lambda m: f"{m.group()}({glosses[m.group()]})", text)


def _tasks(parsed):
    return [
        (t.label, t.lead_units, t.co_units, t.leaders, [(m.due_date, m.kind, m.recurrence) for m in t.milestones])
        for t in parsed.tasks
    ]


@pytest.fixture(scope="module")
def seed():
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_parsed(seed):
    return parse_document(seed)


@pytest.mark.parametrize("config", MIRRORS)
def test_the_seed_in_traditional_characters_gives_the_seeds_tasks(seed, seed_parsed, config):
    parsed = parse_document(_convert(config, seed))
    assert len(parsed.tasks) == 55
    assert _tasks(parsed) == _tasks(seed_parsed)
    assert (parsed.title, parsed.doc_number, parsed.issued_on) == (
        seed_parsed.title,
        seed_parsed.doc_number,
        seed_parsed.issued_on,
    )
    assert [u.name for u in parsed.units] == [u.name for u in seed_parsed.units]
    # The review page says the text was converted, once, for the document.
    assert [w.message for w in parsed.warnings].count(WARNING) == 1
    assert parsed.warnings[0].task is None


def test_a_mirrors_pinyin_glosses_are_no_part_of_the_text(seed, seed_parsed):
    mirrored = _gloss(_convert("s2t", seed))
    assert "發(fā)" in mirrored and "區(qū)" in mirrored
    parsed = parse_document(mirrored)
    assert _tasks(parsed) == _tasks(seed_parsed)
    assert [t.text for t in parsed.tasks] == [t.text for t in seed_parsed.tasks]


def test_a_taiwanese_converters_words_go_back_to_the_mainlands():
    lines, converted = simplified(
        ["持續深化相對集中行政許可權改革,最佳化營商環境,按程式在入口網站公布", "工業和資訊化局"]
    )
    assert converted
    # 许可权 stays (OpenCC's own reverse table would make it 权限); 最佳化, 程式, 入口網站, 資訊 go back.
    assert lines == ["持续深化相对集中行政许可权改革,优化营商环境,按程序在门户网站公布", "工业和信息化局"]


def test_a_simplified_plan_is_read_as_it_is(seed_parsed):
    assert WARNING not in [w.message for w in seed_parsed.warnings]
    # Characters that are also simplified (著, 乾, 於 in names) do not make a plan traditional.
    text = "1. 成效显著,著作权保护。乾隆路改造,於潜镇推进。10月底前完成。(责任单位:区发改局)"
    assert not is_traditional(text)
    assert simplified([text]) == ([text], False)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("廣東省人民政府發(fā)布", "廣東省人民政府發布"),
        ("一(yī)、重點(diǎn)任務", "一、重點任務"),
        ("規劃面積(km)", "規劃面積(km)"),  # no tone mark: no gloss
        ("烏魯木齊(Ürümqi)", "烏魯木齊(Ürümqi)"),  # a name in Latin letters, capitalised
        ("(fā)開頭", "(fā)開頭"),  # a gloss follows a character
    ],
)
def test_glosses_are_brackets_of_toned_pinyin_after_a_character(text, expected):
    assert drop_glosses(text) == expected


def _task_list(convert) -> bytes:
    def build(book):
        sheet = book.active
        for line in HEADER:
            sheet.append([convert(line)])
        sheet.append([convert(cell) for cell in TABLE_HEADER])
        for number, text, lead, co, due in CLAUSES:
            sheet.append([int(number), *(convert(c) for c in (text, lead, "、".join(co), due))])

    return xlsx_bytes(build)


@pytest.mark.parametrize("config", ("s2t", "s2twp"))
def test_a_task_list_in_traditional_characters_reads_its_columns(config):
    plain = parse_bytes(_task_list(str), filename="任务清单.xlsx")
    parsed = parse_bytes(_task_list(lambda text: _convert(config, text)), filename="任務清單.xlsx")
    assert [(t.lead_units, t.co_units) for t in parsed.tasks] == [([lead], co) for _, _, lead, co, _ in CLAUSES]
    assert _tasks(parsed) == _tasks(plain)
    assert parsed.doc_number == plain.doc_number == "测政发〔2023〕9号"
    assert WARNING in [w.message for w in parsed.warnings]
