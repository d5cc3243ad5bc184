"""A gunicorn worker loads `duban.wsgi` in a fresh interpreter, where import order differs
from the test process (which has imported DRF long before): an import cycle there stops every
web node at boot while the whole suite passes in-process. So boot it in a child, as a worker does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_fresh_interpreter_loads_the_wsgi_application_with_debug_off(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DEBUG="false",
        SECRET_KEY="k3y-for-the-boot-test-" + "x9Q!zP2#" * 6,
        ALLOWED_HOSTS="127.0.0.1",
        DUBAN_VAR_DIR=str(tmp_path),
    )
    # What gunicorn does first in a worker: import the module that builds the application, and
    # the error-page handlers (duban.errors) that Django loads with the middleware.
    code = "import duban.wsgi, duban.errors, policy_tasks.api.errors, policy_tasks.api.parsers; print('booted')"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "booted"
