"""消息中心 (issue 15): every role's inbox in the top bar, paged, marking read only what was shown."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from duban.lib import clock
from notifications.models import InboxMessage
from notifications.services.inbox import inbox_unread_count
from tests import factories as f

pytestmark = pytest.mark.django_db


def _messages(user, count: int, *, link: str = "") -> list[InboxMessage]:
    start = clock.now() - timedelta(hours=count)
    return [
        InboxMessage.objects.create(
            recipient=user,
            title=f"【逾期督办】消息{i:02d}",
            body=f"第{i}条的详情",
            link=link,
            created_at=start + timedelta(minutes=i),
        )
        for i in range(count)
    ]


@pytest.mark.parametrize("actor", ["lead_clerk", "lead_head", "supervisor", "leader", "admin"])
def test_every_role_sees_the_unread_count_in_the_top_bar(client, world, actor):
    user = getattr(world, actor)
    _messages(user, 3)
    client.force_login(user)
    for path in ("/milestones/", "/notifications/preferences/"):
        page = client.get(path).content.decode()
        topbar = page.split('<header class="topbar">')[1].split("</header>")[0]
        assert 'href="/notifications/inbox/"' in topbar
        assert re.search(r'class="badge">3<span class="sr"> 条未读', topbar), path


def test_no_badge_without_unread_messages(client, world):
    client.force_login(world.supervisor)
    page = client.get("/milestones/").content.decode()
    topbar = page.split('<header class="topbar">')[1].split("</header>")[0]
    assert '消息<span id="inbox-badge"></span></a>' in topbar and 'class="badge"' not in topbar


def test_supervisor_reads_escalations_in_the_message_centre(client, world):
    _messages(world.supervisor, 2, link=f"http://duban.example/tasks/{world.task.pk}/")
    client.force_login(world.supervisor)
    page = client.get("/notifications/inbox/").content.decode()
    assert "消息中心" in page and "【逾期督办】消息01" in page and "2 条未读" in page


def test_all_27_messages_are_reachable_page_by_page(client, world):
    made = _messages(world.lead_clerk, 27)
    client.force_login(world.lead_clerk)
    first = client.get("/notifications/inbox/").content.decode()
    assert "共 27 条" in first and "第 1 / 2 页" in first and 'rel="next"' in first
    second = client.get("/notifications/inbox/?page=2").content.decode()
    assert "第 2 / 2 页" in second
    seen = {m.title for m in made if m.title in first or m.title in second}
    assert seen == {m.title for m in made}
    # Newest first: the first page has the 20 newest, the second the 7 oldest.
    assert "消息26" in first and "消息06" not in first and "消息06" in second


def test_mark_read_marks_only_the_page_shown(client, world):
    made = _messages(world.lead_clerk, 27)
    client.force_login(world.lead_clerk)
    page = client.get("/notifications/inbox/").content.decode()
    ids = [int(pk) for pk in re.findall(r'name="id" value="(\d+)"', page)]
    assert len(ids) == 20 and "将本页 20 条标为已读" in page
    answer = client.post("/notifications/inbox/read/", {"id": ids, "next": "/notifications/inbox/"})
    assert answer.status_code == 302 and answer["Location"] == "/notifications/inbox/"
    assert inbox_unread_count(world.lead_clerk) == 7
    unread = set(InboxMessage.objects.filter(recipient=world.lead_clerk, read_at=None).values_list("pk", flat=True))
    assert unread == {m.pk for m in made[:7]}  # the oldest seven, on page 2, never shown


def test_mark_read_without_ids_marks_nothing(client, world):
    _messages(world.lead_clerk, 3)
    client.force_login(world.lead_clerk)
    client.post("/notifications/inbox/read/")
    assert inbox_unread_count(world.lead_clerk) == 3


def test_workbench_panel_marks_read_only_the_ten_it_shows(client, world):
    _messages(world.lead_clerk, 12)
    client.force_login(world.lead_clerk)
    page = client.get("/workbench/").content.decode()
    panel = page.split('<section id="inbox"')[1].split("</section>")[0]
    ids = re.findall(r'name="id" value="(\d+)"', panel)
    assert len(ids) == 10 and "查看全部消息(共 12 条)" in panel
    client.post("/notifications/inbox/read/", {"id": ids}, HTTP_HX_REQUEST="true")
    assert inbox_unread_count(world.lead_clerk) == 2


def test_cannot_mark_another_users_messages(client, world):
    theirs = _messages(world.lead_clerk, 1)[0]
    client.force_login(world.other_clerk)
    client.post("/notifications/inbox/read/", {"id": [theirs.pk]})
    assert inbox_unread_count(world.lead_clerk) == 1
    assert client.get(f"/notifications/inbox/{theirs.pk}/").status_code == 404


def test_opening_a_message_marks_it_read_and_goes_to_its_task(client, world):
    msg = _messages(world.lead_head, 1, link=f"http://duban.example/tasks/{world.task.pk}/")[0]
    client.force_login(world.lead_head)
    page = client.get("/notifications/inbox/").content.decode()
    assert f'href="/notifications/inbox/{msg.pk}/"' in page
    answer = client.get(f"/notifications/inbox/{msg.pk}/")
    assert answer.status_code == 302 and answer["Location"] == f"/tasks/{world.task.pk}/"
    assert inbox_unread_count(world.lead_head) == 0
    assert client.get(answer["Location"]).status_code == 200


def test_a_link_to_another_host_is_not_followed(client, world):
    msg = _messages(world.lead_head, 1, link="https://evil.example//evil.example/x")[0]
    client.force_login(world.lead_head)
    answer = client.get(f"/notifications/inbox/{msg.pk}/")
    assert answer["Location"] == "/notifications/inbox/"


def test_unread_filter(client, world):
    made = _messages(world.lead_clerk, 3)
    made[0].read_at = clock.now()
    made[0].save()
    client.force_login(world.lead_clerk)
    page = client.get("/notifications/inbox/?unread=1").content.decode()
    assert "共 2 条未读" in page and made[0].title not in page


def test_with_two_documents_the_inbox_names_the_doc_number(client, world):
    msg = _messages(world.lead_clerk, 1, link=f"http://duban.example/tasks/{world.task.pk}/")[0]
    client.force_login(world.lead_clerk)
    page = client.get("/notifications/inbox/").content.decode()
    assert world.document.doc_number not in page  # one document: 第N条 is unambiguous
    f.DocumentFactory(doc_number="柯政发〔2024〕2号")
    page = client.get("/notifications/inbox/").content.decode()
    item = page.split(f'id="msg-{msg.pk}"')[1].split("</li>")[0]
    assert f'<span class="docno">{world.document.doc_number}</span>' in item
    panel = client.get("/workbench/").content.decode().split('<section id="inbox"')[1]
    assert world.document.doc_number in panel.split("</section>")[0]


def test_marking_read_from_the_panel_updates_the_top_bar_badge_too(client, world):
    _messages(world.lead_clerk, 12)
    client.force_login(world.lead_clerk)
    panel = client.get("/workbench/").content.decode().split('<section id="inbox"')[1]
    ids = re.findall(r'name="id" value="(\d+)"', panel.split("</section>")[0])
    answer = client.post("/notifications/inbox/read/", {"id": ids}, HTTP_HX_REQUEST="true").content.decode()
    badge = answer.split('<span id="inbox-badge" hx-swap-oob="true">')[1]
    assert badge.startswith(' <span class="badge">2<span class="sr"> 条未读')


def test_the_message_centre_query_count_does_not_grow_with_messages(client, world, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    link = f"http://duban.example/tasks/{world.task.pk}/"
    _messages(world.lead_clerk, 2, link=link)
    f.DocumentFactory()  # two documents: each row names its 文号
    client.force_login(world.lead_clerk)
    client.get("/notifications/inbox/")
    with CaptureQueriesContext(connection) as few:
        client.get("/notifications/inbox/")
    _messages(world.lead_clerk, 18, link=link)
    with django_assert_max_num_queries(len(few)):
        page = client.get("/notifications/inbox/").content.decode()
    assert page.count('<span class="docno">') == 20
