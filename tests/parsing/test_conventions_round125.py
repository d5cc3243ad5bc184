"""Conventions met in blind round 125 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it: a county 安委会's work points whose measures
close with a bracket of fields, then a sentence charging the towns with their local duty, then a carry sentence
(`(牵头责任单位:A,协同责任单位:B。各镇落实属地管理责任,以下均需各乡镇落实属地管理责任,不再重复列出)`); and a township's
解读 of one office's 责任清单, the office named in 一、制定背景 (`制定X责任清单`), its duties `1、2、3、` under 四、 naming no
unit, and 五、下步工作's bare step headings (`(一)加强领导,落实责任。`).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int | None = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _read(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, list(t.lead_units), list(t.co_units)) for t in doc.tasks]


# --- `。各镇落实属地管理责任,以下均需…不再重复列出)` ---------------------------------------------------------------


_POINTS = """某县安全生产委员会2024年工作要点
一、重点工作
(一)压实安全生产责任
1.开展安全生产专题培训。组织全县干部观看警示教育片。(牵头责任单位:县委组织部、县应急管理局,协同责任单位:县安委会各成员单位。各镇落实属地管理责任,以下均需各乡镇落实属地管理责任,不再重复列出)
2.开展企业主要负责人安全培训。(牵头责任单位:县应急管理局,协同责任单位:县人社局)
3.推进重点行业领域专项整治。(牵头责任单位:县住建局)
"""


def test_towns_charged_before_the_carry_sentence_help_there_and_after():
    assert _read(_parse(_POINTS)) == [
        ("1", ["县委组织部", "县应急管理局"], ["县安委会各成员单位", "各镇"]),  # the bracket's own sentence
        ("2", ["县应急管理局"], ["县人社局", "各乡镇"]),  # `重复列出` is a carry sentence too
        ("3", ["县住建局"], ["各乡镇"]),
    ]


def test_towns_sentence_near_cases():
    # With no carry sentence the towns' sentence is the bracket's remark as before: no unit added.
    doc = _parse(_POINTS.replace(",以下均需各乡镇落实属地管理责任,不再重复列出", ""))
    assert _read(doc)[0] == ("1", ["县委组织部", "县应急管理局"], ["县安委会各成员单位"])
    # A sentence naming no unit before the carry (`严格落实责任`) adds no one to the measure that holds it.
    doc = _parse(_POINTS.replace("各镇落实属地管理责任,以下", "严格落实安全责任,以下"))
    assert _read(doc)[0] == ("1", ["县委组织部", "县应急管理局"], ["县安委会各成员单位"])
    # `此项及以下…` keeps its own reading: the carried units help this item too, once.
    doc = _parse(
        _POINTS.replace("各镇落实属地管理责任,以下", "此项及以下").replace(
            "各乡镇落实属地管理责任,不再重复", "各乡镇落实,不再"
        )
    )
    assert _read(doc)[0] == ("1", ["县委组织部", "县应急管理局"], ["县安委会各成员单位", "各乡镇"])


# --- a 解读 of one office's 责任清单 -------------------------------------------------------------------------------


_EXPLAINED = """一、制定背景
为进一步明确某某镇安全生产监督管理站责任,结合我镇实际,制定某某镇安全生产监督管理站责任清单。
二、起草过程
《清单》由党政办负责起草,经镇党委研究后印发。
三、工作目标
认真贯彻落实上级关于安全生产的决策部署,按照责任清单认真履行监管职责。
四、主要内容
1、负责辖区生产经营单位安全生产情况的监督检查,依法查处违法违规行为。
2、组织开展安全生产宣传教育培训。
3、协调事故调查处理和信息报送工作
五、下步工作
(一)加强领导,落实责任。
(二)上下联动,协调推进。
(三)强化宣传,积极引导。
"""


def test_background_names_the_office_its_list_binds_and_bare_steps_are_no_clauses():
    doc = _parse(_EXPLAINED, year=None)
    office = ["某某镇安全生产监督管理站"]
    assert _read(doc) == [("1", office, []), ("2", office, []), ("3", office, [])]


def test_explained_list_near_cases():
    # A list for many (`制定各部门责任清单`) names no office: the duties keep no unit.
    doc = _parse(_EXPLAINED.replace("制定某某镇安全生产监督管理站责任清单", "制定各部门责任清单"), year=None)
    assert [t.label for t in doc.tasks] == ["1", "2", "3"] and all(not t.lead_units for t in doc.tasks)
    # A topic (`制定安全生产责任清单`) is no office either.
    doc = _parse(_EXPLAINED.replace("制定某某镇安全生产监督管理站责任清单", "制定安全生产责任清单"), year=None)
    assert all(not t.lead_units for t in doc.tasks)
    # Named outside the background section, the list's office is not read.
    moved = _EXPLAINED.replace("制定某某镇安全生产监督管理站责任清单", "制定本清单").replace(
        "经镇党委研究后印发", "经镇党委研究后作为某某镇安全生产监督管理站责任清单印发"
    )
    assert all(not t.lead_units for t in _parse(moved, year=None).tasks)
    # Next steps with a body of their own are measures, not bare headings: they stay the plan's leaves.
    bodied = _EXPLAINED.replace("(一)加强领导,落实责任。", "(一)加强领导,落实责任。镇安监站要每月开展一次检查。")
    assert "(一)" in [t.label for t in _parse(bodied, year=None).tasks]


# --- a plan's requirement charging only the bare `各部门` ----------------------------------------------------------


_STAGE_PAGE = """第三阶段:巩固提升(2024年12月底前)。总结整治经验,建立长效机制。
五、有关要求
(一)提高思想认识。各部门要充分认识整治工作的重要性,切实增强责任感和紧迫感。
(二)加强协作配合。各有关部门要加强信息共享。县消防救援大队每月组织召开一次工作会。
(三)强化督查考核。县安委办每季度开展一次督查。
"""


def test_requirement_charging_only_the_bare_group_is_no_clause():
    labels = [t.label for t in _parse(_STAGE_PAGE).tasks]
    assert "(一)" not in labels and "(二)" in labels and "(三)" in labels


def test_bare_group_near_cases():
    # `各有关部门要` narrows the group to the work's departments: the requirement stays.
    narrowed = _STAGE_PAGE.replace("各部门要充分认识", "各有关部门要充分认识")
    assert "(一)" in [t.label for t in _parse(narrowed).tasks]
    # A later sentence naming a doer keeps it too.
    named = _STAGE_PAGE.replace("紧迫感。", "紧迫感。县应急管理局要加强指导。")
    assert "(一)" in [t.label for t in _parse(named).tasks]
