"""Conventions taught so that documents waiting in tests/parsing/corpus_pending read right in every layout (session 38,
pass B).

Written from the convention, not copied from the documents that showed it:

- a short page broken at a width (a news report of two paragraphs, 7 lines at 42 characters) has fewer lines than the
  share of full lines needs (`unwrap.wrap_width`); it is told instead by its lines all ending at one column (within a
  character) but each paragraph's last, which is shorter and ends a sentence, most of those at the width inside a
  sentence (`unwrap.short_wrap_width`). Near cases: a short page written a paragraph a line (its alike lines end
  sentences), a short list whose shorter lines stop inside a sentence (cells, a title), three lines or fewer;
- a report counting its measures in its title may have lost its township's name (a sharing site kept the headline
  alone: `五项举措齐头并进,…`); its measures are each a clause, charged or not, but one reporting what the township set
  up (`我镇成立了…领导小组`, work done); run onto one line, its first `一是` follows the title with nothing between. Near
  cases: a title with no count, a county's count;
- a 街道's or a 镇's report names its own leadership and bodies short as its sentences' subjects
  (`measure_subjects`): `街道主要领导组建…` (the body it heads answers), `街X队与全体驻片干部下沉到村`,
  `充分发挥街X队作用`, `对…的街纪检部门介入严查`, and one 各 over levels joined by 、 (`各村、社区在…`). Near cases:
  the township inside a sentence (`上报街道`, `加强街道与区各有关职能部门之间的协调`), its staff as a whole
  (`全街上下要…`), a role of no body (`充分发挥党员先锋模范作用`), a body of another level (`区纪检部门`), a leadership
  described (`街道主要领导的重视`).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.measure_reports import MEASURES, measure_charge, measure_report_kind
from policy_tasks.parsing.measure_subjects import own_subjects
from policy_tasks.parsing.sources import read_source
from policy_tasks.parsing.sources.unwrap import short_wrap_width, unwrap, wrap_width
from tests.sources.corpus_prose import hard_wrapped

_ACCOUNT = "为切实做好汛期地质灾害防范工作,进一步压实各方责任。近日,某镇召开地质灾害防治工作部署会。"
_POINTS = (
    "会议强调,一是提高站位,充分认识地质灾害防治工作的重要性和紧迫性,坚决克服麻痹思想和侥幸心理;二是压实责任,"
    "各村要立即开展隐患点拉网式排查,逐点落实监测责任人,切实做好群众转移避险准备;三是加强值守,严格执行领导带班"
    "和值班制度,发现险情第一时间上报并妥善处置,确保人民群众生命财产安全。"
)


def test_a_short_report_broken_at_a_width_joins_back_into_its_paragraphs():
    for width, indent in ((84, True), (80, False), (56, True)):
        text = hard_wrapped(f"{_ACCOUNT}\n{_POINTS}", width, indent=indent)
        assert len(text.splitlines()) < 8  # too few for the share of full lines
        assert [block.strip() for block in read_source(text.encode(), "报道.txt").blocks] == [_ACCOUNT, _POINTS]


def test_a_short_page_whose_lines_end_sentences_is_left_as_written():
    lines = [
        "一、各村要在本月内完成辖区内全部自建房的安全隐患排查工作并建立台账。",
        "二、镇规划建设办要对排查出的隐患房屋逐户建立整治档案及时跟踪整改。",
        "三、镇应急办要会同派出所对拒不配合排查整治的有关人员依法进行处理。",
        "四、各站所要按照职责分工主动参与排查整治工作确保各项任务落到实处。",
        "五、请于每月底前将排查整治进展情况报镇自建房整治工作领导小组办公室。",
    ]
    assert short_wrap_width([(len(line) * 2, line) for line in sorted(lines, key=len)]) is None
    assert unwrap(lines) == lines


def test_a_short_list_whose_shorter_lines_stop_inside_a_sentence_is_left_as_written():
    lines = [
        "某镇自建房安全专项整治工作任务分工",
        "镇规划建设办负责全镇经营性自建房的排查摸底和建立台账等具体工作",
        "镇应急管理办负责会同有关部门开展隐患房屋整治的督促检查相关工作",
        "镇市场监管所负责对经营性自建房内的经营主体开展安全检查有关工作",
        "各村负责辖区内自建房的日常巡查",
    ]
    assert wrap_width(lines) is None
    assert unwrap(lines) == lines


def test_three_lines_are_too_few_to_find_a_width():
    text = hard_wrapped(_ACCOUNT * 2, 56, indent=False)
    lines = text.splitlines()[:3]  # all three at the width, inside sentences
    assert wrap_width(lines) is None
    assert unwrap(lines) == lines


_STREET = (
    "三项举措扎实推进背街小巷环境整治工作\n"
    "一是要统一思想,提高认识。全街上下要把背街小巷整治作为当前一项重要任务来抓。\n"
    "二是迅速行动,集中整治。街道党政主要领导组建环境整治工作专班,统筹推进;各村、社区在辖区内开展一次全面排查,"
    "并将有关情况上报街道;充分发挥街城管执法中队作用,及时清理占道经营。\n"
    "三是强化督查,严格问责。街环境卫生管理所与全体包片干部每周巡查,对整改不力、屡查屡犯的街纪工委介入问责。\n"
)


def _tasks(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026).tasks


def test_a_streets_counted_measures_are_charged_by_their_own_bodies():
    for text in (_STREET, "".join(_STREET.splitlines()), " ".join(_STREET.splitlines())):
        tasks = _tasks(text)
        assert [(t.label, t.lead_units, t.co_units) for t in tasks] == [
            ("一是", [], []),  # the whole street's staff exhorted: a measure, no unit
            ("二是", ["街道"], ["各村、社区", "街城管执法中队"]),
            ("三是", ["街环境卫生管理所"], ["街纪工委"]),
        ]
        assert [t.leaders for t in tasks] == [[], ["街道党政主要领导"], ["全体包片干部"]]


def test_a_counted_title_may_have_lost_its_place():
    assert measure_report_kind([(1, "五项举措齐头并进,坚定不移开展违法建设专项整治工作")]) == {MEASURES}
    assert measure_report_kind([(1, "坚定不移开展违法建设专项整治工作")]) == frozenset()
    assert measure_report_kind([(1, "某某县三项举措推进违法建设整治")]) == frozenset()


def test_a_report_of_what_the_street_set_up_is_no_measure_clause():
    text = _STREET.replace(
        "一是要统一思想,提高认识。全街上下要把背街小巷整治作为当前一项重要任务来抓。",
        "一是强化领导。我街道成立了背街小巷环境整治工作领导小组。",
    )
    assert [t.label for t in _tasks(text)] == ["二是", "三是"]


def test_own_subject_near_cases():
    def names(part: str) -> list[str]:
        return [name for _, name in own_subjects(part, part, 0)]

    assert names("街道主要领导组建工作专班") == ["街道"]
    assert names("充分发挥镇综治中心作用,化解矛盾") == ["镇综治中心"]
    assert names("上报街道") == []
    assert names("加强街道与区各有关职能部门之间的协调") == []
    assert names("全街上下要统一思想") == []
    assert names("充分发挥党员先锋模范作用") == []
    assert names("对情节严重的区纪检部门介入调查") == []
    assert names("街道主要领导的重视是关键") == []
    # Outside a report counting its measures the reader is silent.
    text = "街道主要领导组建工作专班,统筹推进。"
    assert measure_charge(text, text, frozenset()) is None
