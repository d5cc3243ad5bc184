"""Former home of the scan's PostgreSQL milestone path, now split by stage: the pages of
candidates in candidates.py, the audience in scan_plan.py, the fan-out statement in
scan_write.py (scan.py describes the pipeline).

Only bench/reminder_bench_plans.py still imports from here: these names are re-exported
for it until it imports from the stages, and then this module goes.
"""

from notifications.services.candidates import PAGE_COLUMNS as PAGE_COLUMNS
from notifications.services.candidates import milestone_batches as milestone_batches
from notifications.services.scan_plan import audience as audience
from notifications.services.scan_write import raw_cursor as raw_cursor
from notifications.services.scan_write import statements as statements
