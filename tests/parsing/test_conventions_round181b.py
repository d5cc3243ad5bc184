"""Round 181's 政策解读 convention: under a section titled by the units that carry the plan out (`三、受理单位`), one
paragraph of sentences and `;` parts each opening with its units, the first giving its units' manner (`按照…要求,`)
and a part's `A会同B负责` naming B helping; the template's unit-less `1.依据` / `2.目标` lines are then no clauses.
Written from the convention in wordings the round's document does not use, with near cases that must read otherwise."""

from policy_tasks.parsing import parse_bytes

_HEAD = (
    "2023年某市农田水利建设工作方案政策解读\n"
    "一、制发依据和目标\n"
    "1.依据:农田水利是农业发展的基础。\n"
    "2.目标:全年新增高标准农田10万亩。\n"
    "二、关键词诠释\n"
    "高标准农田指土地平整、集中连片的耕地。\n"
)


def _read(text: str) -> list[tuple[str, list[str], list[str]]]:
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2023, assume_year=2026)
    return [(t.label, t.lead_units, t.co_units) for t in doc.tasks]


def test_units_paragraph_under_a_handling_units_section() -> None:
    text = _HEAD + (
        "三、受理单位\n"
        "市政府及各县、乡、镇按照农田建设属地管理要求,认真组织实施年度建设任务。市水利局、市财政局负责项目资金"
        "安排;市自然资源局负责耕地质量评价;市农技中心会同县、乡、镇负责技术指导和验收。联系电话:0000-1234567\n"
    )
    assert _read(text) == [
        ("三-1", ["市政府"], ["各县、乡、镇"]),
        ("三-2", ["市水利局"], ["市财政局"]),
        ("三-3", ["市自然资源局"], []),
        ("三-4", ["市农技中心"], ["县、乡、镇"]),
    ]


def test_the_same_paragraph_under_another_title_is_not_divided() -> None:
    text = _HEAD + (
        "三、主要内容\n"
        "市政府及各县、乡、镇按照农田建设属地管理要求,认真组织实施年度建设任务。市水利局、市财政局负责项目资金"
        "安排;市自然资源局负责耕地质量评价;市农技中心会同县、乡、镇负责技术指导和验收。\n"
    )
    assert "三-2" not in [label for label, _, _ in _read(text)]


def test_fewer_than_three_parts_opening_with_units_is_no_division() -> None:
    text = _HEAD + (
        "三、受理单位\n"
        "各地按照农田建设属地管理要求,认真组织实施年度建设任务。市水利局负责项目资金安排,做好技术指导和验收。\n"
    )
    assert "三-2" not in [label for label, _, _ in _read(text)]
