"""An import's first stage: the upload read into a parsed document, checked, and its clauses as the
re-import plan compares them (services/import_plan.py). The preview (selectors/imports.py) reads
the same way, so both see the same clauses."""

from __future__ import annotations

import hashlib
from typing import Any

from duban.lib import clock
from policy_tasks.errors import ServiceError
from policy_tasks.models import PolicyDocument
from policy_tasks.parsing import ParsedDocument, ParsedTask, parse_document, parse_source
from policy_tasks.parsing.corrections import apply_corrections
from policy_tasks.parsing.sources import read_source
from policy_tasks.services.import_plan import NewClause

# The import refuses a text with it and the preview (selectors/imports.py) shows it.
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


def repeated_clauses(parsed: ParsedDocument) -> list[int]:
    """The indexes of the clauses whose number an earlier clause of the text already has."""
    seen: set[int] = set()
    repeated = []
    for i, task in enumerate(parsed.tasks):
        if task.number in seen:
            repeated.append(i)
        seen.add(task.number)
    return repeated


def duplicate_clauses(parsed: ParsedDocument) -> list[str]:
    """Why the import refuses this text, one message per repeated clause (empty: it does not)."""
    return [
        DUPLICATE_CLAUSE.format(number=parsed.tasks[i].number, line=parsed.tasks[i].line)
        for i in repeated_clauses(parsed)
    ]


def refuse_duplicate_clauses(parsed: ParsedDocument) -> None:
    # The whole text is refused, in the words of the first repeated number.
    errors = duplicate_clauses(parsed)
    if errors:
        raise ServiceError(errors[0], field="text")


def changes_nothing(existing: PolicyDocument | None, parsed: ParsedDocument) -> bool:
    """The same text again changes nothing, unless a reviewer corrected what was read from it:
    the import then stops before resolving, comparing or writing anything."""
    return (
        existing is not None
        and existing.sha256 == text_digest(parsed.source_text)
        and not any(t.corrected for t in parsed.tasks)
    )


def clause_label(pt: ParsedTask) -> str:
    return pt.label or str(pt.number)


def new_clauses(parsed: ParsedDocument) -> list[NewClause]:
    """The parsed clauses as the plan compares them: text, and area number if the text has that area."""
    numbers = {a.number for a in parsed.areas}
    return [
        NewClause(text=pt.text, area=pt.area if pt.area in numbers else None, corrected=pt.corrected)
        for pt in parsed.tasks
    ]
