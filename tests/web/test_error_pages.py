"""With DEBUG on, people meet the same Chinese error pages as in production; scripts get JSON.

Django's technical pages (English, listing every URL of the site) come back only when
DUBAN_DEBUG_ERROR_PAGES asks for them.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client
from django.urls import path

from duban.urls import urlpatterns as project_patterns


def _denied(request):
    raise PermissionDenied


def _missing(request):
    raise Http404("no such report")


def _broken(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path("raises/403/", _denied),
    path("raises/404/", _missing),
    path("raises/500/", _broken),
    path("api/v1/raises/500/", _broken),
    *project_patterns,
]
handler400 = "duban.errors.bad_request"
handler403 = "duban.errors.permission_denied"
handler404 = "duban.errors.page_not_found"
handler500 = "duban.errors.server_error"


@pytest.fixture
def debug(settings):
    settings.DEBUG = True
    settings.DUBAN_DEBUG_ERROR_PAGES = False
    return settings


@pytest.fixture
def own_urls(settings):
    settings.ROOT_URLCONF = __name__


def _page(response) -> str:
    return response.content.decode()


def _assert_no_debug_page(html: str) -> None:
    for english in ("Page not found", "Using the URLconf", "urlpatterns", "DEBUG = True", "Traceback"):
        assert english not in html


@pytest.mark.django_db
def test_an_unknown_page_is_the_chinese_404_without_the_url_list(debug, client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = _page(response)
    assert "页面不存在" in html
    assert "返回首页" in html
    _assert_no_debug_page(html)
    assert "api/v1/" not in html  # the URL list would name every route


@pytest.mark.django_db
def test_an_unknown_page_without_its_slash_is_still_sent_to_the_slash_first(debug, client):
    assert client.get("/login").status_code == 301


@pytest.mark.django_db
def test_a_view_that_raises_404_shows_the_chinese_page(debug, own_urls, client):
    response = client.get("/raises/404/")
    assert response.status_code == 404
    assert "页面不存在" in _page(response)
    _assert_no_debug_page(_page(response))


@pytest.mark.django_db
def test_a_refusal_shows_the_chinese_403(debug, own_urls, client):
    response = client.get("/raises/403/")
    assert response.status_code == 403
    assert "无权访问" in _page(response)


@pytest.mark.django_db
def test_an_unhandled_exception_shows_the_chinese_500_and_is_logged(debug, own_urls, caplog):
    client = Client(raise_request_exception=False)
    with caplog.at_level("ERROR", logger="django.request"):
        response = client.get("/raises/500/")
    assert response.status_code == 500
    html = _page(response)
    assert "服务器内部错误" in html
    _assert_no_debug_page(html)
    record = next(r for r in caplog.records if r.name == "django.request")
    assert record.exc_info and "a bug" in str(record.exc_info[1])


@pytest.mark.django_db
def test_the_api_keeps_its_json_errors(debug, own_urls):
    client = Client(raise_request_exception=False)
    missing = client.get("/api/v1/no-such-endpoint/")
    assert missing.status_code == 404
    assert missing["Content-Type"].startswith("application/json")
    assert missing.json()["error"]["code"] == "not_found"
    broken = client.get("/api/v1/raises/500/")
    assert broken.status_code == 500
    assert broken["Content-Type"].startswith("application/json")
    assert broken.json()["error"]["code"] == "server_error"


@pytest.mark.django_db
def test_django_technical_pages_when_asked_for(debug, client):
    debug.DUBAN_DEBUG_ERROR_PAGES = True
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Using the URLconf" in _page(response)


@pytest.mark.django_db
def test_production_is_unchanged(settings, client):
    settings.DEBUG = False
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "页面不存在" in _page(response)
