"""Issue 15 in Debian's Chromium: every page each role can open fits a 375 px phone.

A page fits when it scrolls down only: document.documentElement.scrollWidth <= 375. A page
that does not is named with its widest element, so the failure says what to fix.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts.models import Unit, User
from duban.lib import clock
from notifications.services.scan import scan
from notifications.services.sender import send_due
from policy_tasks.models import Milestone, Task
from policy_tasks.selectors.lights import RED
from policy_tasks.services.evidence import evidence_upload
from policy_tasks.services.task_sources import SourceTaskInput, task_source_create
from policy_tasks.web.decomposition import split_units
from tests.notifications.conftest import ensure_default_rules
from tests.web.builders import pdf
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 812}
MILESTONE = "确保抽蓄项目10月底前开工"
LONG_FILE_NAME = "KZBF_2023_16_qfgj_kaigong_xukezheng_saomiaojian_20231028_final_signed_v3.pdf"
SEED = Path(__file__).resolve().parents[2] / "fixtures" / "kecheng-2023-16.txt"

# The page's width and, past 375, the element reaching furthest right (the deepest of equals).
MEASURE = r"""() => {
  // Folded forms too (申请办结, 申请延期 ...): what a tap opens must fit as well. Not the file
  // previews, which would fetch the files.
  document.querySelectorAll('details:not(.preview)').forEach(d => { d.open = true; });
  const limit = 375;
  let worst = null, right = limit;
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right >= right && box.right > limit) { worst = el; right = box.right; }
  }
  // No box too wide: then text spilling out of one (a long URL), the last such box.
  if (!worst) {
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width && box.left + el.scrollWidth > limit + 1) { worst = el; right = box.left + el.scrollWidth; }
    }
  }
  const name = worst && (worst.tagName.toLowerCase() + (worst.id ? '#' + worst.id : '')
    + (worst.className && typeof worst.className === 'string' ? '.' + worst.className.trim().split(/\s+/).join('.') : '')
    + ' "' + (worst.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40) + '"');
  // Boxes that scroll sideways inside the page (a wide table in an overflow box) count as well.
  const scrollers = [...document.body.querySelectorAll('*')].filter(el => {
    const x = getComputedStyle(el).overflowX;
    return (x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1;
  }).map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : ''));
  return {width: document.documentElement.scrollWidth, widest: name, right: Math.round(right), scrollers};
}"""


def _phone(web, username: str | None, *, javascript: bool = True):
    """A 375 px page signed in as `username` (None: signed out)."""
    context = web.browser.new_context(
        base_url=web.base_url,
        viewport=PHONE,
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        java_script_enabled=javascript,
    )
    context.set_default_timeout(10_000)
    context.route("**/*", web._guard)
    web.contexts.append(context)
    page = context.new_page()
    if username:
        page.goto("/login/")
        page.get_by_label("用户名").fill(username)
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        page.wait_for_load_state()
    return page


def _measure(page, name: str, widths: dict[str, dict], status: int | None = None) -> None:
    """The page as it is now, after its scripts ran."""
    page.wait_for_load_state()
    page.wait_for_timeout(100)  # charts draw after load
    widths[name] = page.evaluate(MEASURE) | {"url": page.url, "status": status}


def assert_all_fit(widths: dict[str, dict], *, expected: dict[str, int]) -> None:
    """Every page measured opened with its status (200 unless `expected` names another), is no
    wider than the phone, and has no box that scrolls sideways."""
    print("\n".join(f"{name}: {w['width']} px" for name, w in widths.items()))
    wrong = {name: w["status"] for name, w in widths.items() if w["status"] != expected.get(name, 200)}
    assert not wrong, f"pages that did not open as their role: {wrong}"
    too_wide = [
        f"{name} ({w['url']}) is {w['width']} px, widest: {w['widest']} reaching {w['right']} px"
        for name, w in widths.items()
        if w["width"] > 375
    ]
    assert not too_wide, "pages wider than a 375 px phone:\n" + "\n".join(too_wide)
    scrolling = {name: w["scrollers"] for name, w in widths.items() if w["scrollers"]}
    assert not scrolling, f"boxes that scroll sideways at 375 px: {scrolling}"


def _visit(page, pages: list[tuple[str, str]], widths: dict[str, dict]) -> None:
    for name, url in pages:
        response = page.goto(url)
        _measure(page, name, widths, response.status if response else None)


def _realistic(seeded, milestone: Milestone) -> Task:
    """What a phone meets in use: a file name with no place to break, a leader's instruction
    registered as a task source, and a full inbox. Returns the instruction's task."""
    head = User.objects.get(username="qfgj_head")
    evidence_upload(user=head, task=milestone.task, uploaded_file=pdf(LONG_FILE_NAME))
    source = task_source_create(
        user=User.objects.get(username="duchashi"),
        data=SourceTaskInput(
            kind="instruction",
            content="请区发改局会同相关部门抓紧研究落实,详见 https://www.kecheng.gov.cn/art/2023/11/15/art_1229_abcdefghijklmnop.html",
            lead_units=[Unit.objects.resolve("区发改局")],
            due_date=date(2023, 12, 29),
            leader=User.objects.get(username="lingdao"),
            instruction="此事要抓紧,月底前报结果。",
        ),
    )
    ensure_default_rules()
    now = clock.now()
    scan(now=now)
    send_due(now=now)
    return source.task


def test_every_page_of_every_role_fits_375_px(web, seeded):
    milestone = Milestone.objects.get(document=seeded, text=MILESTONE)
    task = milestone.task
    splittable = next(t for t in Task.objects.filter(document=seeded, parent=None) if split_units(t))
    instruction = _realistic(seeded, milestone)
    widths: dict[str, dict] = {}

    _visit(_phone(web, None), [("登录", "/login/")], widths)
    clerk = [
        ("工作台(经办人)", "/workbench/"),
        ("任务页", f"/tasks/{task.pk}/"),
        ("文件页", f"/documents/{seeded.pk}/"),
        ("消息中心(经办人)", "/notifications/inbox/"),
        ("通知偏好", "/notifications/preferences/"),
        ("修改密码", "/account/password/"),
        ("双因素认证", "/login/enrol/"),
        ("404", "/tasks/999999/"),
        ("403", "/supervision/"),
    ]
    _visit(_phone(web, "qfgj_clerk"), clerk, widths)
    head = [("工作台(负责人)", "/workbench/"), ("任务页(负责人)", f"/tasks/{task.pk}/"), ("导出(负责人)", "/export/")]
    _visit(_phone(web, "qfgj_head"), head, widths)
    supervisor = [
        ("督办台", "/supervision/"),
        ("督办台第2页", "/supervision/?page=2"),
        ("督办台红灯筛选", f"/supervision/?light={RED}"),
        ("节点列表", "/milestones/"),
        ("驾驶舱(督查员)", "/dashboard/"),
        ("任务分解", f"/tasks/{splittable.pk}/decompose/"),
        ("消息中心(督查员)", "/notifications/inbox/"),
        ("任务来源列表(督查员)", "/sources/"),
        ("批示件任务页", f"/tasks/{instruction.pk}/"),
        ("督查通报网页", f"/api/v1/documents/{seeded.pk}/bulletin.html?period=2023-10&inline=true"),
        ("导出(督查员)", "/export/"),  # last: the feed URL is made on it next
    ]
    page = _phone(web, "duchashi")
    _visit(page, supervisor, widths)
    page.get_by_role("button", name="新建订阅").click()  # the one-time feed URL, the longest line there is
    expect(page.locator("#feed-url")).to_be_visible()
    _measure(page, "导出(新建日历订阅后)", widths, 200)
    _visit(_phone(web, "duchashi", javascript=False), [("催办页(无脚本)", f"/milestones/{milestone.pk}/urge/")], widths)
    _visit(_phone(web, "lingdao"), [("驾驶舱(领导)", "/dashboard/"), ("任务来源列表(领导)", "/sources/")], widths)
    admin = [("导入", "/import/"), ("任务来源列表", "/sources/"), ("任务来源表单", "/sources/new/?kind=instruction")]
    page = _phone(web, "admin")
    _visit(page, admin, widths)
    page.goto("/import/")
    page.locator("input[type=file]").first.set_input_files(str(SEED))
    page.get_by_role("button", name="解析预览").click()
    _measure(page, "导入核对(种子文件)", widths, 200)

    assert_all_fit(widths, expected={"404": 404, "403": 403})
