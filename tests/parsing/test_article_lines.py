"""Rules numbered as articles under parts or chapters, their line breaks gone (`article_lines`), each convention
stated in a document of its own, written from the convention, not copied from a corpus document:
- `第N条` starts an article inside a line after a stop or a space, and glued to its part's short title
  (`总则第一条`); a part (`第二部分`, `第二章`) after a stop;
- the rules' first part right after the title naming their kind (`…若干规定第一部分`) opens the body;
- the part heading and its general article (`第一条 为…,制定本办法。`) charge no one;
- near cases: an article the text cites (`按照本办法第二条规定`, `依照本规定 第三条 所称`, `第二条、第三条`) is no
  article's start, nor is a `第一条` after a title that names no rules' kind.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.article_lines import RULES_FIRST_RE, glued_starts, inline_starts

_NOTICE = (
    "关于印发《某县优化营商环境若干规定》的通知某发〔2020〕3号各乡镇人民政府,县直各单位:"
    "现将《某县优化营商环境若干规定》印发给你们,请认真遵照执行。某县人民政府2020年3月2日某县优化营商环境若干规定"
)
_PARTS = [
    "第一部分 总则",
    "第一条 为提升行政效能,结合本县实际,制定本规定。",
    "第二部分 政务服务",
    "第二条 推进企业开办一日办结,按照本规定第一条要求压缩时限。(牵头责任单位:县政务服务中心;责任单位:县市场监管局)",
    "第三条 推进政务服务事项网上办,2020年实现八成事项网上办理。(牵头责任单位:县数据局;责任单位:各相关单位)",
]
_CHAPTERS = [
    "第一章 总 则",
    "第一条 为规范涉企检查,制定本办法。",
    "第二章 规范执法",
    "第二条 推行涉企联合检查,依照本办法第一条、第三条所列事项执行。(牵头责任单位:县司法局;责任单位:县应急管理局)",
    "第三条 落实包容审慎监管。(牵头责任单位:县市场监管局;责任单位:各相关单位)",
]


def _read(text: str) -> list[tuple[str, list[str], list[str]]]:
    tasks = parse_bytes(text.encode(), filename="doc.txt", year=2020, assume_year=2026).tasks
    return [(t.label.split("-")[-1], list(t.lead_units), list(t.co_units)) for t in tasks]


def _copies(lines: list[str], head: str) -> list[str]:
    return ["\n".join([head, *lines]), head + "".join(lines), " ".join([head, *lines])]


def test_articles_under_parts_read_with_or_without_line_breaks():
    for text in _copies(_PARTS, _NOTICE):
        assert _read(text) == [
            ("第二条", ["县政务服务中心"], ["县市场监管局"]),
            ("第三条", ["县数据局"], ["各相关单位"]),
        ], text


def test_articles_under_chapters_read_with_or_without_line_breaks():
    head = _NOTICE.replace("若干规定", "涉企检查办法")
    for text in _copies(_CHAPTERS, head):
        assert _read(text) == [
            ("第二条", ["县司法局"], ["县应急管理局"]),
            ("第三条", ["县市场监管局"], ["各相关单位"]),
        ], text


def test_a_cited_article_is_no_article_start():
    assert inline_starts("按照本办法 第二条规定执行。") == []
    assert inline_starts("依照本规定 第三条 所称情形办理。") == []
    assert inline_starts("见第二条、第三条。") == []
    assert glued_starts("按照本办法第二条规定执行") == []
    assert glued_starts("适用第五条的规定") == []
    assert glued_starts("总则第一条 为规范") == [2]
    assert inline_starts("制定本规定。第二章 推进") == [6]


def test_only_a_title_naming_the_rules_kind_opens_them_glued():
    assert RULES_FIRST_RE.search("某县若干规定第一章 总则")
    assert RULES_FIRST_RE.search("某县管理办法第一部分 总则")
    assert not RULES_FIRST_RE.search("依照本办法第一条规定")
    assert not RULES_FIRST_RE.search("某县工作方案第一部分")
    assert not RULES_FIRST_RE.search("某县管理办法第一条的规定")


def test_a_part_or_article_opening_with_a_word_like_a_citation_still_starts():
    assert inline_starts("制定本办法。第二章 规范执法") == [6]
    assert inline_starts("予以支持。第三条 中小企业享受") == [5]
    assert inline_starts("予以支持。第三条中所称企业") == []
