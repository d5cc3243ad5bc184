"""DingTalk work notifications ("工作通知") to one person, through an enterprise internal app.

DINGTALK_MODE=work_notice. The recipient's DingTalk id is looked up by mobile once and kept on
the account (User.dingtalk_userid); the reminder goes as an action card whose button opens the
task page. Tokens, signing and error codes live in duban.lib.dingtalk.

Public edition (oapi.dingtalk.com): getbymobile → asyncsend_v2 to that one userid, whose task_id
is the provider message id ("dtask:<task_id>"); getsendresult reads the result back later
(notifications/services/dingtalk_readback.py). Government edition (专有钉钉/浙政钉 gateway):
get_by_mobile gives the employeeCode, listEmployeeAccountIds its accountId, and
/message/workNotification sends to it ("zwd:<msgId>"); the gateway offers no result query.

At most once, like the robot: DingTalk does not recognise a resent notification as a duplicate.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction

from accounts.models import User
from duban.lib.dingtalk import DingTalkError, call_gov, call_oapi, edition
from notifications.models import Channel
from notifications.transports.base import Transport, TransportError
from notifications.transports.outgoing import Outgoing

TASK_PREFIX = "dtask:"
GOV_PREFIX = "zwd:"
# getbymobile: "找不到该用户" (also answered for a number outside the app's visible range).
NOT_FOUND_CODES = {60121, "60121"}


def _error(exc: DingTalkError, *, doing: str, sent: bool) -> TransportError:
    # Before the message itself is sent (token, look-up), a timeout cannot have sent anything.
    return TransportError(f"{doing}：{exc}", permanent=not exc.transient, ambiguous=exc.ambiguous and sent)


def remember_userid(user: User, userid: str) -> None:
    """Keep the looked-up id on the account, so the next reminder skips the look-up.

    Conditional on the field still being empty (an admin's binding wins); not an account change
    anyone made, so a plain UPDATE without an audit event. Another account already bound to the
    same DingTalk user (two accounts with one mobile) is for an admin to sort out."""
    try:
        with transaction.atomic():
            User.objects.filter(pk=user.pk, dingtalk_userid="").update(dingtalk_userid=userid)
    except IntegrityError as exc:
        raise TransportError(
            f"手机号 {user.phone} 对应的钉钉用户已绑定到其他账户，请管理员核对账户的钉钉用户ID", permanent=True
        ) from exc
    user.dingtalk_userid = userid


def action_card(message: Any) -> dict:
    # DingTalk markdown needs a blank line (or two trailing spaces) for a line break.
    text = message.body.replace("\n", "  \n")
    return {
        "msgtype": "action_card",
        "action_card": {
            "title": message.subject[:64],
            "markdown": f"### {message.subject}\n\n{text}",
            "single_title": "查看详情",
            "single_url": message.link,
        },
    }


class WorkNoticeTransport(Transport):
    channel = Channel.DINGTALK
    at_most_once = True

    def __init__(self) -> None:
        self.last_answer: dict | None = None

    def send(self, out: Outgoing) -> str:
        userid = self.userid_for(out.recipient)
        card = action_card(out.text)
        try:
            if edition() == "gov":
                return self._send_gov(userid, card, out.ref)
            answer = call_oapi(
                "topapi/message/corpconversation/asyncsend_v2",
                {"agent_id": int(settings.DINGTALK_AGENT_ID), "userid_list": userid, "msg": card},
            )
        except DingTalkError as exc:
            self.last_answer = exc.answer
            raise _error(exc, doing="钉钉工作通知发送失败", sent=True) from exc
        self.last_answer = answer
        return f"{TASK_PREFIX}{answer.get('task_id')}"

    def _send_gov(self, userid: str, card: dict, delivery_id: int | str) -> str:
        params = {
            "msg": json.dumps(card, ensure_ascii=False, separators=(",", ":")),
            "receiverIds": userid,
            "tenantId": settings.DINGTALK_GOV_TENANT_ID,
            "bizMsgId": f"duban-{delivery_id}",
        }
        answer = call_gov("/message/workNotification", params)
        self.last_answer = answer
        content = answer.get("content") or {}
        msg_id = content.get("msgId") or content.get("data") or f"duban-{delivery_id}"
        return f"{GOV_PREFIX}{msg_id}"

    # --- who ----------------------------------------------------------------------------

    def userid_for(self, user: User) -> str:
        if not user.dingtalk_userid:
            # The batch loaded its recipients before an earlier row of it looked this one up.
            user.dingtalk_userid = (
                User.objects.filter(pk=user.pk).values_list("dingtalk_userid", flat=True).first() or ""
            )
        if user.dingtalk_userid:
            return user.dingtalk_userid
        if not user.phone:
            raise TransportError("账户未登记手机号，也未绑定钉钉用户ID，无法发送钉钉工作通知", permanent=True)
        try:
            userid = self._lookup_gov(user.phone) if edition() == "gov" else self._lookup_public(user.phone)
        except DingTalkError as exc:
            self.last_answer = exc.answer
            if exc.code in NOT_FOUND_CODES:
                raise TransportError(
                    f"钉钉通讯录中找不到手机号 {user.phone} 的用户（或不在应用可见范围内）", permanent=True
                ) from exc
            raise _error(exc, doing="按手机号查询钉钉用户失败", sent=False) from exc
        if not userid:
            raise TransportError(f"钉钉通讯录中找不到手机号 {user.phone} 的用户", permanent=True)
        remember_userid(user, userid)
        return userid

    def _lookup_public(self, phone: str) -> str:
        answer = call_oapi("topapi/v2/user/getbymobile", {"mobile": phone})
        self.last_answer = answer
        return str((answer.get("result") or {}).get("userid") or "")

    def _lookup_gov(self, phone: str) -> str:
        tenant = settings.DINGTALK_GOV_TENANT_ID
        params = {"areaCode": "86", "mobile": phone, "namespace": "local", "tenantId": tenant}
        answer = call_gov("/mozi/employee/get_by_mobile", params)
        code = ((answer.get("content") or {}).get("data") or {}).get("employeeCode")
        if not code:
            return ""
        answer = call_gov("/mozi/employee/listEmployeeAccountIds", {"employeeCodes": [code], "tenantId": tenant})
        self.last_answer = answer
        rows = (answer.get("content") or {}).get("data") or []
        return str(rows[0].get("accountId") or "") if rows else ""


def send_result(provider_id: str, userid: str) -> tuple[str, str]:
    """What DingTalk says became of a sent work notification (public edition):
    ("delivered" | "failed" | "pending", reason). Raises DingTalkError."""
    task_id = int(provider_id.removeprefix(TASK_PREFIX).split(":")[0])
    answer = call_oapi(
        "topapi/message/corpconversation/getsendresult",
        {"agent_id": int(settings.DINGTALK_AGENT_ID), "task_id": task_id},
    )
    result = answer.get("send_result") or {}
    if userid in (result.get("invalid_user_id_list") or []):
        return "failed", f"钉钉回执：接收人 {userid} 无效（已离职、已删除或不在应用可见范围内），工作通知未送达"
    blocked = [row for row in result.get("forbidden_list") or [] if row.get("userid") == userid]
    if blocked or userid in (result.get("forbidden_user_id_list") or []):
        code = f"（{blocked[0].get('code')}）" if blocked and blocked[0].get("code") else ""
        return "failed", f"钉钉回执：发给 {userid} 的工作通知被钉钉限制发送{code}（超过每人每日上限或内容重复），未送达"
    if userid in (result.get("failed_user_id_list") or []):
        return "failed", f"钉钉回执：发给 {userid} 的工作通知发送失败"
    if userid in (result.get("read_user_id_list") or []) or userid in (result.get("unread_user_id_list") or []):
        return "delivered", ""
    return "pending", ""
