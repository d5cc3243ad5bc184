"""Round 180's conventions in food-safety plans of towns and counties: a section headed by the duties it holds
(`二、工作职责`) over unnumbered `单位:负责…` lines, one clause a line; a village committee named with its bracket
inside (`各村(社区居)委会`); a list of units whose names a page redacted with asterisks (`****体育局`), no lead mark;
a lead forming a joint body of the units taking part (`A牵头,组成由各相关成员单位参加的联合检查组`). Written from the
conventions in wordings the round's documents do not use, with near cases that must read otherwise."""

from policy_tasks.parsing import parse_bytes


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


def _read(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, t.lead_units, t.co_units) for t in _parse(text).tasks]


_PREAMBLE = (
    "为做好国庆期间食品安全保障工作,决定在全镇开展专项检查。\n一、检查重点\n以农贸市场、学校食堂、小餐饮为重点。\n"
)


def test_duty_lines_under_a_heading_naming_the_duties_are_clauses() -> None:
    text = (
        _PREAMBLE + "二、职责分工\n"
        "镇市场监管所:负责餐饮服务环节的监督检查。\n"
        "各村(社区居)委会:负责本辖区的排查和宣传。\n"
        "畜牧站:负责畜禽产品质量安全检查。\n"
    )
    assert _read(text) == [
        ("二-1", ["镇市场监管所"], []),
        ("二-2", ["各村(社区居)委会"], []),
        ("二-3", ["畜牧站"], []),
    ]


def test_duty_lines_under_another_heading_stay_one_section() -> None:
    # A heading that names no duties (`工作措施`) is no lead-in: the section is not cut at its lines.
    text = _PREAMBLE + "二、工作措施\n镇市场监管所:负责餐饮服务环节的监督检查。\n畜牧站:负责畜禽产品质量安全检查。\n"
    assert [label for label, _, _ in _read(text)][-1] == "二"


def test_one_duty_line_under_a_duty_heading_is_no_division() -> None:
    text = _PREAMBLE + "二、工作职责\n镇市场监管所:负责餐饮服务环节的监督检查。\n加强值班值守,及时报送信息。\n"
    assert [label for label, _, _ in _read(text)][-1] == "二"


_TABLE = (
    "2024年某县食品安全重点工作任务清单\n"
    "| 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限 |\n"
    "| 一、强化监管 | (一)校园食品安全 | 1.深化校园餐问题专项整治。 | {units} | 2024年10月底前 |\n"
    "| 2.落实学校相关负责人陪餐制度。 | 县卫生健康局 | 2024年10月底前 | ||\n"
)


def test_redacted_names_are_no_lead_marks() -> None:
    text = _TABLE.format(units="****体育局、县**局、****监管局、县财政局按职责分工负责")
    first = _parse(text).tasks[0]
    assert first.lead_units == ["体育局"]
    assert first.co_units == ["县**局", "监管局", "县财政局"]


def test_a_single_star_still_marks_the_lead() -> None:
    text = _TABLE.format(units="县教育局、*县市场监管局、县财政局")
    first = _parse(text).tasks[0]
    assert first.lead_units == ["县市场监管局"]
    assert first.co_units == ["县教育局", "县财政局"]


_MEASURES = (
    "乡政府关于加强食品安全工作的安排意见\n一、监管重点\n以学校食堂、农贸市场为重点监督对象。\n二、主要措施\n"
    "(一)加大宣传:利用板报、横幅宣传食品安全知识,乡文化站负责组织。\n"
)


def test_units_taking_part_in_the_joint_body_the_lead_forms_help() -> None:
    text = _MEASURES + "(二)联合执法:乡综治办牵头,组成由派出所、市场监管所参加的联合执法队,开展集中整治。\n"
    assert _read(text)[-1] == ("(二)", ["乡综治办"], ["派出所", "市场监管所"])
    text = _MEASURES + "(二)集中整治:乡安监站牵头,组成由各成员单位参与的督查组,对重点场所开展检查。\n"
    assert _read(text)[-1] == ("(二)", ["乡安监站"], ["各成员单位"])


def test_a_joint_body_with_no_members_or_persons_names_no_helper() -> None:
    text = _MEASURES + "(二)集中整治:乡综治办牵头,组成联合检查组,开展集中整治。\n"
    assert _read(text)[-1] == ("(二)", ["乡综治办"], [])
    text = _MEASURES + "(二)集中整治:乡综治办牵头,组成由分管领导参加的督查组,开展集中整治。\n"
    assert _read(text)[-1] == ("(二)", ["乡综治办"], [])


def test_a_copy_running_the_duty_title_into_its_first_line_reads_the_same() -> None:
    text = (
        _PREAMBLE + "二、职责分工镇市场监管所:负责餐饮服务环节的监督检查。各村(社区居)委会:负责本辖区的排查和宣传。"
        "畜牧站:负责畜禽产品质量安全检查。\n"
    )
    assert _read(text) == [
        ("二-1", ["镇市场监管所"], []),
        ("二-2", ["各村(社区居)委会"], []),
        ("二-3", ["畜牧站"], []),
    ]
