"""The settings the suite runs with (pyproject's DJANGO_SETTINGS_MODULE): duban.settings, read
after tests/parallel.py has given this xdist worker its own Redis databases. pytest-django
imports this module before any conftest, which would be too late: the broker URL is read once,
when the settings are."""

from tests import parallel  # noqa: F401, I001  (first: it edits the environment the settings read)
from duban.settings import *  # noqa: F403
