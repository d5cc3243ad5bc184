"""A local DingTalk open platform: the public API (oapi) and the government gateway (专有钉钉/浙政钉).

Public: /gettoken issues tokens (expires_in, and `expire_tokens()` makes the provider reject the
current ones with 42001 as DingTalk does when a token runs out), /topapi/v2/user/getbymobile looks
a mobile up in `directory`, asyncsend_v2 records one work notification per call and answers a
task_id, getsendresult reports the recipients (`invalid` userids come back as invalid).
Scripted answers: `send_errors` are popped one per asyncsend_v2 call (e.g. 90018, rate limit).

Gov: every request must carry the gateway's HMAC-SHA256 headers; the signature is recomputed here
from the method, headers, path and parameters (written from the gateway's description, not from
duban.lib.dingtalk) and a mismatch is refused. /gettoken.json, /mozi/employee/get_by_mobile,
/mozi/employee/listEmployeeAccountIds and /message/workNotification.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

APP_KEY = "ding-app-key"
APP_SECRET = "ding-app-secret"
AGENT_ID = "20231031"
GOV_TENANT = "196729"
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$")


@dataclass
class Notice:
    userid: str
    msg: dict
    task_id: int
    edition: str = "public"


@dataclass
class DingTalkState:
    directory: dict[str, str] = field(default_factory=dict)  # mobile -> userid (gov: accountId)
    invalid: set[str] = field(default_factory=set)  # userids getsendresult reports as invalid
    notices: list[Notice] = field(default_factory=list)
    send_errors: list[tuple[int, str]] = field(default_factory=list)
    expire_after: int = 0  # the tokens run out once this many notices have arrived (mid-batch)
    expires_in: int = 7200
    tokens: set[str] = field(default_factory=set)
    gettoken_calls: int = 0
    lookups: int = 0
    rejected: list[str] = field(default_factory=list)
    nonces: set[str] = field(default_factory=set)
    token_waits: float = 0.0  # slow token issuing: concurrent workers would all ask if uncoordinated
    lock: threading.RLock = field(default_factory=threading.RLock)

    def expire_tokens(self) -> None:
        with self.lock:
            self.tokens.clear()


def gov_expected_signature(method: str, path: str, headers, params: list[tuple[str, str]]) -> str:
    text = "\n".join([method, headers.get("X-Hmac-Auth-Timestamp", ""), headers.get("X-Hmac-Auth-Nonce", ""), path])
    if params:
        text += "\n" + "&".join(f"{k}={v}" for k, v in sorted(params))
    return base64.b64encode(hmac.new(APP_SECRET.encode(), text.encode(), hashlib.sha256).digest()).decode()


class _Handler(BaseHTTPRequestHandler):
    state: DingTalkState

    def log_message(self, *args):
        pass

    def _answer(self, body: dict, status: int = 200) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self._route("GET", b"")

    def do_POST(self):
        self._route("POST", self.rfile.read(int(self.headers.get("Content-Length") or 0)))

    def _route(self, method: str, raw: bytes) -> None:
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qsl(url.query, keep_blank_values=True)
        if "apiKey" in self.headers:
            return self._gov(method, url.path, query, raw)
        args = dict(query)
        if url.path == "/gettoken":
            return self._gettoken(args)
        with self.state.lock:
            if args.get("access_token") not in self.state.tokens:
                return self._answer({"errcode": 42001, "errmsg": "access_token超时"})
        body = json.loads(raw or b"{}")
        handler = {
            "/topapi/v2/user/getbymobile": self._getbymobile,
            "/topapi/message/corpconversation/asyncsend_v2": self._asyncsend,
            "/topapi/message/corpconversation/getsendresult": self._getsendresult,
        }.get(url.path)
        if handler is None:
            return self._answer({"errcode": 404, "errmsg": "请求的URI地址不存在"})
        return handler(body)

    # --- public edition ---------------------------------------------------------------

    def _issue(self) -> str:
        state = self.state
        if state.token_waits:
            threading.Event().wait(state.token_waits)
        with state.lock:
            state.gettoken_calls += 1
            token = f"token-{state.gettoken_calls}"
            state.tokens.add(token)
        return token

    def _gettoken(self, args: dict) -> None:
        if args.get("appkey") != APP_KEY or args.get("appsecret") != APP_SECRET:
            return self._answer({"errcode": 40089, "errmsg": "不合法的corpid或corpsecret"})
        token = self._issue()
        self._answer({"errcode": 0, "errmsg": "ok", "access_token": token, "expires_in": self.state.expires_in})

    def _getbymobile(self, body: dict) -> None:
        with self.state.lock:
            self.state.lookups += 1
            userid = self.state.directory.get(body.get("mobile", ""))
        if userid is None:
            return self._answer({"errcode": 60121, "errmsg": "找不到该用户"})
        self._answer({"errcode": 0, "errmsg": "ok", "result": {"userid": userid}})

    def _asyncsend(self, body: dict) -> None:
        state = self.state
        with state.lock:
            if state.send_errors:
                code, message = state.send_errors.pop(0)
                return self._answer({"errcode": code, "errmsg": message})
            if str(body.get("agent_id")) != AGENT_ID:
                state.rejected.append(f"agent_id {body.get('agent_id')}")
                return self._answer({"errcode": 40056, "errmsg": "不合法的agentid"})
            msg = body.get("msg") or {}
            if msg.get("msgtype") != "action_card" or not msg.get("action_card", {}).get("single_url"):
                state.rejected.append("bad msg")
                return self._answer({"errcode": 40035, "errmsg": "缺少参数 msg"})
            task_id = 700 + len(state.notices) + 1
            state.notices.append(Notice(body.get("userid_list", ""), msg, task_id))
            if state.expire_after and len(state.notices) == state.expire_after:
                state.tokens.clear()
        self._answer({"errcode": 0, "errmsg": "ok", "task_id": task_id, "request_id": f"req{task_id}"})

    def _getsendresult(self, body: dict) -> None:
        state = self.state
        with state.lock:
            notice = next((n for n in state.notices if n.task_id == body.get("task_id")), None)
            if notice is None or str(body.get("agent_id")) != AGENT_ID:
                return self._answer({"errcode": 40035, "errmsg": "不合法的参数"})
            invalid = notice.userid in state.invalid
        lists = {"invalid_user_id_list": [], "unread_user_id_list": []}
        lists["invalid_user_id_list" if invalid else "unread_user_id_list"].append(notice.userid)
        self._answer(
            {"errcode": 0, "errmsg": "ok", "send_result": {**lists, "read_user_id_list": [], "forbidden_list": []}}
        )

    # --- government gateway ------------------------------------------------------------

    def _gov(self, method: str, path: str, query: list, raw: bytes) -> None:
        params = query if method == "GET" else urllib.parse.parse_qsl(raw.decode(), keep_blank_values=True)
        h = self.headers
        problems = []
        if h.get("apiKey") != APP_KEY:
            problems.append("bad apiKey")
        if h.get("X-Hmac-Auth-Signature") != gov_expected_signature(method, path, h, params):
            problems.append("signature mismatch")
        if h.get("X-Hmac-Auth-Version") != "1.0" or not TIMESTAMP.match(h.get("X-Hmac-Auth-Timestamp", "")):
            problems.append("bad version or timestamp")
        if not h.get("X-Hmac-Auth-IP") or not h.get("X-Hmac-Auth-MAC"):
            problems.append("no IP/MAC")
        with self.state.lock:
            if h.get("X-Hmac-Auth-Nonce") in self.state.nonces:
                problems.append("nonce reused")
            self.state.nonces.add(h.get("X-Hmac-Auth-Nonce", ""))
            if problems:
                self.state.rejected.append(",".join(problems))
                return self._answer({"success": False, "errorCode": "InvalidSignature", "errorMsg": ",".join(problems)})
        args = dict(params)
        if path == "/gettoken.json":
            if args.get("appkey") != APP_KEY or args.get("appsecret") != APP_SECRET:
                return self._answer({"success": False, "errorCode": "InvalidAppKey", "errorMsg": "应用不存在"})
            token = self._issue()
            return self._ok({"accessToken": token, "expiresIn": self.state.expires_in})
        if args.get("tenantId") != GOV_TENANT:
            return self._answer(
                {
                    "success": True,
                    "content": {"success": False, "responseCode": "237001", "responseMessage": "租户不存在"},
                }
            )
        if path == "/mozi/employee/get_by_mobile":
            with self.state.lock:
                self.state.lookups += 1
                account = self.state.directory.get(args.get("mobile", ""))
            return self._ok({"employeeCode": f"GE_{account}"} if account else None)
        if path == "/mozi/employee/listEmployeeAccountIds":
            codes = [v for k, v in params if k == "employeeCodes"]
            return self._ok([{"employeeCode": c, "accountId": c.removeprefix("GE_")} for c in codes])
        if path == "/message/workNotification":
            with self.state.lock:
                task_id = 900 + len(self.state.notices) + 1
                self.state.notices.append(Notice(args["receiverIds"], json.loads(args["msg"]), task_id, "gov"))
            return self._answer({"success": True, "content": {"success": True, "msgId": f"msg{task_id}"}})
        self._answer({"success": False, "errorCode": "404", "errorMsg": "not found"}, status=404)

    def _ok(self, data) -> None:
        self._answer({"success": True, "content": {"success": True, "data": data, "responseCode": "0"}})


class DingTalkServer:
    def __init__(self) -> None:
        self.state = DingTalkState()
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def settings_env(self, edition: str = "public") -> dict[str, str]:
        return {
            "DINGTALK_MODE": "work_notice",
            "DINGTALK_EDITION": edition,
            "DINGTALK_API_BASE": self.url,
            "DINGTALK_APP_KEY": APP_KEY,
            "DINGTALK_APP_SECRET": APP_SECRET,
            "DINGTALK_AGENT_ID": AGENT_ID,
            "DINGTALK_GOV_TENANT_ID": GOV_TENANT,
            "DINGTALK_GOV_CLIENT_IP": "10.1.2.3",
            "DINGTALK_GOV_CLIENT_MAC": "00:16:3e:00:00:01",
        }

    def __enter__(self) -> DingTalkServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
