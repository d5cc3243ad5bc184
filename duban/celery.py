from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duban.settings")

app = Celery("duban")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# The one periodic schedule (django-celery-beat copies it into the database,
# where operators see and change it in the admin). Entries are added by the
# notifications app as it grows; each gets a comment saying why it runs when it does.
app.conf.beat_schedule = {}
