"""An import's first stage: the upload read into a parsed document, checked, and its clauses as the
re-import plan compares them (services/import_plan.py). The preview (selectors/imports.py) reads
the same way, so both see the same clauses."""

from __future__ import annotations

import hashlib
from typing import Any

from duban.lib import clock
from policy_tasks.errors import ServiceError
from policy_tasks.parsing import ParsedDocument, ParsedTask, parse_document, parse_source
from policy_tasks.parsing.corrections import apply_corrections
from policy_tasks.parsing.sources import read_source
from policy_tasks.services.import_plan import NewClause

# Shared with the preview (selectors/imports.py) so both say exactly the same thing.
DUPLICATE_CLAUSE = "条款序号 {number} 重复出现（第 {line} 行），请核对原文后再导入"


def text_digest(text: str) -> str:
    """PolicyDocument.sha256: the extracted text's hash (the same text from another file is no change)."""
    return hashlib.sha256(text.encode()).hexdigest()


def read_upload(
    *,
    text: str | None = None,
    data: bytes | None = None,
    filename: str = "document.txt",
    year: int | None = None,
    corrections: dict[str, Any] | None = None,
) -> ParsedDocument:
    """The one way an import or a preview reads its input: a file's bytes, or text already decoded."""
    # A plan that states no year at all is read in the current one, and says so for the review.
    assume = clock.today().year
    if data is not None:
        parsed = parse_source(read_source(data, filename), year=year, assume_year=assume)
    else:
        parsed = parse_document(text or "", year=year, assume_year=assume)
    return apply_corrections(parsed, corrections)


def refuse_duplicate_clauses(parsed: ParsedDocument) -> None:
    seen: set[int] = set()
    for task in parsed.tasks:
        if task.number in seen:
            raise ServiceError(DUPLICATE_CLAUSE.format(number=task.number, line=task.line), field="text")
        seen.add(task.number)


def clause_label(pt: ParsedTask) -> str:
    return pt.label or str(pt.number)


def new_clauses(parsed: ParsedDocument) -> list[NewClause]:
    """The parsed clauses as the plan compares them: text, and area number if the text has that area."""
    numbers = {a.number for a in parsed.areas}
    return [
        NewClause(text=pt.text, area=pt.area if pt.area in numbers else None, corrected=pt.corrected)
        for pt in parsed.tasks
    ]
