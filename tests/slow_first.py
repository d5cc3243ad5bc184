"""The suite's longest files, longest first, so that xdist starts them first (`make test` runs
with --no-loadscope-reorder, which keeps this order; xdist's default would start the files
with the most tests first and leave these minutes-long single tests for last, when the other
workers have nothing left to do).

Seconds per file, measured with `make test` on two cores (four workers) on 2026-12-03. A file
missing here only starts later; a file listed that no longer exists is ignored. Re-measure with
`pytest -n 4 --dist loadfile --junitxml=FILE` and sum each testcase's time by classname.
Marked "est.": the files that build their rows once per module since (tests/module_rows.py),
scaled from that figure by their own serial run before and after; not yet re-measured in a run.
"""

from __future__ import annotations

SLOWEST = [
    "tests/topology/test_runbook.py",  # 133 s
    "tests/api/test_schemathesis_clerk.py",  # 112 s
    "tests/api/test_schemathesis.py",  # 99 s
    "tests/notifications/integration/test_delivery_guarantees.py",  # 91 s
    "tests/api/test_idor_matrix.py",  # est. 74 s (136 tests; 143 s before, serial 57 s -> 29 s)
    "tests/web/test_browser_phone_width.py",  # 64 s
    "tests/notifications/integration/test_sms_gateway_guarantees.py",  # 56 s
    "tests/notifications/integration/test_dingtalk_guarantees.py",  # 52 s
    "tests/foundation/test_refusals.py",  # 51 s
    "tests/foundation/test_run_command.py",  # 51 s
    "tests/web/test_browser.py",  # 50 s
    "tests/topology/test_two_nodes.py",  # 48 s
    "tests/exports/test_bulletin_font.py",  # 43 s
    "tests/sources/test_bad_files.py",  # 40 s
    "tests/web/test_browser_phone_width_admin.py",  # 36 s
    "tests/web/test_browser_message_centre.py",  # 35 s
    "tests/notifications/test_scan_batches_and_marks.py",  # 33 s
    "tests/topology/test_nginx_tls.py",  # 32 s
    "tests/foundation/test_transport_settings.py",  # 30 s
    "tests/foundation/test_database_roles.py",  # 29 s
    "tests/health/test_beat_lease.py",  # 29 s
    "tests/workflow/test_permission_matrix.py",  # est. 27 s (51 s before, serial 21 s -> 11 s)
    "tests/web/test_page_scale.py",  # est. 27 s (37 s before, serial 19.5 s -> 14.3 s)
    "tests/imports/test_import.py",  # 26 s
    "tests/web/test_figures_consistency.py",  # est. 24 s (75 s before, serial 66 s -> 21 s)
]


def rank(path: str) -> int:
    """A file's place in the run: its index in SLOWEST, or after all of them."""
    try:
        return SLOWEST.index(path)
    except ValueError:
        return len(SLOWEST)
