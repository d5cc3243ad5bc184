"""What each audit action is called in Chinese: the task page's history and the admin show these.

Every action a service, signal watcher or admin action writes has a label here;
tests/web/test_admin_chinese.py reads the source for action names and fails on a missing one.
"""

from __future__ import annotations

AUDIT_LABELS = {
    "report.file": "填报进度",
    "report.update": "修改进度填报",
    "evidence.upload": "上传佐证材料",
    "milestone.request_completion": "申请办结",
    "milestone.verify": "审核销号",
    "milestone.return": "退回办结申请",
    "extension.request": "申请延期",
    "extension.grant": "批准延期",
    "extension.refuse": "不予批准延期",
    "urge.issue": "下发催办",
    "urge.escalate": "督办单逾期升级",
    "urge.acknowledge": "签收催办",
    "urge.reply": "回复催办",
    "document.import": "导入文件",
    "document.reimport": "更新文件",
    "document.generate_periods": "生成填报周期",
    "document.scoring_update": "修改考核计分标准",
    "task.reimport": "更新文件时调整任务",
    "task.withdraw": "撤销任务",
    "task_source.create": "登记批示/交办事项",
    "task_source.container": "新建批示/交办事项年度台账",
    "task.decompose": "分解任务",
    "calendar_day.create": "新增节假日/调休",
    "calendar_day.update": "修改节假日/调休",
    "calendar_day.delete": "删除节假日/调休",
    "calendar_token.create": "创建日历订阅",
    "calendar_token.revoke": "吊销日历订阅",
    "delivery.retry": "重新发送提醒",
    "auth.login": "登录",
    "auth.login_failed": "登录失败",
    "auth.locked_out": "登录被锁定",
    "auth.unlocked": "解除登录锁定",
    "auth.otp_failed": "动态口令错误",
    "auth.mfa_enrolled": "设置双因素认证",
    "auth.mfa_reset": "重置双因素认证",
    "auth.password_changed": "修改密码",
}

# What `audit_signals.watch` records, as `<name>_added|_changed|_deleted`.
_WATCHED = {
    "account.user": "用户",
    "account.role_grant": "全局角色",
    "account.membership": "单位成员",
    "account.unit": "责任单位",
    "account.unit_alias": "单位别名",
    "account.group": "用户组",
    "account.supervision_scope": "督查范围",
    "settings.periodic_task": "定时任务",
    "settings.reminder_rule": "提醒规则",
    "settings.notification_preference": "通知偏好",
}
_VERBS = {"added": "新增", "changed": "修改", "deleted": "删除"}
AUDIT_LABELS.update(
    {f"{name}_{verb}": f"{verb_label}{noun}" for name, noun in _WATCHED.items() for verb, verb_label in _VERBS.items()}
)


def audit_label(action: str) -> str:
    """The Chinese name of `action`; an unknown one (from a newer release) as it was written."""
    return AUDIT_LABELS.get(action, action)
