"""Security (docs/security.md): lockouts, the Content-Security-Policy, the audit chain, sign-in
(second factor, passwords, sessions) and DingTalk sign-in. Transport encryption is with each
connection, in settings/core.py."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from duban.env import env_bool, env_int, env_list, env_str
from duban.settings.core import DEBUG, VAR_DIR

# Failed logins (django-axes): 5 failures of one username from one address lock that pair out for 30 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# Only the socket's address: X-Forwarded-For is whatever the client writes unless a proxy we trust sets it.
AXES_IPWARE_META_PRECEDENCE_ORDER = env_list("AXES_IP_HEADERS", ["REMOTE_ADDR"])

# --- Security hardening (issue 14: defects found by probing) ---
# Content-Security-Policy of every page ({nonce} is the request's; duban/middleware.py). Scripts
# only from our own static files; inline <style> only with the nonce (style attributes allowed).
DUBAN_CSP = env_str("DUBAN_CSP") or (
    "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; "
    "style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

# --- The audit chain: checkpoints, algorithm, retention, export (issue 14; docs/security.md) ---
# Signed checkpoints of the chain's head go here, one file per run, never overwritten. In
# production a directory on another host or a write-once mount: whoever can rewrite the
# database should not reach it.
AUDIT_CHECKPOINT_DIR = Path(env_str("AUDIT_CHECKPOINT_DIR") or VAR_DIR / "audit-checkpoints")
# HMAC key of checkpoints and exports. Empty: derived from SECRET_KEY (with its own salt), which
# suits development only; production sets its own and keeps it off the database host.
AUDIT_CHECKPOINT_KEY = env_str("AUDIT_CHECKPOINT_KEY") or ""
# The digest new events are chained with: sha256, or sm3 for the national algorithms.
AUDIT_HASH_ALGORITHM = env_str("AUDIT_HASH_ALGORITHM") or "sha256"
if AUDIT_HASH_ALGORITHM not in ("sha256", "sm3"):
    raise ImproperlyConfigured(f"AUDIT_HASH_ALGORITHM={AUDIT_HASH_ALGORITHM!r} must be sha256 or sm3")
# Events are kept at least this long (等保 level 3 asks six months). Nothing deletes them today.
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 183)
if AUDIT_RETENTION_DAYS < 183:
    raise ImproperlyConfigured("AUDIT_RETENTION_DAYS must be at least 183 (six months)")
# How checkpoints are signed: hmac-sha256 (AUDIT_CHECKPOINT_KEY) or sm2 (SM2 with SM3; the writer
# needs the private key, a verifier only the public one). verify_audit trusts only this algorithm.
AUDIT_CHECKPOINT_SIGNATURE = env_str("AUDIT_CHECKPOINT_SIGNATURE") or "hmac-sha256"
AUDIT_SM2_PRIVATE_KEY = env_str("AUDIT_SM2_PRIVATE_KEY") or ""
AUDIT_SM2_PUBLIC_KEY = env_str("AUDIT_SM2_PUBLIC_KEY") or ""
if AUDIT_CHECKPOINT_SIGNATURE not in ("hmac-sha256", "sm2"):
    raise ImproperlyConfigured(f"AUDIT_CHECKPOINT_SIGNATURE={AUDIT_CHECKPOINT_SIGNATURE!r} must be hmac-sha256 or sm2")
if AUDIT_CHECKPOINT_SIGNATURE == "sm2" and not (AUDIT_SM2_PRIVATE_KEY or AUDIT_SM2_PUBLIC_KEY):
    raise ImproperlyConfigured(
        "AUDIT_CHECKPOINT_SIGNATURE=sm2 needs AUDIT_SM2_PRIVATE_KEY (writer) or AUDIT_SM2_PUBLIC_KEY"
    )

# --- Sign-in: second factor, password policy, session timeouts (issue 14; docs/security.md) ---
# Admins and supervisors must sign in with a second factor; off only in the DEBUG demo of `make run`,
# which still offers enrolment to everyone.
DUBAN_MFA_REQUIRED = env_bool("DUBAN_MFA_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER") or "督办系统"
# Passwords: length, 3 of 4 character classes, not the username, not one of the last N, expiry (0 = never).
# The validators replace Django's list above (accounts/passwords.py; messages in Chinese).
DUBAN_PASSWORD_MIN_LENGTH = env_int("DUBAN_PASSWORD_MIN_LENGTH", 12)
DUBAN_PASSWORD_HISTORY = env_int("DUBAN_PASSWORD_HISTORY", 5)
DUBAN_PASSWORD_MAX_AGE_DAYS = env_int("DUBAN_PASSWORD_MAX_AGE_DAYS", 90)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "accounts.passwords.MinimumLengthValidator"},
    {"NAME": "accounts.passwords.CharacterClassesValidator"},
    {"NAME": "accounts.passwords.NotUsernameValidator"},
    {"NAME": "accounts.passwords.NotRecentValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sessions end after this long without a request, and this long after sign-in whatever happens.
DUBAN_SESSION_IDLE_MINUTES = env_int("DUBAN_SESSION_IDLE_MINUTES", 30)
DUBAN_SESSION_MAX_HOURS = env_int("DUBAN_SESSION_MAX_HOURS", 12)
# The cookie (and the stored session) lives no longer than the absolute limit; Django's two weeks when off.
SESSION_COOKIE_AGE = DUBAN_SESSION_MAX_HOURS * 3600 or 14 * 24 * 3600

# --- DingTalk sign-in (docs/dingtalk-signin.md) ---
# Scan on the login page and 免登 in the DingTalk workbench, on when DINGTALK_APP_KEY and
# DINGTALK_APP_SECRET are set (the DingTalk block above); DINGTALK_SIGNIN=0 keeps it off anyway.
DINGTALK_SIGNIN = env_bool("DINGTALK_SIGNIN", True)
# The QR-code page: login.dingtalk.com, or login-pro.ding.zj.gov.cn for DINGTALK_EDITION=gov (empty = that).
DINGTALK_LOGIN_BASE = env_str("DINGTALK_LOGIN_BASE") or ""
# The new API that exchanges a scan's code for the person's own token (public edition only).
DINGTALK_OAUTH_BASE = env_str("DINGTALK_OAUTH_BASE") or "https://api.dingtalk.com"
# 免登: the organisation's corpId and the DingTalk JSAPI the page loads (an intranet may serve its own copy).
DINGTALK_CORP_ID = env_str("DINGTALK_CORP_ID") or ""
DINGTALK_JSAPI_URL = (
    env_str("DINGTALK_JSAPI_URL") or "https://g.alicdn.com/dingding/dingtalk-jsapi/3.0.25/dingtalk.open.js"
)
