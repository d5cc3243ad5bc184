"""Duban settings, read from the environment (see docs/operations.md), one module per topic.

DJANGO_SETTINGS_MODULE is duban.settings (manage.py, celery, gunicorn, the tests): this package,
which takes every setting of its modules. Each module reads its own variables and refuses a bad
value at start-up; only core's paths and DEBUG are shared (security imports them).
"""

from duban.settings.api import *  # noqa: F403
from duban.settings.core import *  # noqa: F403
from duban.settings.notifications import *  # noqa: F403
from duban.settings.office import *  # noqa: F403
from duban.settings.operations import *  # noqa: F403
from duban.settings.security import *  # noqa: F403
