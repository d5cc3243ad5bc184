"""Run a Celery command with the clock moved to a given moment (time-machine, ticking).

    python traveled.py 2023-10-31T09:00:00+08:00 -A duban worker …

The integration tests use it so the worker and beat live on a known working day
whatever day CI runs on; time flows normally from there.
"""

from __future__ import annotations

import sys
from datetime import datetime

import time_machine

if __name__ == "__main__":
    destination = datetime.fromisoformat(sys.argv[1])
    time_machine.travel(destination, tick=True).start()
    from celery.__main__ import main

    sys.argv = ["celery", *sys.argv[2:]]
    sys.exit(main())
