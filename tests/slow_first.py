"""The suite's longest files, longest first, so that xdist starts them first (`make test` runs
with --no-loadscope-reorder, which keeps this order; xdist's default would start the files
with the most tests first and leave these minutes-long single tests for last, when the other
workers have nothing left to do).

Seconds per file (the sum of its tests' times), measured with the CI command on two cores (four
workers) on 2026-12-04 while three other suites ran on the same cores (load ~13): the run took
2,442 s, so the figures are ~4-5x an idle run's and only their order matters. A file missing here
only starts later; a file listed that no longer exists is ignored. Re-measure with
`pytest -n 4 --dist loadfile --no-loadscope-reorder --junitxml=FILE` and sum each testcase's time
by file. test_run_command.py's figure is an estimate: in that run its `load_demo` hashed ~70
passwords with PBKDF2 and timed out; the demo password is hashed once now.
"""

from __future__ import annotations

SLOWEST = [
    # Session 28 (not on the run above's scale): 157 s alone on an idle machine (120 s CPU), the slowest file.
    "tests/sources/test_paged_tables.py",
    # Session 28: 54 s of CPU alone (95 s wall on a loaded machine).
    "tests/sources/test_annexed_tables.py",
    "tests/api/test_idor_matrix.py",  # 372 s
    "tests/sources/test_table_swaps.py",  # 329 s
    "tests/sources/test_pdf_layouts.py",  # 254 s
    "tests/api/test_schemathesis.py",  # 252 s
    "tests/api/test_schemathesis_clerk.py",  # 238 s
    "tests/topology/test_runbook.py",  # 231 s
    "tests/exports/test_bulletin_font.py",  # 164 s
    "tests/notifications/test_scan_paths.py",  # 141 s
    "tests/web/test_import_review.py",  # 138 s
    "tests/foundation/test_database_roles.py",  # 138 s
    "tests/notifications/test_scan_batches_and_marks.py",  # 127 s
    "tests/web/test_ledger_lights_mixed.py",  # 125 s
    "tests/web/test_browser_phone_width.py",  # 122 s
    "tests/sources/test_pdf_tables.py",  # 120 s
    "tests/foundation/test_transport_settings.py",  # 119 s
    "tests/web/test_out_of_scope_404.py",  # 117 s
    "tests/decomposition/test_done_when.py",  # 116 s
    "tests/web/test_light_bounds.py",  # 113 s
    "tests/web/test_query_counts.py",  # 112 s
    "tests/sources/test_bad_files.py",  # 108 s
    "tests/web/test_browser.py",  # 108 s
    "tests/notifications/integration/test_delivery_guarantees.py",  # 101 s
    "tests/web/test_browser_message_centre.py",  # 97 s
    "tests/foundation/test_backup_restore.py",  # 97 s
    "tests/topology/test_nginx_tls.py",  # 96 s
    "tests/foundation/test_refusals.py",  # 90 s
    "tests/web/test_pages.py",  # 90 s
    "tests/topology/test_two_nodes.py",  # 88 s
    "tests/web/test_figures_consistency.py",  # 85 s
    "tests/workflow/test_urge_number_migration.py",  # 85 s
    "tests/foundation/test_run_command.py",  # est. 80 s (291 s measured, with the timeout)
]


def rank(path: str) -> int:
    """A file's place in the run: its index in SLOWEST, or after all of them."""
    try:
        return SLOWEST.index(path)
    except ValueError:
        return len(SLOWEST)
