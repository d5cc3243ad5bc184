"""Evidence in an S3-compatible bucket: uploaded through the API and the page, downloaded by a
signed link the store serves itself, refused to those who may not see the task, with no link."""

from __future__ import annotations

import re
from urllib.error import HTTPError
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from policy_tasks.models import Evidence
from tests.api.conftest import PDF, client_for
from tests.storage.conftest import fetch

pytestmark = pytest.mark.django_db
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4e40000000049454e44ae426082"
)


def _signed(response, bucket) -> str:
    assert response.status_code == 302
    url = response["Location"]
    assert url.startswith(f"{bucket.endpoint}/{bucket.name}/evidence/")
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"] and query["X-Amz-Signature"]
    assert query["X-Amz-Expires"] == ["300"]  # S3_SIGNED_URL_SECONDS' default
    assert "no-store" in response["Cache-Control"]
    return url


def test_evidence_uploaded_through_the_api_is_in_the_bucket_and_downloads_by_a_signed_link(world, bucket, settings):
    uploaded = client_for(world.lead_clerk).post(
        f"/api/v1/tasks/{world.task.pk}/evidence/",
        {"file": SimpleUploadedFile("开工令 (盖章).pdf", PDF)},
        format="multipart",
    )
    assert uploaded.status_code == 201, uploaded.json()
    evidence = Evidence.objects.get(pk=uploaded.json()["id"])
    assert bucket.keys() == [evidence.file.name]
    assert bucket.read(evidence.file.name) == PDF
    head = bucket.client.head_object(Bucket=bucket.name, Key=evidence.file.name)
    assert head["ContentType"] == "application/pdf"
    assert not (settings.MEDIA_ROOT / "evidence").exists()  # nothing on this node's disk

    response = client_for(world.supervisor).get(f"/api/v1/evidence/{evidence.pk}/download/")
    url = _signed(response, bucket)
    body, headers = fetch(url)
    assert body == PDF
    assert headers["Content-Type"] == "application/pdf"
    # The store answers with the same header the streamed download carries (RFC 5987 filename*).
    name = quote("开工令 (盖章).pdf", safe="")
    assert headers["Content-Disposition"] == f"attachment; filename=\"evidence.pdf\"; filename*=UTF-8''{name}"
    # The object itself is private: without the link's signature the store refuses it.
    with pytest.raises(HTTPError) as refused:
        fetch(url.split("?", 1)[0])
    assert refused.value.code == 403


def test_a_user_who_may_not_see_the_task_gets_a_404_and_no_link(world, bucket):
    uploaded = client_for(world.lead_clerk).post(
        f"/api/v1/tasks/{world.task.pk}/evidence/", {"file": SimpleUploadedFile("a.pdf", PDF)}, format="multipart"
    )
    pk = uploaded.json()["id"]
    refused = client_for(world.other_clerk).get(f"/api/v1/evidence/{pk}/download/")
    assert refused.status_code == 404
    assert "Location" not in refused and bucket.name not in refused.content.decode()
    anonymous = client_for().get(f"/api/v1/evidence/{pk}/download/")
    assert anonymous.status_code == 401 and "Location" not in anonymous


def test_evidence_uploaded_on_the_page_downloads_from_the_page_by_a_signed_link(world, bucket, client):
    client.force_login(world.lead_clerk)
    posted = client.post(f"/tasks/{world.task.pk}/evidence/", {"file": SimpleUploadedFile("现场照片.png", PNG)})
    assert posted.status_code == 302
    evidence = Evidence.objects.get()
    assert bucket.read(evidence.file.name) == PNG
    page = client.get(f"/tasks/{world.task.pk}/").content.decode()
    link = re.search(rf'href="(/evidence/{evidence.pk}/)"', page)
    assert link, "the task page links the evidence"

    client.force_login(world.co_clerk)
    body, headers = fetch(_signed(client.get(link.group(1)), bucket))
    assert body == PNG
    assert headers["Content-Type"] == "image/png"
    name = quote("现场照片.png", safe="")
    assert headers["Content-Disposition"] == f"attachment; filename=\"evidence.png\"; filename*=UTF-8''{name}"

    client.force_login(world.other_clerk)
    refused = client.get(link.group(1))
    assert refused.status_code == 404 and "Location" not in refused


def test_an_object_gone_from_the_bucket_is_a_404_with_a_message_not_a_link(world, bucket):
    uploaded = client_for(world.lead_clerk).post(
        f"/api/v1/tasks/{world.task.pk}/evidence/", {"file": SimpleUploadedFile("a.pdf", PDF)}, format="multipart"
    )
    evidence = Evidence.objects.get(pk=uploaded.json()["id"])
    bucket.client.delete_object(Bucket=bucket.name, Key=evidence.file.name)
    response = client_for(world.supervisor).get(f"/api/v1/evidence/{evidence.pk}/download/")
    assert response.status_code == 404 and "Location" not in response
    assert response.json()["error"]["message"] == "佐证材料文件已不存在，请联系管理员"


def test_the_same_file_twice_is_one_object(world, bucket):
    for name in ("一.pdf", "二.pdf"):
        response = client_for(world.lead_clerk).post(
            f"/api/v1/tasks/{world.task.pk}/evidence/", {"file": SimpleUploadedFile(name, PDF)}, format="multipart"
        )
        assert response.status_code == 201
    assert Evidence.objects.count() == 2
    assert len(bucket.keys()) == 1
