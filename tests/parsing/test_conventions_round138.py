"""Round 138's conventions: a sharing site's preview pages stored apart, a blank line between a page cut inside a
bracket and the next page's counter (`…(县经贸局负责,县农业局` / `` / `2、、公安局、工商局配合)`); and a section set
out as fields (`(一)承办单位。A。` `(二)协办单位:B、C` `(三)治理目标。…` `(四)主要措施:` over measures naming their
own units), whose unit fields frame the section and are no clauses."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.preview_pages import rejoin_preview_pages


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2020, assume_year=2026)


def _lines(*texts: str) -> list[tuple[str, bool]]:
    return [(t, True) for t in texts]


_LONG = "加强生猪定点屠宰管理,提出加强私宰肉监管的措施与办法,构建杜绝私宰肉上市的有效管理机制," * 5


# --- preview pages with a blank line between them ----------------------------------------------------------------


def test_a_blank_line_between_preview_pages_goes_with_the_counter() -> None:
    page1 = "1、" + _LONG + "依法打击私屠滥宰行为。(县经贸局负责,县农业局"
    page2 = "2、、公安局、工商局配合)2.抓好屠宰厂清理整顿。(县经贸局负责)"
    assert rejoin_preview_pages(_lines("标题", page1, "", page2)) == _lines("标题", page1[2:] + page2[2:])
    # Two blank lines, and a third page the same way.
    page3 = "3、整顿。(县工商局负责)"
    page2_cut = "2、" + _LONG + "抓好屠宰厂清理"
    assert rejoin_preview_pages(_lines(page1, "", "", page2_cut, "", page3)) == _lines(
        page1[2:] + page2_cut[2:] + page3[2:]
    )


def test_blank_lines_between_items_that_end_their_sentences_are_kept() -> None:
    # Short numbered lines, and a long item that ends its sentence: items, blank line or not.
    short = _lines("1、总体要求", "", "2、工作措施")
    assert rejoin_preview_pages(short) == short
    whole = _lines("1、" + _LONG + "依法打击私屠滥宰行为。", "", "2、抓好屠宰厂清理整顿。")
    assert rejoin_preview_pages(whole) == whole
    # A counter that is not the next one (`3、` after page 1) is no page of the preview.
    skipped = _lines("1、" + _LONG + "依法打击", "", "3、私屠滥宰行为。")
    assert rejoin_preview_pages(skipped) == skipped


def test_a_preview_cut_inside_a_bracket_keeps_every_co_unit() -> None:
    text = (
        "《某县治理餐桌污染工作方案》由会员分享,可在线阅读\n\n"
        "1、某县治理餐桌污染工作方案\n一、治理畜牧业产品污染\n(一)主要措施:\n1." + _LONG + "依法打击私屠滥宰行为。"
        "(县经贸局负责,县农业局\n\n2、、县公安局、县工商局配合)\n2.抓好屠宰厂清理整顿。(县经贸局负责)\n"
    )
    tasks = _parse(text).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (["县经贸局"], ["县农业局", "县公安局", "县工商局"]),
        (["县经贸局"], []),
    ]


# --- a section set out as fields ---------------------------------------------------------------------------------

FIELDS = (
    "某县治理餐桌污染工作方案\n"
    "一、治理畜牧业产品污染\n"
    "(一)承办单位。县经贸局。\n"
    "(二)协办单位:县农业局、县卫生局、县工商局。\n"
    "(三)治理目标。猪肉卫生指标合格率达到90%以上。\n"
    "(四)主要措施:\n"
    "1.加强生猪定点屠宰管理,依法打击私屠滥宰行为。(县经贸局负责,县农业局、县公安局配合)\n"
    "2.抓好屠宰厂清理整顿。(县经贸局负责)\n"
    "二、治理蔬菜污染\n"
    "(一){lead}\n"
    "(二){co}\n"
    "(三)主要措施:\n"
    "1.推行无公害蔬菜生产,严禁使用高毒农药。(县农业局负责,县工商局配合)\n"
    "2.加强蔬菜批发市场检测。(县工商局负责)\n"
)


def test_unit_fields_beside_charged_measures_are_no_clauses() -> None:
    for lead, co in [
        ("承办单位。县农业局。", "协办单位:县工商局。"),
        ("牵头单位:县农业局", "配合单位:县工商局、县卫生局"),
    ]:
        tasks = _parse(FIELDS.format(lead=lead, co=co)).tasks
        assert [t.text[:6] for t in tasks] == ["加强生猪定点", "抓好屠宰厂清", "推行无公害蔬", "加强蔬菜批发"]
        # Each measure keeps its own bracket's units; the section's 协办单位 are not carried onto it.
        assert [(t.lead_units, t.co_units) for t in tasks] == [
            (["县经贸局"], ["县农业局", "县公安局"]),
            (["县经贸局"], []),
            (["县农业局"], ["县工商局"]),
            (["县工商局"], []),
        ]


def test_unit_fields_stay_where_no_measure_names_units() -> None:
    # Measures naming no unit: the fields are the only units the section names, and stay as read before.
    text = (
        "某县治理餐桌污染工作方案\n一、治理畜牧业产品污染\n(一)牵头单位:县经贸局。\n(二)配合单位:县农业局、县工商局。\n"
        "(三)主要措施:\n1.加强生猪定点屠宰管理。\n2.抓好屠宰厂清理整顿。\n"
        "二、治理蔬菜污染\n(一)牵头单位:县农业局。\n(二)配合单位:县工商局。\n(三)主要措施:\n1.推行无公害蔬菜生产。\n"
    )
    tasks = _parse(text).tasks
    assert any(t.co_units == ["县农业局", "县工商局"] for t in tasks)


def test_a_field_that_does_work_is_no_bare_field() -> None:
    text = FIELDS.format(lead="承办单位。县农业局。", co="协办单位县工商局要配合做好农药市场检查。")
    tasks = _parse(text).tasks
    assert any(t.text.startswith("协办单位县工商局要配合") for t in tasks)


# --- a counter no text opens with ----------------------------------------------------------------------------------


def test_a_counter_before_a_list_mark_is_the_sites_wherever_it_stands() -> None:
    # The run of counters lost (a PDF's reader parted page 1 at a heading): `2、、` still goes on the line before.
    lines = _lines(
        "1、某县方案", "一、治理(一)主要措施:1.加强管理。(县经贸局负责,县农业局", "2、、县公安局配合)2.抓好整顿。"
    )
    assert rejoin_preview_pages(lines)[-1] == (
        "一、治理(一)主要措施:1.加强管理。(县经贸局负责,县农业局、县公安局配合)2.抓好整顿。",
        True,
    )
    # A copy with no breaks: the counter ran into the bracket is taken out.
    run_in = _lines("1.加强管理。(县经贸局负责,县农业局2、、县公安局配合)2.抓好整顿。")
    assert rejoin_preview_pages(run_in) == _lines("1.加强管理。(县经贸局负责,县农业局、县公安局配合)2.抓好整顿。")
    # Joined with a space where the break was.
    spaced = _lines("1.加强管理。(县经贸局负责,县农业局 2、、县公安局配合) 2.抓好整顿。")
    assert rejoin_preview_pages(spaced) == _lines("1.加强管理。(县经贸局负责,县农业局、县公安局配合) 2.抓好整顿。")


def test_counters_before_text_are_left_to_the_pages_rule() -> None:
    # `2、抓好…` after a short line: an item; `第1、2、3项`, `(1、2、3)`: numbers in a sentence, not after a mark.
    kept = _lines("1、加强管理。", "2、抓好整顿。", "完成第1、2、3项任务(见附表1、2)。")
    assert rejoin_preview_pages(kept) == kept


def test_a_page_a_reader_parted_is_one_page_again_before_a_cut_counter() -> None:
    # An OFD or PDF reader broke the site's page 1 at an item inside it (`(三)`, `1.`): the lines from `1、` on are
    # the one page, its counter taken out, and `2、、` goes on it.
    parted = _lines(
        "资源描述",
        "1、某县方案一、治理污染(一)承办单位。县经贸局。(二)协办单位:县农业局、公安局。",
        "(三)治理目标。合格率达到90以上。(四)主要措施:1.加强管理。(县经贸局负责,县农业局",
        "2、、县公安局配合)2.抓好整顿。",
    )
    assert rejoin_preview_pages(parted) == _lines(
        "资源描述",
        "某县方案一、治理污染(一)承办单位。县经贸局。(二)协办单位:县农业局、公安局。"
        "(三)治理目标。合格率达到90以上。(四)主要措施:1.加强管理。(县经贸局负责,县农业局、县公安局配合)2.抓好整顿。",
    )
    # Near case: a counter out of sequence (`3、` before `2、、`) opens no page the cut counter goes on.
    out_of_run = _lines("3、某县方案,加强管理。", "(一)加强管理。(县经贸局负责,县农业局", "2、、县公安局配合)")
    assert rejoin_preview_pages(out_of_run) == _lines(
        "3、某县方案,加强管理。", "(一)加强管理。(县经贸局负责,县农业局、县公安局配合)"
    )
