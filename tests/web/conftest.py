"""Fixtures for the page tests: the seeded demo, a fixed "today", and Debian's Chromium.

The browser tests drive /usr/bin/chromium through Playwright (no downloaded browser).
Without it they skip locally; in CI (DUBAN_REQUIRE_SERVICES=1) they fail instead,
because a skipped browser suite would hide that nothing was tested.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine

from policy_tasks.models import PolicyDocument
from policy_tasks.services.demo import DEMO_PASSWORD, demo_load
from policy_tasks.services.periods import document_generate_periods
from tests.module_rows import build_for_module, module_rows

REQUIRE_SERVICES = os.environ.get("DUBAN_REQUIRE_SERVICES") == "1"
CHROMIUM = os.environ.get("DUBAN_CHROMIUM") or "/usr/bin/chromium"  # Debian's build
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The seed is a 2023 document: on this day 抽蓄项目10月底前开工 is two weeks overdue.
TODAY = datetime(2023, 11, 15, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PASSWORD = DEMO_PASSWORD


@pytest.fixture
def today():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY.date()


@pytest.fixture
def seeded(today):
    return seeded_document()


@pytest.fixture(scope="module")
def _seed_for_module(request, django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed")

    def build() -> PolicyDocument:
        with time_machine.travel(TODAY, tick=False):
            return seeded_document()

    for document in build_for_module(request, django_db_blocker, folder, build):
        yield document, folder


@pytest.fixture
def seeded_once(request, _seed_for_module, today, settings):
    """`seeded`, loaded once for the whole module (~1 s a load) and seen by each test in its own
    savepoint (tests/module_rows.py). A module whose database tests all want the seed takes it
    by defining `seeded` as this."""
    document, folder = _seed_for_module
    return module_rows(request, document, folder, settings)


def seeded_document() -> PolicyDocument:
    """The seed document, its demo accounts and its reporting periods, as `make run` has them."""
    result, _ = demo_load()
    document_generate_periods(document=result.document)
    return PolicyDocument.objects.get(pk=result.document.pk)


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        if REQUIRE_SERVICES:
            pytest.fail(f"DUBAN_REQUIRE_SERVICES=1 but {CHROMIUM} is missing (.ci/apt-packages installs it)")
        pytest.skip(f"needs Debian's Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop on this thread; Django refuses ORM calls
    # from a thread with a loop unless told it is safe (it is: the loop is idle meanwhile).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield instance
            instance.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class Web:
    """Pages of one browser context on the live server, with every other host refused and recorded."""

    def __init__(self, browser, base_url: str):
        self.browser = browser
        self.base_url = base_url
        self.host = urlsplit(base_url).netloc
        self.foreign: list[str] = []
        self.contexts: list = []

    def _guard(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != self.host:
            self.foreign.append(url)
            route.abort()
        else:
            route.continue_()

    def new_page(self, width: int = 1280, height: int = 900):
        context = self.browser.new_context(
            base_url=self.base_url,
            viewport={"width": width, "height": height},
            locale="zh-CN",
            timezone_id="Asia/Shanghai",
            accept_downloads=True,
        )
        context.set_default_timeout(10_000)
        context.route("**/*", self._guard)
        self.contexts.append(context)
        return context.new_page()

    def login(self, username: str, *, width: int = 1280):
        page = self.new_page(width=width)
        page.goto("/login/")
        page.get_by_label("用户名").fill(username)
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        page.wait_for_load_state()
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def web(browser, live_server, settings, tmp_path):
    # The server's clock is in 2023 (time-machine moves every thread) but the browser's is
    # not: cookies with an expiry date would arrive already expired, so use session cookies.
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_COOKIE_AGE = None
    settings.MEDIA_ROOT = tmp_path / "media"
    session = Web(browser, live_server.url)
    yield session
    session.close()
    assert session.foreign == [], f"pages requested other hosts: {session.foreign}"


def shoot(page, name: str) -> None:
    """The page drawn at 1280 and 375 px (the top 2400 px); written to docs/screenshots/<name>-desktop.png
    and -phone.png only with DUBAN_WRITE_SCREENSHOTS=1, so a test run leaves the tree as it was."""
    write = os.environ.get("DUBAN_WRITE_SCREENSHOTS") == "1"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    original = page.viewport_size
    for label, width in (("desktop", 1280), ("phone", 375)):
        page.set_viewport_size({"width": width, "height": 900 if width > 800 else 812})
        page.wait_for_timeout(150)  # charts redraw on resize
        height = page.evaluate("document.documentElement.scrollHeight")
        page.screenshot(
            path=str(SCREENSHOTS / f"{name}-{label}.png") if write else None,
            full_page=True,
            clip={"x": 0, "y": 0, "width": width, "height": min(height, 2400)},
        )
    page.set_viewport_size(original)
