from __future__ import annotations

import pytest

from tests.foundation.servers import WebNodes


@pytest.fixture
def web_nodes(tmp_path, transactional_db):
    """Start gunicorn web nodes on the live test database; all stopped at the end."""
    nodes = WebNodes(tmp_path)
    yield nodes
    nodes.stop()
