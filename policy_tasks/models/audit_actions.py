"""Every action the audit trail records, with its Chinese name: the task page's history and the
admin show the name, logs and `verify_audit` speak in codes.

The codes are stored as written and covered by each event's hash, so a member's value never
changes; a new action is a new member. accounts records nothing itself (its changes reach the
chain through policy_tasks.audit_signals and services.signin), so the one list lives here.

`AuditEvent.action` keeps no `choices=`: events written by another release may carry a code this
one does not know, and each new action would otherwise need a migration and change the API schema.
"""

from __future__ import annotations

from django.db import models


class AuditAction(models.TextChoices):
    REPORT_FILE = "report.file", "填报进度"
    REPORT_UPDATE = "report.update", "修改进度填报"
    EVIDENCE_UPLOAD = "evidence.upload", "上传佐证材料"
    MILESTONE_REQUEST_COMPLETION = "milestone.request_completion", "申请办结"
    MILESTONE_VERIFY = "milestone.verify", "审核销号"
    MILESTONE_RETURN = "milestone.return", "退回办结申请"
    MILESTONE_RECURRING_GENERATE = "milestone.recurring_generate", "生成周期性要求节点"
    EXTENSION_REQUEST = "extension.request", "申请延期"
    EXTENSION_GRANT = "extension.grant", "批准延期"
    EXTENSION_REFUSE = "extension.refuse", "不予批准延期"
    URGE_ISSUE = "urge.issue", "下发催办"
    URGE_ESCALATE = "urge.escalate", "督办单逾期升级"
    URGE_ACKNOWLEDGE = "urge.acknowledge", "签收催办"
    URGE_REPLY = "urge.reply", "回复催办"
    DOCUMENT_IMPORT = "document.import", "导入文件"
    DOCUMENT_REIMPORT = "document.reimport", "更新文件"
    DOCUMENT_GENERATE_PERIODS = "document.generate_periods", "生成填报周期"
    DOCUMENT_SCORING_UPDATE = "document.scoring_update", "修改考核计分标准"
    TASK_REIMPORT = "task.reimport", "更新文件时调整任务"
    TASK_WITHDRAW = "task.withdraw", "撤销任务"
    TASK_SOURCE_CREATE = "task_source.create", "登记批示/交办事项"
    TASK_SOURCE_CONTAINER = "task_source.container", "新建批示/交办事项年度台账"
    TASK_DECOMPOSE = "task.decompose", "分解任务"
    CALENDAR_DAY_CREATE = "calendar_day.create", "新增节假日/调休"
    CALENDAR_DAY_UPDATE = "calendar_day.update", "修改节假日/调休"
    CALENDAR_DAY_DELETE = "calendar_day.delete", "删除节假日/调休"
    CALENDAR_TOKEN_CREATE = "calendar_token.create", "创建日历订阅"
    CALENDAR_TOKEN_REVOKE = "calendar_token.revoke", "吊销日历订阅"
    DELIVERY_RETRY = "delivery.retry", "重新发送提醒"
    AUTH_LOGIN = "auth.login", "登录"
    AUTH_LOGIN_FAILED = "auth.login_failed", "登录失败"
    AUTH_LOCKED_OUT = "auth.locked_out", "登录被锁定"
    AUTH_UNLOCKED = "auth.unlocked", "解除登录锁定"
    AUTH_OTP_FAILED = "auth.otp_failed", "动态口令错误"
    AUTH_MFA_ENROLLED = "auth.mfa_enrolled", "设置双因素认证"
    AUTH_MFA_RESET = "auth.mfa_reset", "重置双因素认证"
    AUTH_PASSWORD_CHANGED = "auth.password_changed", "修改密码"
    # What audit_signals.watch(model, name) records as `<name>_added|_changed|_deleted`.
    ACCOUNT_USER_ADDED = "account.user_added", "新增用户"
    ACCOUNT_USER_CHANGED = "account.user_changed", "修改用户"
    ACCOUNT_USER_DELETED = "account.user_deleted", "删除用户"
    ACCOUNT_ROLE_GRANT_ADDED = "account.role_grant_added", "新增全局角色"
    ACCOUNT_ROLE_GRANT_CHANGED = "account.role_grant_changed", "修改全局角色"
    ACCOUNT_ROLE_GRANT_DELETED = "account.role_grant_deleted", "删除全局角色"
    ACCOUNT_MEMBERSHIP_ADDED = "account.membership_added", "新增单位成员"
    ACCOUNT_MEMBERSHIP_CHANGED = "account.membership_changed", "修改单位成员"
    ACCOUNT_MEMBERSHIP_DELETED = "account.membership_deleted", "删除单位成员"
    ACCOUNT_UNIT_ADDED = "account.unit_added", "新增责任单位"
    ACCOUNT_UNIT_CHANGED = "account.unit_changed", "修改责任单位"
    ACCOUNT_UNIT_DELETED = "account.unit_deleted", "删除责任单位"
    ACCOUNT_UNIT_ALIAS_ADDED = "account.unit_alias_added", "新增单位别名"
    ACCOUNT_UNIT_ALIAS_CHANGED = "account.unit_alias_changed", "修改单位别名"
    ACCOUNT_UNIT_ALIAS_DELETED = "account.unit_alias_deleted", "删除单位别名"
    ACCOUNT_GROUP_ADDED = "account.group_added", "新增用户组"
    ACCOUNT_GROUP_CHANGED = "account.group_changed", "修改用户组"
    ACCOUNT_GROUP_DELETED = "account.group_deleted", "删除用户组"
    ACCOUNT_SUPERVISION_SCOPE_ADDED = "account.supervision_scope_added", "新增督查范围"
    ACCOUNT_SUPERVISION_SCOPE_CHANGED = "account.supervision_scope_changed", "修改督查范围"
    ACCOUNT_SUPERVISION_SCOPE_DELETED = "account.supervision_scope_deleted", "删除督查范围"
    SETTINGS_PERIODIC_TASK_ADDED = "settings.periodic_task_added", "新增定时任务"
    SETTINGS_PERIODIC_TASK_CHANGED = "settings.periodic_task_changed", "修改定时任务"
    SETTINGS_PERIODIC_TASK_DELETED = "settings.periodic_task_deleted", "删除定时任务"
    SETTINGS_REMINDER_RULE_ADDED = "settings.reminder_rule_added", "新增提醒规则"
    SETTINGS_REMINDER_RULE_CHANGED = "settings.reminder_rule_changed", "修改提醒规则"
    SETTINGS_REMINDER_RULE_DELETED = "settings.reminder_rule_deleted", "删除提醒规则"
    SETTINGS_NOTIFICATION_PREFERENCE_ADDED = "settings.notification_preference_added", "新增通知偏好"
    SETTINGS_NOTIFICATION_PREFERENCE_CHANGED = "settings.notification_preference_changed", "修改通知偏好"
    SETTINGS_NOTIFICATION_PREFERENCE_DELETED = "settings.notification_preference_deleted", "删除通知偏好"


WATCH_VERBS = ("added", "changed", "deleted")
_LABELS: dict[str, str] = dict(AuditAction.choices)


def watched_action(name: str, verb: str) -> AuditAction:
    """The member `audit_signals.watch(model, name)` records for `verb` (added, changed, deleted);
    ValueError when the enum lacks it, which `watch` raises while the apps load."""
    return AuditAction(f"{name}_{verb}")


def audit_label(action: str) -> str:
    """The Chinese name of `action`; an unknown one (from another release) as it was written."""
    return _LABELS.get(action, action)
