"""A task table numbered 一 二 三 right under a `(十)…` paragraph holds that heading's items."""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from tests.sources.builders import docx_with_table


def _docx(paragraphs: list[str], rows: list[list[str]]) -> bytes:
    return docx_with_table(paragraphs, rows)


def test_rows_numbered_in_chinese_are_the_heading_items_not_its_siblings():
    data = _docx(
        ["2025年城市品质提升任务分工", "(十)提升城市美誉度(牵头单位:市园林绿化局)"],
        [
            ["序号", "工作任务", "责任单位"],
            ["一", "开展城市花卉景观提升行动,打造特色街区。", "市农业农村局、市商务局"],
            ["二", "推进城市绿地建设,新增公园绿地。", "各县(市)区人民政府"],
        ],
    )
    parsed = parse_bytes(data, filename="plan.docx", year=2025)
    assert [t.title[:6] for t in parsed.tasks] == ["开展城市花卉", "推进城市绿地"]
    assert [t.lead_units for t in parsed.tasks] == [["市园林绿化局"], ["市园林绿化局"]]
    assert parsed.tasks[0].co_units == ["市农业农村局", "市商务局"]
