"""The suite's longest files, longest first, so that xdist starts them first (`make test` runs
with --no-loadscope-reorder, which keeps this order; xdist's default would start the files
with the most tests first and leave these minutes-long files for last, when the other
workers have nothing left to do).

Seconds per file (the sum of its tests' times), measured with the CI command (PostgreSQL, four
workers on two cores) on an otherwise idle machine on 2026-12-07: the run took 620 s, 2,344 s of
the workers' time. test_paged_tables.py's figure is an estimate from its time alone after it
stopped parsing each file twice (266 s in that run). A file missing here only starts later; a file
listed that no longer exists is ignored. Re-measure with
`pytest -n 4 --dist loadfile --no-loadscope-reorder --junitxml=FILE` and sum each testcase's time
by file.
"""

from __future__ import annotations

SLOWEST = [
    "tests/sources/test_table_swaps.py",  # 253 s
    "tests/sources/test_paged_tables.py",  # est. 195 s
    "tests/sources/test_annexed_tables.py",  # 95 s
    "tests/sources/test_pdf_layouts.py",  # 85 s
    "tests/notifications/integration/test_delivery_guarantees.py",  # 59 s
    "tests/api/test_schemathesis.py",  # 58 s
    "tests/api/test_schemathesis_clerk.py",  # 56 s
    "tests/topology/test_runbook.py",  # 54 s
    "tests/api/test_idor_matrix.py",  # 47 s
    "tests/web/test_browser_phone_width.py",  # 45 s
    "tests/notifications/integration/test_dingtalk_guarantees.py",  # 44 s
    "tests/notifications/integration/test_sms_gateway_guarantees.py",  # 44 s
    "tests/topology/test_two_nodes.py",  # 40 s
    "tests/web/test_browser.py",  # 33 s
    "tests/sources/test_pdf_tables.py",  # 33 s
    "tests/foundation/test_run_command.py",  # 32 s
    "tests/exports/test_bulletin_font.py",  # 29 s
    "tests/foundation/test_transport_settings.py",  # 28 s
    "tests/topology/test_nginx_tls.py",  # 27 s
    "tests/foundation/test_refusals.py",  # 27 s
    "tests/parsing/test_copy_spacing.py",  # 26 s
    "tests/sources/test_wrapped_text.py",  # 24 s
    "tests/sources/test_format_swaps.py",  # 24 s
    "tests/web/test_browser_message_centre.py",  # 23 s
    "tests/foundation/test_database_roles.py",  # 22 s
    "tests/web/test_query_counts.py",  # 21 s
    "tests/web/test_out_of_scope_404.py",  # 20 s
    "tests/decomposition/test_done_when.py",  # 20 s
    "tests/foundation/test_backup_restore.py",  # 20 s
    "tests/sources/test_bad_files.py",  # 19 s
    "tests/web/test_figures_consistency.py",  # 18 s
    "tests/parsing/test_page_tail.py",  # 18 s
    "tests/sources/test_word_numbering.py",  # 18 s
    "tests/web/test_browser_phone_width_admin.py",  # 17 s
    "tests/web/test_light_bounds.py",  # 16 s
    "tests/notifications/test_scan_batches_and_marks.py",  # 16 s
]


def rank(path: str) -> int:
    """A file's place in the run: its index in SLOWEST, or after all of them."""
    try:
        return SLOWEST.index(path)
    except ValueError:
        return len(SLOWEST)
