"""The import review as a supervisor uses it: correct units and milestones, map a new name, confirm.

The forms are read back from each page the way a browser would submit them (every field, a
checkbox only when ticked), so the tests exercise the page's own field names.
"""

from __future__ import annotations

import io
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import UnitAlias
from policy_tasks.models import AuditEvent, Milestone, PolicyDocument, Task
from policy_tasks.parsing import parse_document
from policy_tasks.parsing.corrections import clause_key, clause_name
from policy_tasks.services.imports import document_import
from policy_tasks.web import imports as import_views

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "kecheng-2023-16.txt"
SEED_NUMBER = "柯政发〔2023〕16号"
SMALL = """衢州市柯城区人民政府办公室关于印发柯城区2023年数字化改革攻坚行动方案的通知
发文字号: 柯政办发〔2023〕7号
成文日期: 2023-04-10
一、数字政府
1. 推进一网通办。6月底前实现高频事项全程网办。(责任单位:区财政局、区发展改革局)
2. 建设城市大脑。三季度完成一期建设。
3. 推进掌上办公。9月底前上线移动办公平台。(责任单位:区大数据局、区财政局)
以上措施除明确时限外,实施期限至2023年12月31日。
"""


class _Form(HTMLParser):
    """name -> value of what the review form would submit (without its buttons)."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name") and "disabled" not in a:
            if a.get("type") == "checkbox" and "checked" not in a:
                return
            self.fields[a["name"]] = a.get("value") or ""
        elif tag == "select":
            self._select = a.get("name")
            self.fields.setdefault(self._select, "")
        elif tag == "option" and self._select and "selected" in a:
            self.fields[self._select] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def form_of(page: str) -> dict[str, str]:
    form = page.split('id="confirm-form"', 1)[1]
    parser = _Form()
    parser.feed(form)
    return parser.fields


def map_field(fields: dict[str, str], name: str) -> str:
    """The select for a written unit name on the mapping table."""
    key = next(k for k, v in fields.items() if k.startswith("map_name_") and v == name)
    return "map_unit_" + key.removeprefix("map_name_")


@pytest.fixture
def w(world, today, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return world


@pytest.fixture
def seed_text():
    return SEED.read_text(encoding="utf-8")


def upload(client, text: str, name: str = "方案.txt"):
    return client.post("/import/", {"file": SimpleUploadedFile(name, text.encode())})


def milestone_index(text: str, clause: int, words: str) -> int:
    task = next(t for t in parse_document(text).tasks if t.number == clause)
    return next(j for j, m in enumerate(task.milestones) if words in m.text)


def written_counts():
    return (PolicyDocument.objects.count(), Task.objects.count(), Milestone.objects.count(), AuditEvent.objects.count())


def test_a_supervisor_corrects_the_seed_and_the_import_keeps_the_corrections(client, w, seed_text):
    client.force_login(w.supervisor)
    before = written_counts()
    response = upload(client, seed_text)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('class="review-task"') == 55
    assert "单位来源" in page and "保存修改并重新预览" in page
    fields = form_of(page)
    assert fields["c0_lead"] == "区发改局"
    assert fields["c0_co"] == "区文旅体局、区水利局、区农业农村局、区交通运输局"

    drop = milestone_index(seed_text, 1, "抽蓄项目10月底前开工")
    move = milestone_index(seed_text, 1, "灵鹫山赛训基地8月底前开工")
    assert fields[f"c0_m{move}_date"] == "2023-08-31"
    fields.update(
        {
            "c0_lead": "区水利局",
            "c0_co": "区发改局、区文旅体局、区农业农村局、区交通运输局、区教体局",
            f"c0_m{drop}_drop": "1",
            f"c0_m{move}_date": "2023-09-30",
            "c0_new_text": "11月底前完成项目竣工验收",
            "c0_new_date": "2023-11-30",
            "action": "preview",
        }
    )
    response = client.post("/import/confirm/", fields)
    page = response.content.decode()
    assert response.status_code == 200, page
    assert written_counts() == before
    fields = form_of(page)
    assert fields["c0_lead"] == "区水利局"
    assert fields["c0_co"] == "区发改局、区文旅体局、区农业农村局、区交通运输局、区教体局"
    assert fields[f"c0_m{drop}_drop"] == "1"
    assert fields[f"c0_m{move}_date"] == "2023-09-30"
    assert fields["c0_a0_text"] == "11月底前完成项目竣工验收" and fields["c0_a0_date"] == "2023-11-30"
    assert "原为 2023-08-31" in page and "已更正" in page and "人工修改" in page
    first = parse_document(seed_text).tasks[0]
    assert f"{clause_name(first)}:牵头单位改为区水利局" in page
    # The name the reviewer typed is new: it gets a row to map it to an existing unit.
    fields[map_field(fields, "区教体局")] = str(w.other_unit.pk)
    fields["action"] = "confirm"
    response = client.post("/import/confirm/", fields, follow=True)
    assert response.status_code == 200
    message = response.content.decode()
    assert "已导入 柯政发〔2023〕16号" in message and "核对时修改 2 处" in message
    assert f"{clause_name(first)}:牵头单位改为区水利局" in message and "区教体局 → 区教育局" in message

    task = Task.objects.get(document__doc_number=SEED_NUMBER, number=1)
    roles = {(tu.role, tu.unit.name) for tu in task.task_units.select_related("unit")}
    assert ("lead", "区水利局") in roles and ("co", "区发改局") in roles and ("co", "区教育局") in roles
    assert ("co", "区水利局") not in roles and ("lead", "区发改局") not in roles
    assert UnitAlias.objects.get(alias="区教体局").unit == w.other_unit
    milestones = {m.text: m.due_date for m in task.milestones.all()}
    assert not any("抽蓄项目10月底前开工" in text for text in milestones)
    assert next(d for t, d in milestones.items() if "灵鹫山赛训基地8月底前开工" in t) == date(2023, 9, 30)
    assert milestones["11月底前完成项目竣工验收"] == date(2023, 11, 30)
    # Every other clause is as parsed.
    assert (
        Task.objects.get(document__doc_number=SEED_NUMBER, number=2).task_units.get(role="lead").unit.name == "区发改局"
    )
    _corrections_kept(task.document, clause_key(first), w.other_unit.name)


def _corrections_kept(document, key: str, mapped_to: str) -> None:
    versions = getattr(document, "versions", None)
    if versions is None:  # the version model arrives with re-import by content
        return
    corrections = versions.order_by("-number").first().corrections
    assert corrections["clauses"][key]["lead_units"] == ["区水利局"]
    assert corrections["unit_mapping"] == {"区教体局": mapped_to}


def test_an_edit_taken_back_is_no_correction(client, w, seed_text):
    client.force_login(w.supervisor)
    fields = form_of(upload(client, seed_text).content.decode())
    original = {"c0_lead": fields["c0_lead"], "c0_co": fields["c0_co"]}
    page = client.post("/import/confirm/", {**fields, "c0_lead": "区水利局", "action": "preview"}).content.decode()
    assert "已做的修改" in page
    # 区水利局 now leads, so it is no longer offered as a co-unit as well.
    assert "区水利局" not in form_of(page)["c0_co"]
    fields = form_of(page)
    page = client.post("/import/confirm/", {**fields, **original, "action": "preview"}).content.decode()
    assert "已做的修改" not in page and form_of(page)["c0_lead"] == original["c0_lead"]


def test_clauses_left_out_of_the_form_keep_their_corrections(client, w, seed_text):
    """What the page's script posts: only the clauses the reviewer touched this round."""
    client.force_login(w.supervisor)
    fields = form_of(upload(client, seed_text).content.decode())
    page = client.post("/import/confirm/", {**fields, "c0_lead": "区水利局", "action": "preview"}).content.decode()
    payload = form_of(page)["payload"]
    page = client.post(
        "/import/confirm/", {"payload": payload, "c1_lead": "区财政局", "c1_co": "", "action": "preview"}
    ).content.decode()
    fields = form_of(page)
    assert fields["c0_lead"] == "区水利局" and fields["c1_lead"] == "区财政局"
    response = client.post("/import/confirm/", {"payload": fields["payload"]})
    assert response.status_code == 302
    leads = dict(
        Task.objects.filter(document__doc_number=SEED_NUMBER, number__in=[1, 2], task_units__role="lead").values_list(
            "number", "task_units__unit__name"
        )
    )
    assert leads == {1: "区水利局", 2: "区财政局"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"c0_new_text": "年底前完成验收", "c0_new_date": "2023-02-30"}, "不是有效日期"),
        ({"c0_lead": ""}, "的牵头单位不能为空"),
        ({"c0_new_text": "年底前完成验收", "c0_new_date": ""}, "须填写完成时限"),
    ],
)
@pytest.mark.parametrize("action", ["preview", "confirm"])
def test_a_correction_that_does_not_fit_is_shown_and_nothing_is_written(client, w, seed_text, change, message, action):
    client.force_login(w.supervisor)
    fields = form_of(upload(client, seed_text).content.decode())
    before = written_counts()
    response = client.post("/import/confirm/", {**fields, **change, "action": action})
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page and "修改未保存" in page
    assert written_counts() == before
    # The page still offers the last corrections that fitted, to fix and go on.
    assert form_of(page)["c0_lead"] == "区发改局"


def test_a_tampered_payload_is_refused(client, w, seed_text):
    client.force_login(w.supervisor)
    fields = form_of(upload(client, seed_text).content.decode())
    before = written_counts()
    value, signature = fields["payload"].rsplit(":", 1)
    for forged in (f"{value}:{signature[::-1]}", value[:-4] + "AAAA:" + signature, ""):
        response = client.post("/import/confirm/", {**fields, "payload": forged}, follow=True)
        assert "预览已过期或内容被改动" in response.content.decode()
    assert written_counts() == before


def test_a_clerk_may_not_review_or_import(client, w, seed_text):
    client.force_login(w.lead_head)
    assert client.get("/import/").status_code == 403
    assert upload(client, seed_text).status_code == 403
    client.force_login(w.supervisor)
    fields = form_of(upload(client, seed_text).content.decode())
    client.force_login(w.lead_clerk)
    assert client.post("/import/confirm/", fields).status_code == 403
    assert not PolicyDocument.objects.filter(doc_number=SEED_NUMBER).exists()


def test_unsure_clauses_and_document_warnings_are_marked(client, w, monkeypatch):
    real = import_views.document_preview

    def unsure_year(**kwargs):
        preview = real(**kwargs)
        preview.parsed.year_assumed = True
        return preview

    monkeypatch.setattr(import_views, "document_preview", unsure_year)
    client.force_login(w.supervisor)
    page = upload(client, SMALL).content.decode()
    assert "文件中没有写明年度" in page
    second = page.split('id="clause-1"', 1)[1]
    assert "待核对" in second and "未识别出牵头单位" in second
    first = page.split('id="clause-0"', 1)[1].split('id="clause-1"', 1)[0]
    assert "待核对" not in first and "单位来源" in first
    # Naming the lead unit is the correction that lets it through.
    fields = form_of(page)
    page = client.post("/import/confirm/", {**fields, "c1_lead": "区财政局", "action": "preview"}).content.decode()
    assert form_of(page)["c1_lead"] == "区财政局"


def test_a_word_file_travels_as_its_bytes(client, w):
    document = docx.Document()
    for line in SMALL.replace(
        "2. 建设城市大脑。三季度完成一期建设。", "2. 建设城市大脑。三季度完成一期建设。(责任单位:区财政局)"
    ).splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    client.force_login(w.supervisor)
    response = client.post("/import/", {"file": SimpleUploadedFile("方案.docx", buffer.getvalue())})
    assert response.status_code == 200, response.content.decode()
    fields = form_of(response.content.decode())
    response = client.post("/import/confirm/", {**fields, "action": "confirm"})
    assert response.status_code == 302
    task = Task.objects.get(document__doc_number="柯政办发〔2023〕7号", number=2)
    assert task.task_units.get(role="lead").unit.name == "区财政局"


def test_the_import_link_is_in_the_supervisors_menu(client, w):
    client.force_login(w.supervisor)
    page = client.get("/supervision/").content.decode()
    assert re.search(r'<a href="/import/"[^>]*>导入文件</a>', page)


def test_a_file_too_large_for_the_review_form_is_refused_at_upload(client, w, seed_text, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = import_views.FORM_FIELDS_BYTES + 1000
    client.force_login(w.supervisor)
    response = upload(client, seed_text)
    assert response.status_code == 400
    assert "文件过大" in response.content.decode()
    assert not PolicyDocument.objects.filter(doc_number=SEED_NUMBER).exists()


def test_the_seeds_review_form_stays_under_the_field_limit(client, w, seed_text, settings):
    client.force_login(w.supervisor)
    fields = form_of(upload(client, seed_text).content.decode())
    assert len(fields) + 1 < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS


def test_a_new_version_is_corrected_too(client, w, seed_text):
    document_import(text=seed_text)
    changed = seed_text.replace("新增学位1470个", "新增学位1500个")
    number = next(t.number for t in parse_document(changed).tasks if "新增学位1500个" in t.text)
    i = [t.number for t in parse_document(changed).tasks].index(number)
    client.force_login(w.supervisor)
    page = upload(client, changed).content.decode()
    assert "不变" in page
    fields = form_of(page)
    response = client.post("/import/confirm/", {**fields, f"c{i}_lead": "区财政局", "action": "confirm"})
    assert response.status_code == 302
    task = Task.objects.get(document__doc_number=SEED_NUMBER, number=number)
    assert task.task_units.get(role="lead").unit.name == "区财政局"


def test_a_clause_the_new_version_drops_is_named_on_the_review(client, w, seed_text, monkeypatch):
    document_import(text=SMALL)
    dropped = SMALL.replace("2. 建设城市大脑。三季度完成一期建设。\n", "").replace("3. 推进掌上办公", "2. 推进掌上办公")
    client.force_login(w.supervisor)
    page = upload(client, dropped).content.decode()
    assert "建设城市大脑" in page.split('id="warn-h"', 1)[1].split("</section>", 1)[0]


def test_a_status_the_page_does_not_know_is_shown_as_it_is(client, w, monkeypatch):
    real = import_views.document_preview

    def odd_status(**kwargs):
        preview = real(**kwargs)
        preview.tasks[0].status = "merged"
        return preview

    document_import(text=SMALL)
    monkeypatch.setattr(import_views, "document_preview", odd_status)
    client.force_login(w.supervisor)
    response = upload(client, SMALL.replace("全程网办", "一网通办"))
    assert response.status_code == 200
    assert re.search(r"<span class=\"tag \">merged[:<]", response.content.decode())


def test_every_imported_version_can_be_downloaded_from_the_import_page(client, w, seed_text):
    document_import(text=seed_text)
    edited = seed_text.replace("全年完成投资2000万元", "全年完成投资2500万元")
    document_import(data=edited.encode("gb18030"), filename="柯政发〔2023〕16号(修订).txt")
    client.force_login(w.supervisor)
    page = client.get("/import/").content.decode()
    assert "已导入的文件" in page and "第 1 版" in page and "第 2 版" in page
    links = re.findall(r'href="(/api/v1/documents/\d+/versions/\d+/(?:source|text))"', page)
    assert len(links) == 4
    first_text, second_source = client.get(links[1]), client.get(links[2])
    assert first_text.status_code == 200 and "全年完成投资2000万元" in first_text.content.decode()
    assert second_source.content == edited.encode("gb18030")
    assert "attachment" in second_source["Content-Disposition"]


def test_a_plan_in_traditional_characters_is_reviewed_and_imported_in_simplified(client, w):
    import opencc

    mirrored = opencc.OpenCC("s2twp").convert(SMALL)
    assert "牽頭" not in mirrored and "區財政局" in mirrored
    client.force_login(w.supervisor)
    response = upload(client, mirrored)
    assert response.status_code == 200, response.content.decode()
    page = response.content.decode()
    # Said once, among the document's warnings, before anything is written.
    document_part = page.split('id="clause-0"', 1)[0]
    assert "原文为繁体字" in document_part
    response = client.post("/import/confirm/", {**form_of(page), "action": "confirm"})
    assert response.status_code == 302
    task = Task.objects.get(document__doc_number="柯政办发〔2023〕7号", number=1)
    roles = {(tu.role, tu.unit.name) for tu in task.task_units.select_related("unit")}
    assert roles == {("lead", "区财政局"), ("co", "区发展改革局")}
    assert task.title.startswith("推进一网通办")
