"""The issuing office and the documents it prints (督办单, 通报; docs/operations.md)."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from duban.env import env_int, env_list, env_str

# The issuing office printed on 督办单 and 通报 (版头, 落款, 版记) and whose numbers these are;
# the 督办单 number pattern with {year} and {n}; the fonts a .docx names (Word uses them where
# installed, else its own substitute; the PDF embeds the shipped open font). docs/operations.md.
DUBAN_BULLETIN_ISSUER = env_str("DUBAN_BULLETIN_ISSUER") or "督查室"
DUBAN_URGE_NUMBER_PATTERN = env_str("DUBAN_URGE_NUMBER_PATTERN") or "柯督〔{year}〕第{n}号"
try:
    if "{n}" not in DUBAN_URGE_NUMBER_PATTERN:
        raise ValueError("{n} is missing")
    DUBAN_URGE_NUMBER_PATTERN.format(year=2026, n=1)
except (KeyError, IndexError, ValueError) as _exc:
    raise ImproperlyConfigured(
        f"DUBAN_URGE_NUMBER_PATTERN={DUBAN_URGE_NUMBER_PATTERN!r}: use {{year}} and {{n}}, e.g. 柯督〔{{year}}〕第{{n}}号 ({_exc})"
    ) from None
DUBAN_OFFICIAL_FONTS = env_list("DUBAN_OFFICIAL_FONTS", ["方正小标宋简体", "仿宋_GB2312"])
# A 督办单 past its reply date unanswered is raised a level with a new reply date this many
# working days on (policy_tasks/services/urge_escalation.py).
DUBAN_URGE_ESCALATION_REPLY_WORKDAYS = env_int("DUBAN_URGE_ESCALATION_REPLY_WORKDAYS", 3)
