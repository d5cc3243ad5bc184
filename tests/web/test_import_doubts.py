"""The review page marks a clause whose unit reads as no body's name 待核对 and says why, before anything is
written (issue 12: where the parser is unsure, the review page says so)."""

from __future__ import annotations

import pytest

from policy_tasks.models import PolicyDocument
from tests.web.test_import_review import upload, w  # noqa: F401  (w is a fixture)

pytestmark = pytest.mark.django_db

DOUBTFUL = """市城管委关于印发城区环境整治工作方案的通知
发文字号: 城管发〔2024〕3号
一、重点任务
1. 清理城区违规广告牌。6月底前完成。(责任单位:市城管局督促属地整改)
2. 整治背街小巷。(责任单位:各街道)
"""


def test_a_doubtful_unit_name_is_marked_on_the_review_page(client, w):  # noqa: F811
    client.force_login(w.supervisor)
    page = upload(client, DOUBTFUL).content.decode()
    first = page.split('id="clause-0"', 1)[1].split('id="clause-1"', 1)[0]
    assert "待核对" in first and "不像单位名称" in first
    second = page.split('id="clause-1"', 1)[1]
    assert "待核对" not in second.split("</section>", 1)[0]
    assert not PolicyDocument.objects.filter(doc_number="城管发〔2024〕3号").exists()
