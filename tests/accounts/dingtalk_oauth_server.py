"""A local DingTalk that speaks the sign-in protocols, written from DingTalk's documents.

Public edition: the QR-code page (login.dingtalk.com /oauth2/auth, which here "scans" as
the person the test names and sends the browser back), the new API's
/v1.0/oauth2/userAccessToken and /v1.0/contact/users/me, and oapi's /gettoken,
topapi/user/getbyunionid, topapi/v2/user/getuserinfo (免登) and topapi/v2/user/get.
Government edition (浙政钉): /gettoken.json, /rpc/oauth2/getuserinfo_bycode.json and
/rpc/oauth2/dingtalk_app_user.json, each request's HMAC-SHA256 header signature checked.

Every code is good once; the app's key and secret, tokens and signatures are checked, so a
client that gets any of them wrong is refused as DingTalk would refuse it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

APP_KEY = "ding-signin-test-key"
APP_SECRET = "ding-signin-test-secret"


@dataclass
class Person:
    userid: str
    unionid: str
    mobile: str
    state_code: str = "86"
    in_org: bool = True  # a DingTalk user outside the organisation has no userid in it
    account_id: str = ""  # 浙政钉


@dataclass
class DingTalkState:
    people: list[Person] = field(default_factory=list)
    scanner: Person | None = None  # who scans the next QR code
    scan_codes: dict[str, Person] = field(default_factory=dict)
    auth_codes: dict[str, Person] = field(default_factory=dict)
    user_tokens: dict[str, Person] = field(default_factory=dict)
    app_tokens: set[str] = field(default_factory=set)
    calls: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, person: Person) -> Person:
        self.people.append(person)
        return person

    def auth_code(self, person: Person) -> str:
        """What dd.runtime.permission.requestAuthCode gives the page inside the DingTalk client."""
        code = "auth-" + secrets.token_hex(8)
        self.auth_codes[code] = person
        return code

    def scan_code(self, person: Person) -> str:
        code = "scan-" + secrets.token_hex(8)
        self.scan_codes[code] = person
        return code


def gov_expected_signature(secret: str, method: str, timestamp: str, nonce: str, uri: str, params: dict) -> str:
    # 专有钉钉 gateway: METHOD\ntimestamp\nnonce\nuri[\nk=v&k=v sorted], HMAC-SHA256 keyed by the secret, base64.
    text = f"{method}\n{timestamp}\n{nonce}\n{uri}"
    if params:
        text += "\n" + "&".join(f"{k}={v}" for k, v in sorted(params.items()))
    return base64.b64encode(hmac.new(secret.encode(), text.encode(), hashlib.sha256).digest()).decode()


class _Handler(BaseHTTPRequestHandler):
    state: DingTalkState

    def log_message(self, *args):
        pass

    def _send(self, status: int, body: dict, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _refuse(self, status: int, body: dict) -> None:
        self.state.refused.append(self.path.split("?")[0])
        self._send(status, body)

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        with self.state.lock:
            self.state.calls.append(f"GET {url.path}")
            if url.path in ("/oauth2/auth", "/oauth2/auth.htm"):
                return self._login_page(query)
            if url.path == "/gettoken":
                return self._gettoken(query)
            if url.path == "/v1.0/contact/users/me":
                return self._users_me()
            if url.path == "/gettoken.json":
                return self._gov(url.path, "GET", query)
        self._send(404, {"code": "NotFound"})

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        raw = self._body()
        with self.state.lock:
            self.state.calls.append(f"POST {url.path}")
            if url.path == "/v1.0/oauth2/userAccessToken":
                return self._user_access_token(json.loads(raw or b"{}"))
            if url.path.startswith("/topapi/"):
                return self._oapi(url.path, query, json.loads(raw or b"{}"))
            if url.path.startswith("/rpc/oauth2/"):
                return self._gov(url.path, "POST", dict(urllib.parse.parse_qsl(raw.decode())))
        self._send(404, {"code": "NotFound"})

    # --- the QR-code page ---------------------------------------------------------------

    def _login_page(self, query: dict) -> None:
        if query.get("client_id") != APP_KEY or query.get("response_type") != "code" or not query.get("state"):
            return self._refuse(400, {"code": "invalidRequest"})
        person = self.state.scanner
        if person is None:
            return self._refuse(400, {"code": "nobodyScanned"})
        code = self.state.scan_code(person)
        name = "code" if self.path.startswith("/oauth2/auth.htm") else "authCode"
        joiner = "&" if "?" in query["redirect_uri"] else "?"
        back = f"{query['redirect_uri']}{joiner}{urllib.parse.urlencode({name: code, 'state': query['state']})}"
        self._send(302, {}, {"Location": back})

    # --- public edition -----------------------------------------------------------------

    def _gettoken(self, query: dict) -> None:
        if query.get("appkey") != APP_KEY or query.get("appsecret") != APP_SECRET:
            return self._refuse(200, {"errcode": 40089, "errmsg": "不合法的corpid或corpsecret"})
        token = "app-" + secrets.token_hex(8)
        self.state.app_tokens.add(token)
        self._send(200, {"errcode": 0, "errmsg": "ok", "access_token": token, "expires_in": 7200})

    def _user_access_token(self, body: dict) -> None:
        if body.get("clientId") != APP_KEY or body.get("clientSecret") != APP_SECRET:
            return self._refuse(400, {"code": "invalidClientId", "message": "无效的clientId或clientSecret"})
        if body.get("grantType") != "authorization_code":
            return self._refuse(400, {"code": "invalidGrantType", "message": "grantType不合法"})
        person = self.state.scan_codes.pop(body.get("code") or "", None)
        if person is None:
            return self._refuse(400, {"code": "invalidAuthCode", "message": "不合法的临时授权码"})
        token = "user-" + secrets.token_hex(8)
        self.state.user_tokens[token] = person
        self._send(200, {"accessToken": token, "refreshToken": "r-" + token, "expireIn": 7200})

    def _users_me(self) -> None:
        person = self.state.user_tokens.get(self.headers.get("x-acs-dingtalk-access-token") or "")
        if person is None:
            return self._refuse(401, {"code": "InvalidAuthentication", "message": "不合法的access_token"})
        me = {"nick": "测试", "unionId": person.unionid, "openId": "o-" + person.unionid}
        if person.mobile:
            me.update(mobile=person.mobile, stateCode=person.state_code)
        self._send(200, me)

    def _oapi(self, path: str, query: dict, body: dict) -> None:
        if query.get("access_token") not in self.state.app_tokens:
            return self._refuse(200, {"errcode": 40014, "errmsg": "不合法的access_token"})
        if path == "/topapi/user/getbyunionid":
            person = next((p for p in self.state.people if p.in_org and p.unionid == body.get("unionid")), None)
            if person is None:
                return self._refuse(200, {"errcode": 60121, "errmsg": "找不到该用户"})
            return self._send(
                200, {"errcode": 0, "errmsg": "ok", "result": {"contact_type": 0, "userid": person.userid}}
            )
        if path == "/topapi/v2/user/getuserinfo":
            person = self.state.auth_codes.pop(body.get("code") or "", None)
            if person is None:
                return self._refuse(200, {"errcode": 40078, "errmsg": "不存在的临时授权码"})
            result = {"userid": person.userid, "unionid": person.unionid, "name": "测试", "sys": False}
            return self._send(200, {"errcode": 0, "errmsg": "ok", "result": result})
        if path == "/topapi/v2/user/get":
            person = next((p for p in self.state.people if p.in_org and p.userid == body.get("userid")), None)
            if person is None:
                return self._refuse(200, {"errcode": 60121, "errmsg": "找不到该用户"})
            result = {"userid": person.userid, "unionid": person.unionid, "name": "测试"}
            if person.mobile:
                result.update(mobile=person.mobile, state_code=person.state_code)
            return self._send(200, {"errcode": 0, "errmsg": "ok", "result": result})
        self._send(404, {"errcode": 404, "errmsg": "no such api"})

    # --- government edition -------------------------------------------------------------

    def _gov_signed(self, method: str, uri: str, params: dict) -> bool:
        h = self.headers
        if h.get("apiKey") != APP_KEY or h.get("X-Hmac-Auth-Version") != "1.0":
            return False
        timestamp, nonce = h.get("X-Hmac-Auth-Timestamp") or "", h.get("X-Hmac-Auth-Nonce") or ""
        expected = gov_expected_signature(APP_SECRET, method, timestamp, nonce, uri, params)
        return bool(timestamp and nonce) and hmac.compare_digest(expected, h.get("X-Hmac-Auth-Signature") or "")

    def _gov_ok(self, data: dict) -> None:
        self._send(200, {"success": True, "content": {"success": True, "data": data, "responseCode": "0"}})

    def _gov_no(self, code: str, message: str) -> None:
        self._refuse(
            200, {"success": True, "content": {"success": False, "responseCode": code, "responseMessage": message}}
        )

    def _gov(self, path: str, method: str, params: dict) -> None:
        if not self._gov_signed(method, path, params):
            return self._refuse(200, {"success": False, "errorCode": "INVALID_SIGNATURE", "errorMsg": "签名错误"})
        if path == "/gettoken.json":
            if params.get("appkey") != APP_KEY or params.get("appsecret") != APP_SECRET:
                return self._gov_no("INVALID_APP", "应用不存在或密钥错误")
            token = "gov-" + secrets.token_hex(8)
            self.state.app_tokens.add(token)
            return self._gov_ok({"accessToken": token, "expiresIn": 7200})
        if params.get("access_token") not in self.state.app_tokens:
            return self._gov_no("INVALID_TOKEN", "access_token无效")
        if path == "/rpc/oauth2/getuserinfo_bycode.json":
            person = self.state.scan_codes.pop(params.get("code") or "", None)
        elif path == "/rpc/oauth2/dingtalk_app_user.json":
            person = self.state.auth_codes.pop(params.get("auth_code") or "", None)
        else:
            return self._send(404, {"success": False, "errorCode": "NOT_FOUND"})
        if person is None:
            return self._gov_no("CODE_INVALID", "授权码无效或已过期")
        data = {"accountId": int(person.account_id), "lastName": "测试", "employeeCode": "E" + person.account_id}
        self._gov_ok(data)


class DingTalkServer:
    def __init__(self) -> None:
        self.state = DingTalkState()
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> DingTalkServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
