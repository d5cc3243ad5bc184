"""Probes of the outline and what surrounds the items (session 17, helper pout), on invented documents.

Each fixed variant of the genre is stated here, with cases that must stay as they are."""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes, parse_document


def _read(text: str) -> list[tuple[str, list[str], list[str], list[str]]]:
    found = []
    for parsed in (parse_document(text, assume_year=2026), parse_bytes(text.encode(), filename="x.txt")):
        found.append(
            [
                (
                    t.label,
                    t.lead_units,
                    t.co_units,
                    sorted({m.due_date.isoformat() for m in t.milestones if m.due_date and m.time_expression}),
                )
                for t in parsed.tasks
            ]
        )
    assert found[0] == found[1]
    return found[0]


# --- a measure's points closed by one assignment (clause_points) --------------------------------


def test_points_in_one_paragraph_closed_by_the_bracket_are_one_clause() -> None:
    text = """某县2026年农村人居环境整治工作方案
一、重点任务
(一)推进农村厕所革命。(1)完成户厕改造500户;(2)建设公共厕所10座。(责任单位:县农业农村局、县卫健局,10月底前完成)
(二)治理农村生活污水。(1)建成污水处理设施8处;(2)完善运维机制。(责任单位:县生态环境分局,年底前完成)
"""
    assert _read(text) == [
        ("(一)", ["县农业农村局"], ["县卫健局"], ["2026-10-31"]),
        ("(二)", ["县生态环境分局"], [], ["2026-12-31"]),
    ]


def test_circled_points_inline_are_the_items_text() -> None:
    text = """某县2026年民生实事工作方案
一、新建城区学校。①新建小学1所;②扩建初中1所。(牵头单位:县教育局;配合单位:县住建局;完成时限:2026年9月)
二、改造老旧小区。①改造小区20个;②加装电梯10部。(牵头单位:县住建局;配合单位:县财政局;完成时限:2026年11月底前)
"""
    assert _read(text) == [
        ("一", ["县教育局"], ["县住建局"], ["2026-09-30"]),
        ("二", ["县住建局"], ["县财政局"], ["2026-11-30"]),
    ]


def test_points_on_lines_of_their_own_before_the_label_lines() -> None:
    text = """某县2026年教育提质工作方案
1.实施校舍改造工程。
①改造校舍2万平方米;
②新建运动场3个。
责任单位:县教育局
完成时限:2026年8月底前
2.加强教师队伍建设。
①招聘教师100名;
②开展全员培训。
责任单位:县教育局、县人社局
完成时限:2026年12月底前
"""
    assert _read(text) == [
        ("1", ["县教育局"], [], ["2026-08-31"]),
        ("2", ["县教育局"], ["县人社局"], ["2026-12-31"]),
    ]


def test_points_that_name_their_own_units_stay_clauses() -> None:
    text = """某县2026年招商引资工作方案
一、重点任务
(一)开展产业链招商
(1)引进新能源项目5个,9月底前签约。(责任单位:县发改局)
(2)引进新材料项目3个。(责任单位:县工信局)
(二)优化招商服务
(1)建立项目全程代办机制;
(2)推行容缺受理。(责任单位:县政务服务中心)
"""
    labels = [(label, lead) for label, lead, _, _ in _read(text)]
    # `(1)` numbers clauses here: (二)'s `;` run is two clauses sharing the units that close it.
    assert labels == [
        ("(一)(1)", ["县发改局"]),
        ("(一)(2)", ["县工信局"]),
        ("(二)(1)", ["县政务服务中心"]),
        ("(二)(2)", ["县政务服务中心"]),
    ]


def test_semicolon_run_of_measures_still_shares_the_closing_units() -> None:
    # `1.` measures (no points): a `;` item shares the units of the item that closes the run.
    text = """某县2026年重点项目推进方案
一、县城综合体项目
1.完成征地拆迁,3月底前完成。(责任单位:县自然资源局)
2.基坑开挖,6月30日前完工;
3.主体封顶,10月底前完成。责任单位:县住建局
"""
    assert [(label, lead) for label, lead, _, _ in _read(text)] == [
        ("1", ["县自然资源局"]),
        ("2", ["县住建局"]),
        ("3", ["县住建局"]),
    ]


# --- the covering notice and its annexes (Node.part) --------------------------------------------


_NOTICE = """某县人民政府办公室关于印发某县2026年河湖长制工作要点的通知
各乡镇人民政府,县直各单位:
现将《某县2026年河湖长制工作要点》印发给你们,并提出以下要求:
一、提高思想认识。各单位要充分认识河湖长制工作的重要性。
二、强化督查考核。各单位要加强督查,确保工作落实。
某县人民政府办公室
2026年3月1日
{annex}某县2026年河湖长制工作要点
一、开展河湖“清四乱”,6月底前完成。(责任单位:县水利局)
二、推进河道生态修复。(责任单位:县水利局、县生态环境分局)
三、完善河长巡河制度。
"""


def test_notice_requirements_are_no_clauses_beside_the_annexed_plan() -> None:
    for annex in ("", "附件\n"):
        tasks = _read(_NOTICE.format(annex=annex))
        assert [(label, lead, co) for label, lead, co, _ in tasks] == [
            ("一", ["县水利局"], []),
            ("二", ["县水利局"], ["县生态环境分局"]),
            ("三", [], []),  # the plan's own silent item beside its clauses forgot its units
        ]


def test_a_plan_after_the_notices_signature_starts_afresh() -> None:
    # `(一)` after the signature is the plan's first item, not a sub-item of the notice's 二.
    text = """某县人民政府办公室关于印发某县2026年重点任务清单的通知
一、高度重视。各单位要高度重视。
二、抓好落实。各单位要抓好落实。
某县人民政府办公室
2026年3月1日
某县2026年重点任务清单
(一)完成固定资产投资50亿元,年底前完成。(责任单位:县发改局)
(二)新增城镇就业2000人。(责任单位:县人社局、县就业服务中心)
"""
    assert [(label, lead) for label, lead, _, _ in _read(text)] == [("(一)", ["县发改局"]), ("(二)", ["县人社局"])]


def test_silent_items_of_a_plan_without_a_notice_still_forgot_their_units() -> None:
    text = """某县2026年河湖长制工作要点
一、开展河湖“清四乱”,6月底前完成。(责任单位:县水利局)
二、推进河道生态修复。(责任单位:县水利局、县生态环境分局)
三、完善河长巡河制度。
"""
    assert [label for label, _, _, _ in _read(text)] == ["一", "二", "三"]


# --- an annex listing contacts ------------------------------------------------------------------


def test_contact_list_annex_holds_no_items() -> None:
    text = """某县人民政府办公室关于印发某县2026年营商环境提升行动方案的通知
附件1:某县2026年营商环境提升行动方案
1.推进企业开办一日办结,6月底前实现。(责任单位:县市场监管局)
2.推进不动产登记便利化。(责任单位:县自然资源局、县税务局)
附件2:各单位联络员名单
1.县市场监管局 张三 13800000000
2.县自然资源局 李四 13900000000
附件3:某县2026年政务服务提升清单
1.推行告知承诺制,9月底前完成。(责任单位:县政务服务中心)
"""
    assert [(lead, dates) for _, lead, _, dates in _read(text)] == [
        (["县市场监管局"], ["2026-06-30"]),
        (["县自然资源局"], []),
        (["县政务服务中心"], ["2026-09-30"]),
    ]


def test_contact_list_after_a_bare_annex_line() -> None:
    text = """某县2026年营商环境提升行动方案
1.推进企业开办一日办结,6月底前实现。(责任单位:县市场监管局)
2.推进不动产登记便利化。(责任单位:县自然资源局、县税务局)
附件
联络员名单
1.县市场监管局 张三 13800000000
2.县自然资源局 李四 13900000000
"""
    assert [label for label, _, _, _ in _read(text)] == ["1", "2"]


# --- a page's number on a line of its own (page_marks.is_page_number_line) -----------------------


def test_page_number_between_a_clauses_field_lines() -> None:
    for folio in ("第2页 共5页", "— 2 —", "-2-"):
        text = f"""某县2026年乡村振兴重点任务清单
1.推进高标准农田建设,新建高标准农田2万亩。
责任单位:县农业农村局
{folio}
配合单位:县财政局
完成时限:2026年10月底前
2.发展特色产业,9月底前建成示范基地3个。(责任单位:县农业农村局)
{folio.replace("2", "3")}
完成时限:2026年9月底前
"""
        assert _read(text) == [
            ("1", ["县农业农村局"], ["县财政局"], ["2026-10-31"]),
            ("2", ["县农业农村局"], [], ["2026-09-30"]),
        ]


def test_page_number_inside_a_sentence_keeps_the_paragraph_whole() -> None:
    text = """某县2026年乡村振兴重点任务清单
1.推进高标准农田建设。年内新建高标准农田2万亩,完成
- 2 -

验收工作。(责任单位:县农业农村局;配合单位:县财政局)
2.发展特色产业,9月底前建成示范基地3个。(责任单位:县农业农村局)
"""
    assert _read(text)[0][:3] == ("1", ["县农业农村局"], ["县财政局"])


def test_a_figure_alone_on_its_line_is_no_page_number() -> None:
    # Bare digits may be a paragraph's last figure: the line stays the item's.
    text = """某县2026年乡村振兴重点任务清单
1.新建高标准农田面积(万亩):
2
(责任单位:县农业农村局)
2.发展特色产业。(责任单位:县林业局)
"""
    assert [lead for _, lead, _, _ in _read(text)] == [["县农业农村局"], ["县林业局"]]


def test_no_text_page_note_before_the_signature() -> None:
    text = """某县2026年为民办实事项目
一、新建城区幼儿园2所,8月底前投入使用。(责任单位:县教育局)
二、改造城区供水管网30公里。
(此页无正文)
某县人民政府办公室
2026年3月2日
"""
    assert _read(text) == [("一", ["县教育局"], [], ["2026-08-31"]), ("二", [], [], [])]


# --- the file's end: 落款 after a bracket, 版记 (抄送, 印发) -----------------------------------------


def test_imprint_lines_are_no_items_text() -> None:
    text = """某县人民政府办公室关于印发某县2026年为民办实事项目的通知
一、新建城区幼儿园2所,8月底前投入使用。(责任单位:县教育局)
二、改造城区供水管网30公里。
抄送:县委办,县人大办,县政协办。
某县人民政府办公室 2026年3月2日印发
(共印50份)
"""
    assert _read(text) == [("一", ["县教育局"], [], ["2026-08-31"]), ("二", [], [], [])]


def test_a_sentence_that_says_when_a_plan_was_issued_stays_text() -> None:
    text = """某县2026年重点工作任务
一、落实省级方案,该方案已于2026年3月2日印发
(责任单位:县发改局)
二、改造城区供水管网30公里。(责任单位:县住建局)
"""
    assert [lead for _, lead, _, _ in _read(text)] == [["县发改局"], ["县住建局"]]


def test_signature_after_a_clause_closed_by_its_bracket() -> None:
    for closing in ("(责任单位:县住建局)", "(责任单位:县住建局)\n(联系人:王五,联系电话:0000-1234567)"):
        text = f"""某县2026年为民办实事项目
一、新建城区幼儿园2所,8月底前投入使用。(责任单位:县教育局)
二、改造城区供水管网30公里{closing}
某县人民政府办公室
2026年3月2日
"""
        assert _read(text) == [("一", ["县教育局"], [], ["2026-08-31"]), ("二", ["县住建局"], [], [])]


# --- a heading naming the leaders in charge (leader_headings) -----------------------------------


def test_heading_bracket_naming_leaders_leads_the_clauses_below() -> None:
    text = """某县2026年重点工作任务分解
一、工业经济(牵头领导:张三副县长)
1.新增规上企业10家。(责任单位:县工信局)
2.推进园区扩区,9月底前完成。(责任单位:县工业园区管委会、县自然资源局)
二、农业农村(分管领导:李四)
1.新建高标准农田2万亩。(责任单位:县农业农村局;责任领导:王五)
"""
    parsed = parse_document(text, assume_year=2026)
    assert [t.leaders for t in parsed.tasks] == [["张三副县长"], ["张三副县长"], ["王五"]]


# --- a heading naming the lead over items naming only their helpers (carried_units) -------------


def test_heading_lead_over_items_naming_co_units_only() -> None:
    for heading in ("县发改局牵头", "县发改局牵头的工作"):
        text = f"""某县2026年重点工作任务分解
一、{heading}
1.争取中央预算内投资5亿元。(配合单位:县财政局)
2.推进重大项目建设。(配合单位:县住建局、县自然资源局)
3.推进以工代赈项目。(责任单位:县乡村振兴局)
二、{heading.replace("县发改局", "县财政局")}
1.完成一般公共预算收入10亿元。(配合单位:县税务局)
"""
        assert [(lead, co) for _, lead, co, _ in _read(text)] == [
            (["县发改局"], ["县财政局"]),
            (["县发改局"], ["县住建局", "县自然资源局"]),
            (["县乡村振兴局"], []),  # an item naming its own lead keeps it
            (["县财政局"], ["县税务局"]),
        ]


def test_heading_bracket_lead_over_items_naming_co_units_only() -> None:
    text = """某县2026年重点工作任务分解
一、经济发展(县发改局牵头)
1.争取中央预算内投资5亿元。(配合单位:县财政局)
2.推进重大项目建设。(责任单位:县住建局)
二、社会事业(县教育局牵头)
1.新建幼儿园3所。(配合单位:县住建局)
"""
    assert [(lead, co) for _, lead, co, _ in _read(text)] == [
        (["县发改局"], ["县财政局"]),
        (["县住建局"], []),
        (["县教育局"], ["县住建局"]),
    ]


def test_a_heading_of_work_names_no_lead() -> None:
    text = """某县2026年重点工作任务分解
一、督查考核由县纪委负责
1.开展专项督查。(配合单位:县政府督查室)
2.开展年度考核。(责任单位:县考核办)
"""
    assert [(lead, co) for _, lead, co, _ in _read(text)] == [([], ["县政府督查室"]), (["县考核办"], [])]


# --- a salutation never goes on from the title above it (sources.unwrap) -------------------------


def test_salutation_is_no_wrapped_line_of_the_title() -> None:
    from policy_tasks.parsing.sources.unwrap import unwrap

    lines = [
        "某县人民政府办公室关于印发某县2026年河湖长制工作要点的通知",
        "各乡镇人民政府,县直各单位:",
        "现将《某县2026年河湖长制工作要点》印发给你们,并提出以下要求:",
        "一、提高思想认识。各单位要充分认识河湖长制工作的重要性。",
        "二、强化督查考核。县河长办要加强督查,确保各项工作落到实处",
        "见到成效。",
        "某县人民政府办公室",
        "2026年3月1日",
        "一、开展河湖“清四乱”,6月底前完成。(责任单位:县水利局)",
        "二、推进河道生态修复。(责任单位:县水利局、县生态环境分局)",
    ]
    out = unwrap(lines)
    assert out[:2] == lines[:2]
    assert "二、强化督查考核。县河长办要加强督查,确保各项工作落到实处见到成效。" in out


# --- notes under a list (说明:, 备注:, 填报说明:) -------------------------------------------------


def test_numbered_notes_under_a_list_are_no_items() -> None:
    for heading, number in (("填报说明:", "1."), ("备注:", "1."), ("说明", "(1)")):
        text = f"""某县2026年重点任务清单
一、完成固定资产投资50亿元,年底前完成。(责任单位:县发改局)
二、新增城镇就业2000人。(责任单位:县人社局、县就业服务中心)
三、新建幼儿园3所,9月底前完成。(责任单位:县教育局)
{heading}
{number}请各单位于每月5日前报送工作进展情况。
{number.replace("1", "2")}报送材料需经单位主要负责人审核签字。
"""
        assert _read(text) == [
            ("一", ["县发改局"], [], ["2026-12-31"]),
            ("二", ["县人社局"], ["县就业服务中心"], []),
            ("三", ["县教育局"], [], ["2026-09-30"]),
        ]


def test_a_section_titled_with_notes_words_is_still_read() -> None:
    # `三、有关说明` is a numbered section of the plan, no notes heading.
    text = """某县2026年重点任务清单
一、完成固定资产投资50亿元,年底前完成。(责任单位:县发改局)
二、新增城镇就业2000人。(责任单位:县人社局)
三、有关说明
(一)本清单任务由县督查室跟踪督办。(责任单位:县政府督查室)
"""
    assert [lead for _, lead, _, _ in _read(text)] == [["县发改局"], ["县人社局"], ["县政府督查室"]]


# --- the section that backs the plan up (保障措施, 工作要求) ----------------------------------------


_BACKED = """某县2026年森林防火工作方案
一、总体要求
(一)指导思想。坚持预防为主、积极消灭的方针。
(二)工作目标。全年森林火灾受害率控制在0.9‰以内。
二、重点任务
(一)开展火源管控,3月底前完成野外用火排查。(牵头单位:县林业局;配合单位:县公安局)
(二)加强扑火队伍建设。(责任单位:县应急管理局、各乡镇人民政府)
(三)完善防火基础设施,11月底前建成瞭望塔5座。(责任单位:县林业局)
三、{heading}
(一)加强组织领导。各乡镇要切实履行属地责任。
(二)强化督查考核。县政府督查室要加强督查。
(三)严格责任追究。{bracket}
"""


def test_backing_section_asking_offices_in_prose_holds_no_clauses() -> None:
    for heading in ("保障措施", "工作要求"):
        tasks = _read(_BACKED.format(heading=heading, bracket=""))
        assert [lead for _, lead, _, _ in tasks] == [["县林业局"], ["县应急管理局"], ["县林业局"]]


def test_backing_section_item_with_a_bracket_is_a_clause() -> None:
    tasks = _read(_BACKED.format(heading="保障措施", bracket="(责任单位:县纪委监委)"))
    assert [lead for _, lead, _, _ in tasks][-1] == ["县纪委监委"]


def test_items_opening_with_their_unit_outside_a_backing_section_stay_clauses() -> None:
    text = """某县2026年食品安全整治工作方案
一、县市场监管局要开展食品生产企业全覆盖检查,6月底前完成。
二、县农业农村局要加强农产品质量安全监管。
三、加强宣传引导,营造良好氛围。
"""
    tasks = _read(text)
    assert [lead for _, lead, _, _ in tasks] == [["县市场监管局"], ["县农业农村局"], []]


def test_issuing_notices_requirements_charge_no_measure_beside_the_annexed_plan() -> None:
    text = _NOTICE.format(annex="附件\n").replace("各单位要加强督查", "县河长办要加强督查")
    assert [lead for _, lead, _, _ in _read(text)] == [["县水利局"], ["县水利局"], []]


def test_a_notice_that_is_the_plan_keeps_its_charges_beside_its_annexed_list() -> None:
    text = """某县人民政府办公室关于做好2026年防汛工作的通知
各乡镇人民政府,县直各单位:
一、县水利局要在4月底前完成水库安全鉴定。
二、县应急管理局要储备防汛物资。
附件
某县2026年防汛重点项目清单
1.完成水库除险加固3座,5月底前完成。(责任单位:县水利局)
2.建设应急避难场所2处。(责任单位:县应急管理局)
"""
    assert [lead for _, lead, _, _ in _read(text)] == [["县水利局"], ["县应急管理局"], ["县水利局"], ["县应急管理局"]]


def test_annex_names_listed_under_a_bare_annex_line_are_no_clauses() -> None:
    # `附件:` on its own line, the attachments' names numbered below it: a part of their own, silent.
    text = """某县人民政府关于印发两个方案的通知
各乡镇人民政府,县直各单位:
一、推进项目建设,年底前开工10个。(责任单位:县发改局)
二、加强招商引资。(责任单位:县商务局、县投资促进中心)
附件:
1.某县2026年重点项目清单
2.某县2026年招商引资项目清单
某县人民政府
2026年3月1日
"""
    assert [label for label, _, _, _ in _read(text)] == ["一", "二"]
