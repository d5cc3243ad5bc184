from __future__ import annotations

import os

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess

from monitoring.access import may_scrape
from monitoring.collector import DatabaseCollector


@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    # No login redirect: a scraper gets a plain refusal it can report.
    if not may_scrape(request):
        return HttpResponse(
            "禁止访问：本地址无权读取监控指标。\n", status=403, content_type="text/plain; charset=utf-8"
        )
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Under gunicorn: every worker's counters from the shared folder, not just this worker's.
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY  # one process (runserver, tests): its own counters and process figures
    body = generate_latest(registry) + generate_latest(_database_registry())
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)


def _database_registry() -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(DatabaseCollector())
    return registry
