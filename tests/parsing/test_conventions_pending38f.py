"""A copy's spacing never changes the tasks: the blank lines a document wrote survive a double-spaced copy (session 38,
pass F).

Written from the convention, not copied from the document that showed it:

- a copy that puts an empty line after every line puts one after each of the document's own blank lines too, so a
  blank line that parted two paragraphs comes out as three (`copy_spacing._halved`). The copy's share goes, the
  document's blank line stays, and the readers that take it as the end of an item (`outline_lines._continues`) read
  the copy as the document: a paragraph set apart after an item's charge (`需调整承办单位的,请在10个工作日内向…提出`,
  a rule for asking, read apart from the item) stays apart. Near cases: paragraphs written close together (the copy
  reads them close together too), a document that was itself set a paragraph a `<p>` and copied again (halved twice,
  down to its lines), a run of two blank lines (one of them the document's);
- a 落款 a blank line sets apart from the last item (`notice_closes.signer_line`) still ends the items: the date under
  it is the date of writing, no text of the item.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.copy_spacing import spoken_lines

_HEAD = ["关于做好年度建议提案办理工作的通知", "各有关单位:", "为做好今年建议提案办理工作,现就有关事项通知如下。"]
_CHARGE = "一、明确责任,按时办结"
_DUTY = "各承办单位要把建议提案办理工作列入重要议事日程,严格落实办理责任,完善工作台账。"
_ASKING = "建议提案由市政府办公室统一交办。需调整承办单位的,请在10个工作日内向市政府办公室提出调整意见,逾期不再调整。"
_SECOND = ["二、加强沟通,提高质量", "各承办单位要加强与代表委员的沟通,于2026年9月30日前全部办结。"]


def _tasks(text: str):
    parsed = parse_document(text, assume_year=2026)
    return [(t.label, t.lead_units, [(m.due_date, m.kind) for m in t.milestones]) for t in parsed.tasks]


def _doubled(lines: list[str]) -> list[str]:
    return [line for text in lines for line in (text, "")]


def _paragraphs_apart() -> list[str]:
    lines: list[str] = []
    for text in [*_HEAD, _CHARGE, _DUTY, _ASKING, *_SECOND]:
        lines += [text, ""]
    return lines[:-1]


def test_a_paragraph_set_apart_after_an_items_charge_reads_the_same_in_a_double_spaced_copy():
    # The page's details close together over the notice (so it is no double-spaced copy), its paragraphs spaced.
    lines = [_HEAD[0], "发文字号 某政办函〔2026〕12号", "发布日期 2026-05-15", *_paragraphs_apart()[2:]]
    assert len(spoken_lines(lines)) == len(lines)
    plain = _tasks("\n".join(lines))
    assert plain[0][0] == "一" and plain[0][1] == ["各承办单位"]
    assert _tasks("\n".join(_doubled(lines))) == plain
    assert _tasks("\n".join(_doubled(_doubled(lines)))) == plain


def test_paragraphs_written_close_together_read_the_same_in_a_double_spaced_copy():
    lines = [*_HEAD, _CHARGE, _DUTY, _ASKING, *_SECOND]
    plain = _tasks("\n".join(lines))
    assert _tasks("\n".join(_doubled(lines))) == plain


def test_a_document_set_a_paragraph_a_line_apart_and_copied_again_is_halved_down_to_its_lines():
    lines = _paragraphs_apart()
    written = [i for i, line in enumerate(lines) if line]
    assert spoken_lines(lines) == written
    doubled = _doubled(lines)
    assert [doubled[i] for i in spoken_lines(doubled)] == [lines[i] for i in written]
    assert _tasks("\n".join(doubled)) == _tasks("\n".join(lines))


def test_a_double_spaced_copy_keeps_the_documents_own_blank_lines():
    lines = ["一、总体要求", "1. 甲。", "", "2. 乙。", "3. 丙。", "", "", "二、保障措施", "1. 丁。"]
    doubled = _doubled(lines)
    kept = [doubled[i] for i in spoken_lines(doubled)]
    # Runs of three and five blank lines: one and two of them the document's.
    assert kept == lines
    # Two blank lines in a row where the copy gave one: one is the document's.
    uneven = ["一、甲。", "", "二、乙。", "", "", "三、丙。", "", "四、丁。", ""]
    assert [uneven[i] for i in spoken_lines(uneven)] == ["一、甲。", "二、乙。", "", "三、丙。", "四、丁。"]


def test_a_signature_set_apart_by_a_blank_line_ends_the_items_in_a_double_spaced_copy():
    body = [*_HEAD, _CHARGE, _DUTY, *_SECOND]
    lines = [*body, "", "某市人民政府办公室", "2026年5月15日"]
    for text in ("\n".join(lines), "\n".join(_doubled(lines))):
        parsed = parse_document(text, assume_year=2026)
        assert str(parsed.issued_on) == "2026-05-15"
        assert all("2026年5月15日" not in t.text and "办公室\n" not in t.text for t in parsed.tasks)
