"""Sign-in with DingTalk: scan on the login page and 免登 in the workbench, against a local DingTalk."""

from __future__ import annotations

import http.client
import urllib.parse
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client

from accounts.models import PasswordHistory, User
from duban.lib import clock
from policy_tasks.models import AuditEvent
from policy_tasks.services.audit import RequestMeta, audit_verify
from policy_tasks.services.signin import enrolment_device, second_factor_enrol
from tests.accounts.conftest import code_for, sign_in
from tests.accounts.dingtalk_oauth_server import APP_KEY, APP_SECRET, DingTalkServer, Person

pytestmark = pytest.mark.django_db

UNMAPPED = "该钉钉账号未关联督办系统账号，请联系管理员"


@pytest.fixture
def dingtalk(settings):
    cache.clear()  # the app token is cached per app key; each test starts with none
    with DingTalkServer() as server:
        settings.DINGTALK_EDITION = "public"
        settings.DINGTALK_APP_KEY = APP_KEY
        settings.DINGTALK_APP_SECRET = APP_SECRET
        settings.DINGTALK_API_BASE = server.url
        settings.DINGTALK_OAUTH_BASE = server.url
        settings.DINGTALK_LOGIN_BASE = server.url
        settings.DINGTALK_CORP_ID = "dingcorp0test"
        yield server
    cache.clear()


def _open(url: str) -> tuple[int, str]:
    """The browser's visit to DingTalk's page: its status and where it sends the browser next."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", f"{parts.path}?{parts.query}")
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location") or ""
    finally:
        connection.close()


def scan(client: Client, server: DingTalkServer, person: Person, *, next_url: str = ""):
    """Press 钉钉扫码登录, scan as `person` on DingTalk's page, come back to the callback."""
    start = client.get("/login/dingtalk/" + (f"?next={urllib.parse.quote(next_url)}" if next_url else ""))
    assert start.status_code == 302
    assert start["Location"].startswith(f"{server.url}/oauth2/auth?")
    server.state.scanner = person
    status, back = _open(start["Location"])
    assert status == 302, back
    parts = urllib.parse.urlsplit(back)
    assert (parts.netloc, parts.path) == ("testserver", "/login/dingtalk/callback/")
    return client.get(f"{parts.path}?{parts.query}")


def _linked(user: User, userid: str) -> User:
    user.dingtalk_userid = userid
    user.save(update_fields=["dingtalk_userid"])
    return user


def _events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


def _signed_out(client: Client) -> bool:
    response = client.get("/workbench/")
    return response.status_code == 302 and response["Location"].startswith("/login/")


def test_a_mapped_clerk_scans_and_lands_on_their_workbench(world, dingtalk):
    _linked(world.lead_clerk, "dt-lead")
    person = dingtalk.state.add(Person(userid="dt-lead", unionid="u-lead", mobile="15800000001"))
    client = Client()

    response = scan(client, dingtalk, person)

    assert response.status_code == 302
    page = client.get(response["Location"], follow=True)
    assert page.redirect_chain[-1][0] == "/workbench/"
    body = page.content.decode()
    assert "工作台" in body and "重点推进工程" in body
    # The whole exchange went through DingTalk's documented calls, with the app's own token.
    assert dingtalk.state.calls == [
        "GET /oauth2/auth",
        "POST /v1.0/oauth2/userAccessToken",
        "GET /v1.0/contact/users/me",
        "GET /gettoken",
        "POST /topapi/user/getbyunionid",
    ]
    [event] = _events("auth.login")
    assert event.object_id == str(world.lead_clerk.pk) and event.actor_id == world.lead_clerk.pk
    assert event.after == {"method": "dingtalk"}
    assert audit_verify() is None


def test_the_next_page_asked_for_is_where_the_scan_ends(world, dingtalk):
    _linked(world.lead_clerk, "dt-lead")
    person = dingtalk.state.add(Person(userid="dt-lead", unionid="u-lead", mobile=""))
    target = f"/tasks/{world.task.pk}/"
    response = scan(Client(), dingtalk, person, next_url=target)
    assert response.status_code == 302 and response["Location"] == target
    # Another site is never a destination.
    assert scan(Client(), dingtalk, person, next_url="https://evil.example/")["Location"] == "/"


def test_a_clerk_found_by_mobile_gets_the_dingtalk_id_stored(world, dingtalk):
    clerk = world.co_clerk
    clerk.phone = "+8615800000002"
    clerk.save(update_fields=["phone"])
    person = dingtalk.state.add(Person(userid="dt-co", unionid="u-co", mobile="15800000002"))
    client = Client()

    response = scan(client, dingtalk, person)

    assert response.status_code == 302
    clerk.refresh_from_db()
    assert clerk.dingtalk_userid == "dt-co"
    assert client.get("/workbench/").status_code == 200
    [change] = [e for e in _events("account.user_changed") if e.object_id == str(clerk.pk)]
    assert change.after == {"dingtalk_userid": "dt-co"}

    # From now on the stored id finds the account, even after the number changed.
    clerk.phone = "13700000000"
    clerk.save(update_fields=["phone"])
    again = Client()
    assert scan(again, dingtalk, person).status_code == 302
    assert again.get("/workbench/").status_code == 200
    assert audit_verify() is None


def test_an_unmapped_dingtalk_user_is_refused_and_no_account_is_created(world, dingtalk):
    person = dingtalk.state.add(Person(userid="dt-stranger", unionid="u-stranger", mobile="15800000099"))
    accounts = User.objects.count()
    client = Client()

    response = scan(client, dingtalk, person)

    assert response.status_code == 403
    assert UNMAPPED in response.content.decode()
    assert User.objects.count() == accounts
    assert not User.objects.filter(dingtalk_userid="dt-stranger").exists()
    assert _signed_out(client)
    [event] = _events("auth.login_failed")
    assert event.after == {"method": "dingtalk", "reason": "unmapped", "identity": "dingtalk:dt-stranger"}
    assert not _events("auth.login")


def test_a_dingtalk_user_outside_the_organisation_is_refused(world, dingtalk):
    world.lead_clerk.phone = "15800000001"
    world.lead_clerk.save(update_fields=["phone"])
    # Same mobile as a clerk, but not a member of this organisation's DingTalk: no userid, no way in.
    person = dingtalk.state.add(Person(userid="x", unionid="u-outsider", mobile="15800000001", in_org=False))
    client = Client()
    response = scan(client, dingtalk, person)
    assert response.status_code == 403
    assert "不在本单位组织内" in response.content.decode()
    assert _signed_out(client)
    world.lead_clerk.refresh_from_db()
    assert world.lead_clerk.dingtalk_userid == ""


def test_a_disabled_account_is_refused(world, dingtalk):
    clerk = _linked(world.lead_clerk, "dt-lead")
    clerk.is_active = False
    clerk.save(update_fields=["is_active"])
    person = dingtalk.state.add(Person(userid="dt-lead", unionid="u-lead", mobile=""))
    client = Client()
    response = scan(client, dingtalk, person)
    assert response.status_code == 403
    assert "账号已停用" in response.content.decode()
    assert _signed_out(client)
    [event] = _events("auth.login_failed")
    assert event.object_id == str(clerk.pk) and event.after["reason"] == "disabled"


def test_a_locked_out_account_is_not_opened_by_dingtalk(world, dingtalk, settings):
    _linked(world.lead_clerk, "dt-lead")
    person = dingtalk.state.add(Person(userid="dt-lead", unionid="u-lead", mobile=""))
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "lead_clerk", password="wrong-password")
    response = scan(client, dingtalk, person)
    assert response.status_code == 429
    assert "账号已被暂时锁定" in response.content.decode()
    assert _signed_out(client)


def test_a_forged_stale_or_replayed_state_is_refused(world, dingtalk, settings):
    _linked(world.lead_clerk, "dt-lead")
    person = dingtalk.state.add(Person(userid="dt-lead", unionid="u-lead", mobile=""))
    code = dingtalk.state.scan_code(person)

    # No sign-in started in this browser: a callback link made elsewhere is refused.
    client = Client()
    response = client.get(f"/login/dingtalk/callback/?authCode={code}&state=made-up")
    assert response.status_code == 400
    assert "登录请求已失效" in response.content.decode()

    # Started here, but the state does not match.
    client.get("/login/dingtalk/")
    assert client.get(f"/login/dingtalk/callback/?authCode={code}&state=made-up").status_code == 400
    assert "POST /v1.0/oauth2/userAccessToken" not in dingtalk.state.calls  # the code was never spent
    assert _signed_out(client)

    # A state is good once: the same way back a second time is refused.
    start = client.get("/login/dingtalk/")
    dingtalk.state.scanner = person
    back = urllib.parse.urlsplit(_open(start["Location"])[1])
    assert client.get(f"{back.path}?{back.query}").status_code == 302
    client.post("/logout/")
    assert client.get(f"{back.path}?{back.query}").status_code == 400
    assert len(_events("auth.login")) == 1


def test_a_state_older_than_ten_minutes_is_refused(world, dingtalk, clock_stand):
    _linked(world.lead_clerk, "dt-lead")
    person = dingtalk.state.add(Person(userid="dt-lead", unionid="u-lead", mobile=""))
    client = Client()
    start = client.get("/login/dingtalk/")
    dingtalk.state.scanner = person
    back = urllib.parse.urlsplit(_open(start["Location"])[1])
    clock_stand.shift(601)
    assert client.get(f"{back.path}?{back.query}").status_code == 400
    assert _signed_out(client)


def test_an_unknown_or_used_code_is_refused(world, dingtalk):
    _linked(world.lead_clerk, "dt-lead")
    client = Client()
    start = client.get("/login/dingtalk/")
    state = urllib.parse.parse_qs(urllib.parse.urlsplit(start["Location"]).query)["state"][0]
    response = client.get(f"/login/dingtalk/callback/?authCode=never-issued&state={state}")
    assert response.status_code == 403
    assert "授权码无效或已过期" in response.content.decode()
    assert dingtalk.state.refused == ["/v1.0/oauth2/userAccessToken"]
    assert _signed_out(client)


def test_a_supervisor_still_needs_the_second_factor(world, dingtalk, mfa_on, clock_stand):
    supervisor = _linked(world.supervisor, "dt-sup")
    person = dingtalk.state.add(Person(userid="dt-sup", unionid="u-sup", mobile=""))

    # Not enrolled yet: DingTalk leads to enrolment, and nothing else opens before it.
    client = Client()
    response = scan(client, dingtalk, person)
    assert response["Location"] == "/login/enrol/"
    for path in ("/supervision/", "/milestones/", "/workbench/"):
        assert client.get(path).status_code == 302, path
    assert not _events("auth.login")

    # Enrolled: DingTalk leads to the code, and only the code opens the console.
    device = enrolment_device(supervisor)
    assert second_factor_enrol(user=supervisor, code=code_for(device), meta=RequestMeta()) is not None
    clock_stand.shift(31)
    client = Client()
    response = scan(client, dingtalk, person, next_url="/supervision/")
    assert response["Location"] == "/login/verify/"
    assert client.get("/supervision/").status_code == 302
    verified = client.post("/login/verify/", {"code": code_for(device)})
    assert verified.status_code == 302 and verified["Location"] == "/supervision/"
    assert client.get("/supervision/").status_code == 200
    [event] = _events("auth.login")
    assert event.object_id == str(supervisor.pk) and event.after == {"method": "dingtalk+totp"}
    assert audit_verify() is None


def test_silent_sign_in_inside_the_dingtalk_workbench(world, dingtalk):
    world.lead_clerk.phone = "15800000001"
    world.lead_clerk.save(update_fields=["phone"])
    person = dingtalk.state.add(Person(userid="dt-lead", unionid="u-lead", mobile="15800000001"))
    client = Client(enforce_csrf_checks=True)

    page = client.get("/login/dingtalk/workbench/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "requestAuthCode" in body and "dingcorp0test" in body
    assert "https://g.alicdn.com" in page["Content-Security-Policy"]
    token = page.cookies["csrftoken"].value

    # What the page's script posts once the DingTalk client hands it a code.
    code = dingtalk.state.auth_code(person)
    response = client.post("/login/dingtalk/workbench/", {"authCode": code, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert client.get(response["Location"], follow=True).redirect_chain[-1][0] == "/workbench/"
    world.lead_clerk.refresh_from_db()
    assert world.lead_clerk.dingtalk_userid == "dt-lead"
    assert "POST /topapi/v2/user/getuserinfo" in dingtalk.state.calls
    assert "POST /topapi/v2/user/get" in dingtalk.state.calls  # the mobile, read once
    [event] = _events("auth.login")
    assert event.after == {"method": "dingtalk"}

    # The code is good once; a post from elsewhere (no CSRF token) is refused before DingTalk is asked.
    other = Client(enforce_csrf_checks=True)
    other.get("/login/dingtalk/workbench/")
    again = other.post(
        "/login/dingtalk/workbench/", {"authCode": code, "csrfmiddlewaretoken": other.cookies["csrftoken"].value}
    )
    assert again.status_code == 403 and "授权码无效或已过期" in again.content.decode()
    forged = Client(enforce_csrf_checks=True).post("/login/dingtalk/workbench/", {"authCode": "x"})
    assert forged.status_code == 403
    assert _signed_out(other)


def test_silent_sign_in_refuses_an_unmapped_person(world, dingtalk):
    person = dingtalk.state.add(Person(userid="dt-nobody", unionid="u-nobody", mobile="15800000098"))
    accounts = User.objects.count()
    client = Client()
    response = client.post("/login/dingtalk/workbench/", {"authCode": dingtalk.state.auth_code(person)})
    assert response.status_code == 403
    assert UNMAPPED in response.content.decode()
    assert User.objects.count() == accounts
    assert _signed_out(client)


def test_the_login_page_offers_dingtalk_only_when_configured(world, settings, dingtalk):
    assert "钉钉扫码登录" in Client().get("/login/").content.decode()
    settings.DINGTALK_APP_SECRET = ""
    page = Client().get("/login/")
    assert page.status_code == 200 and "钉钉扫码登录" not in page.content.decode()
    for path in ("/login/dingtalk/", "/login/dingtalk/callback/?state=x&authCode=y", "/login/dingtalk/workbench/"):
        assert Client().get(path).status_code == 404, path
    settings.DINGTALK_APP_SECRET = APP_SECRET
    settings.DINGTALK_SIGNIN = False
    assert "钉钉扫码登录" not in Client().get("/login/").content.decode()


def test_a_wrong_app_secret_is_reported_as_the_office_s_configuration(world, dingtalk, settings):
    _linked(world.lead_clerk, "dt-lead")
    person = dingtalk.state.add(Person(userid="dt-lead", unionid="u-lead", mobile=""))
    settings.DINGTALK_APP_SECRET = "not-the-secret"
    client = Client()
    response = client.post("/login/dingtalk/workbench/", {"authCode": dingtalk.state.auth_code(person)})
    assert response.status_code == 503 and "应用配置有误" in response.content.decode()
    # The scan's exchange checks the secret too (the new API refuses it before any user is read).
    assert scan(client, dingtalk, person).status_code == 403
    assert dingtalk.state.refused == ["/gettoken", "/v1.0/oauth2/userAccessToken"]
    assert _signed_out(client)


def test_dingtalk_unreachable_is_said_plainly(world, dingtalk, settings):
    _linked(world.lead_clerk, "dt-lead")
    client = Client()
    response = client.post("/login/dingtalk/workbench/", {"authCode": "anything"})
    assert response.status_code == 403  # reachable, code unknown
    settings.DINGTALK_API_BASE = "http://127.0.0.1:9"  # nothing listens on discard
    cache.clear()
    response = client.post("/login/dingtalk/workbench/", {"authCode": "anything"})
    assert response.status_code == 503
    assert "暂时无法连接钉钉" in response.content.decode()


def test_a_mobile_shared_by_two_accounts_or_linked_elsewhere_is_refused(world, dingtalk):
    for user in (world.lead_clerk, world.co_clerk):
        user.phone = "15800000007"
        user.save(update_fields=["phone"])
    person = dingtalk.state.add(Person(userid="dt-twin", unionid="u-twin", mobile="15800000007"))
    client = Client()
    response = scan(client, dingtalk, person)
    assert response.status_code == 403 and "对应多个督办系统账号" in response.content.decode()
    assert _signed_out(client)

    # One account has the number but is linked to another DingTalk user: not repointed by a sign-in.
    world.co_clerk.phone = ""
    world.co_clerk.save(update_fields=["phone"])
    _linked(world.lead_clerk, "dt-someone-else")
    response = scan(client, dingtalk, person)
    assert response.status_code == 403 and "已关联另一个钉钉账号" in response.content.decode()
    world.lead_clerk.refresh_from_db()
    assert world.lead_clerk.dingtalk_userid == "dt-someone-else"
    assert _signed_out(client)


@pytest.fixture
def zhengding(dingtalk, settings):
    """The same local server as 浙政钉's gateway: signed requests, accountId for the person."""
    settings.DINGTALK_EDITION = "gov"
    return dingtalk


def test_zhengding_scan_and_silent_sign_in_use_the_signed_gateway(world, zhengding):
    _linked(world.lead_clerk, "10001")
    person = zhengding.state.add(Person(userid="", unionid="", mobile="", account_id="10001"))

    client = Client()
    start = client.get("/login/dingtalk/")
    assert start["Location"].startswith(f"{zhengding.url}/oauth2/auth.htm?")
    assert "scope=get_user_info" in start["Location"] and "authType=QRCODE" in start["Location"]
    zhengding.state.scanner = person
    back = urllib.parse.urlsplit(_open(start["Location"])[1])
    assert "code=" in back.query
    response = client.get(f"{back.path}?{back.query}")
    assert response.status_code == 302
    assert client.get(response["Location"], follow=True).redirect_chain[-1][0] == "/workbench/"

    other = Client()
    response = other.post("/login/dingtalk/workbench/", {"authCode": zhengding.state.auth_code(person)})
    assert response.status_code == 302
    assert other.get("/workbench/").status_code == 200
    assert zhengding.state.refused == []  # every request carried a valid signature
    assert "POST /rpc/oauth2/getuserinfo_bycode.json" in zhengding.state.calls
    assert "POST /rpc/oauth2/dingtalk_app_user.json" in zhengding.state.calls
    assert [e.after for e in _events("auth.login")] == [{"method": "dingtalk"}] * 2


def test_zhengding_refuses_an_account_id_no_account_holds(world, zhengding, settings):
    person = zhengding.state.add(Person(userid="", unionid="", mobile="", account_id="20002"))
    accounts = User.objects.count()
    client = Client()
    response = client.post("/login/dingtalk/workbench/", {"authCode": zhengding.state.auth_code(person)})
    assert response.status_code == 403 and UNMAPPED in response.content.decode()
    assert User.objects.count() == accounts
    # A wrongly signed request (another secret) is refused by the gateway, and nobody is signed in.
    settings.DINGTALK_APP_SECRET = "not-the-secret"
    cache.clear()
    response = client.post("/login/dingtalk/workbench/", {"authCode": zhengding.state.auth_code(person)})
    assert response.status_code == 503 and "应用配置有误" in response.content.decode()
    assert zhengding.state.refused == ["/gettoken.json"]
    assert _signed_out(client)


def test_a_dingtalk_session_keeps_the_session_clocks(world, dingtalk, settings, clock_stand):
    settings.DUBAN_SESSION_IDLE_MINUTES = 30
    settings.DUBAN_SESSION_MAX_HOURS = 12
    _linked(world.lead_clerk, "dt-lead")
    person = dingtalk.state.add(Person(userid="dt-lead", unionid="u-lead", mobile=""))
    client = Client()
    assert scan(client, dingtalk, person).status_code == 302
    assert client.get("/workbench/").status_code == 200
    clock_stand.shift(31 * 60)
    response = client.get("/workbench/")
    assert response.status_code == 302 and "expired=1" in response["Location"]


def test_an_expired_password_does_not_hold_up_a_dingtalk_sign_in(world, dingtalk, settings, clock_stand):
    # DingTalk does not use the password; the password form still asks for a new one.
    settings.DUBAN_PASSWORD_MAX_AGE_DAYS = 90
    clerk = _linked(world.lead_clerk, "dt-lead")
    PasswordHistory.objects.create(user=clerk, password=clerk.password, created_at=clock.now() - timedelta(days=91))
    person = dingtalk.state.add(Person(userid="dt-lead", unionid="u-lead", mobile=""))
    client = Client()
    response = scan(client, dingtalk, person)
    assert response["Location"] == "/"
    assert client.get("/workbench/").status_code == 200
    assert sign_in(Client(), "lead_clerk")["Location"] == "/account/password/"
