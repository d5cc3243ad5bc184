"""deploy/nginx/duban.conf in front of gunicorn, with the project's own pages (docs/security.md
「传输加密」, deploy/nginx/README.md).

The test runs the shipped file itself: only its ports, certificate, static folder, log and include
paths are replaced by this machine's (each replacement must match, so the file and the test cannot
drift apart). gunicorn runs with DEBUG off and the production HTTPS settings; nginx ends TLS with a
certificate from a private CA that the test's client trusts.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth.hashers import make_password
from knox.models import AuthToken

from tests.conftest import services_unavailable
from tests.foundation.servers import free_port
from tests.foundation.tls import make_certificates
from tests.health.conftest import wait_for
from tests.storage.test_s3_web_nodes import _multipart

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]
NGINX_DIR = ROOT / "deploy" / "nginx"
PASSWORD = "Nginx-TLS-test-pa55word"
MB = 1024 * 1024
HSTS = "max-age=31536000; includeSubDomains"
SETTINGS = "tests.topology.nginx_settings"


def _shipped_config(replacements: dict[str, str]) -> str:
    text = (NGINX_DIR / "duban.conf").read_text()
    for old, new in replacements.items():
        assert old in text, f"deploy/nginx/duban.conf no longer has {old!r}: update this test with it"
        text = text.replace(old, new)
    return text


class Nginx:
    def __init__(self, folder: Path, *, upstream: int, static_root: Path):
        binary = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
        if binary is None:
            services_unavailable("nginx is not installed (apt-get install nginx)")
        self.folder, self.static_root, self.https, self.http = folder, static_root, free_port(), free_port()
        self.certs = make_certificates(folder / "certs")
        self.access_log = folder / "access.log"
        site = _shipped_config(
            {
                "listen 80;": f"listen 127.0.0.1:{self.http};",
                "listen 443 ssl http2;": f"listen 127.0.0.1:{self.https} ssl http2;",
                "server 127.0.0.1:8000;": f"server 127.0.0.1:{upstream};",
                "/etc/duban/tls/duban.crt": str(self.certs.cert),
                "/etc/duban/tls/duban.key": str(self.certs.key),
                "/var/lib/duban/static/": f"{static_root}/",
                "/var/log/nginx/duban.access.log": str(self.access_log),
                "/etc/nginx/duban_proxy.conf": str(NGINX_DIR / "duban_proxy.conf"),
            }
        )
        (folder / "duban.conf").write_text(site)
        temp = {name: folder / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
        for path in temp.values():
            path.mkdir()
        # The test's folders are its own user's only; run the workers as that user.
        user = "user root;" if os.geteuid() == 0 else ""
        (folder / "nginx.conf").write_text(
            f"""{user}
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log info;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    include {folder}/duban.conf;
}}
"""
        )
        argv = [binary, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(folder / "error.log")]
        check = subprocess.run([*argv, "-t"], capture_output=True, text=True, timeout=30)
        assert check.returncode == 0, check.stderr
        self.process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.https), timeout=0.5).close()
                break
            except OSError:
                assert self.process.poll() is None, (folder / "error.log").read_text()[-2000:]
                assert time.monotonic() < deadline, "nginx did not listen within 15 s"
                time.sleep(0.1)
        self.context = ssl.create_default_context(cafile=str(self.certs.ca))

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None, *, tls=True):
        if tls:
            conn = http.client.HTTPSConnection("127.0.0.1", self.https, context=self.context, timeout=60)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.http, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=15)


def _collectstatic(var_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(DEBUG="false", SECRET_KEY="collectstatic-" + "x9Q!zP2#" * 6, ALLOWED_HOSTS="127.0.0.1")
    env.update(DJANGO_SETTINGS_MODULE=SETTINGS, PYTHONPATH=str(ROOT))
    env["DUBAN_VAR_DIR"] = str(var_dir)
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.fixture(scope="module")
def collected(tmp_path_factory) -> Path:
    """One collectstatic for the module: DUBAN_VAR_DIR of every web node here."""
    var_dir = tmp_path_factory.mktemp("nginx-var")
    _collectstatic(var_dir)
    return var_dir


@pytest.fixture
def front(world, web_nodes, tmp_path, settings, collected):
    """nginx with the shipped configuration in front of one gunicorn web node (DEBUG off)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    world.lead_clerk.password = make_password(PASSWORD)
    world.lead_clerk.save(update_fields=["password"])
    var_dir, static_root = collected, collected / "static"
    node = web_nodes.start(
        SECURE_SSL_REDIRECT="true",  # production's: behind nginx no request is plain HTTP to Django
        DUBAN_VAR_DIR=str(var_dir),
        DUBAN_PASSWORD_MAX_AGE_DAYS="0",
        DUBAN_TRUSTED_PROXIES="127.0.0.1",  # as deploy/env.example
        DJANGO_SETTINGS_MODULE=SETTINGS,
    )
    nginx = Nginx(tmp_path / "nginx", upstream=int(node.rsplit(":", 1)[1]), static_root=static_root)
    yield nginx
    nginx.stop()


def _cookies(headers) -> dict[str, str]:
    """Set-Cookie lines by cookie name."""
    return {line.split("=", 1)[0]: line for line in headers.get_all("Set-Cookie") or []}


def test_pages_over_tls_with_hsts_secure_cookies_and_the_request_id(front, world):
    status, headers, body = front.request("GET", "/login/", headers={"X-Request-ID": "chosen-by-the-client"})
    assert status == 200 and "登录" in body.decode()
    assert headers.get_all("Strict-Transport-Security") == [HSTS]
    csrf = _cookies(headers)["csrftoken"]
    assert "; Secure" in csrf
    # nginx replaces a client's id with its own; the application logs and answers with that one.
    request_id = headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    # nginx writes the access log line after the answer has gone.
    wait_for(lambda: f"rid={request_id}" in front.access_log.read_text(), timeout=5, message="the access log line")
    [line] = [x for x in front.access_log.read_text().splitlines() if f"rid={request_id}" in x]
    assert '"GET /login/ HTTP/1.1" 200 ' in line

    # Signing in: the session cookie is Secure and HttpOnly, and no redirect loop (X-Forwarded-Proto).
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode()).group(1)
    status, headers, _ = front.request(
        "POST",
        "/login/",
        body=f"username=lead_clerk&password={PASSWORD}&csrfmiddlewaretoken={token}".encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": csrf.split(";", 1)[0],
            # What a browser sends on port 443 (nginx passes Host without the port).
            "Referer": "https://127.0.0.1/login/",
        },
    )
    assert status == 302, headers
    session = _cookies(headers)["sessionid"]
    assert "; Secure" in session and "; HttpOnly" in session
    status, headers, body = front.request("GET", headers["Location"], headers={"Cookie": session.split(";", 1)[0]})
    assert status in (200, 302) and not headers.get("Location", "").startswith("http://")


def test_plain_http_only_redirects_to_https(front):
    status, headers, body = front.request("GET", "/login/?next=/tasks/", tls=False)
    assert status == 301
    assert headers["Location"] == "https://127.0.0.1/login/?next=/tasks/"
    assert "Set-Cookie" not in headers and b"csrfmiddlewaretoken" not in body


def test_static_files_come_from_collectstatic_through_nginx(front):
    _, _, page = front.request("GET", "/login/")
    path = re.search(r'(/static/[^"]+\.css)"', page.decode()).group(1)
    status, headers, body = front.request("GET", path)
    assert status == 200 and body == (front.static_root / path.removeprefix("/static/")).read_bytes()
    assert headers["Cache-Control"] == "max-age=2592000"  # nginx's `expires 30d`, not whitenoise's
    assert "X-Request-ID" not in headers  # never reached the application
    assert headers.get_all("Strict-Transport-Security") == [HSTS]


def test_an_upload_at_the_limit_passes_and_a_bigger_body_is_refused_in_the_api_shape(front, world):
    _, key = AuthToken.objects.create(user=world.lead_clerk)

    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    largest = pdf + b"%" * (20 * MB - len(pdf))  # EVIDENCE_MAX_BYTES exactly
    body, content_type = _multipart("验收报告.pdf", largest)
    auth = {"Authorization": f"Token {key}", "Content-Type": content_type}
    status, _, answer = front.request("POST", f"/api/v1/tasks/{world.task.pk}/evidence/", body, auth)
    assert status == 201, answer[:500]
    assert json.loads(answer)["size"] == 20 * MB

    too_big = b"x" * (25 * MB + 1)
    status, headers, answer = front.request("POST", f"/api/v1/tasks/{world.task.pk}/evidence/", too_big, auth)
    assert status == 413
    error = json.loads(answer)["error"]
    assert error["code"] == "too_large" and "25 MB" in error["message"]
    assert headers.get_all("Strict-Transport-Security") == [HSTS]
    assert "X-Request-ID" not in headers  # refused by nginx before gunicorn read a byte


def test_metrics_are_refused_from_outside_the_allowed_addresses(front):
    status, headers, _ = front.request("GET", "/metrics")
    assert status == 403
    assert "X-Request-ID" not in headers
