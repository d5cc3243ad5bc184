"""The import review page's form: what it shows for each clause, and the corrections it posts back.

Field names are positional (`c3_lead`, `c3_m2_date`): the i-th clause and j-th milestone of the
document as parsed before any correction, which the same bytes always give again. Corrections
are rebuilt from the whole form each round against that first parse, so undoing an edit (a
date typed back, a 删除 unticked) drops it from the corrections instead of stacking edits.
"""

from __future__ import annotations

from collections.abc import Mapping

from accounts.models import Unit
from policy_tasks.parsing import ParsedArea, ParsedDocument, ParsedTask, ParseWarning
from policy_tasks.parsing.corrections import (
    clause_correction,
    clause_key,
    clause_name,
    describe_corrections,
    join_unit_names,
    name_of_clause,
    split_unit_names,
)
from policy_tasks.selectors.imports import CHANGED, STATUS_LABELS, UNCHANGED, ImportPreview, TaskPreview

CHANGE_LABELS = {"text": "条文", "area": "所属领域", "corrections": "人工更正"}


def _known_names(*docs: ParsedDocument) -> set[str]:
    return {n for doc in docs for ref in doc.units for n in (ref.name, *ref.aliases)}


def corrections_from_form(post: Mapping[str, str], original: ParsedDocument, signed: dict) -> dict:
    """The corrections the form asks for. A clause whose fields are not in the form keeps the
    correction it had (a form posted without them, as by a script, changes nothing)."""
    known = _known_names(original)
    before = signed.get("clauses") or {}
    clauses: dict[str, dict] = {}
    for i, task in enumerate(original.tasks):
        key = clause_key(task)
        p = f"c{i}_"
        if p + "lead" not in post:
            if key in before:
                clauses[key] = before[key]
            continue
        dates, dropped = {}, []
        for j, m in enumerate(task.milestones):
            dates[m.text] = post.get(f"{p}m{j}_date", "")
            if post.get(f"{p}m{j}_drop"):
                dropped.append(m.text)
        added = []
        for k in range(len(before.get(key, {}).get("add_milestones", []))):
            text = post.get(f"{p}a{k}_text", "").strip()
            if text and not post.get(f"{p}a{k}_drop"):
                added.append({"text": text, "due_date": post.get(f"{p}a{k}_date", "")})
        new_text = post.get(p + "new_text", "").strip()
        if new_text:
            added.append({"text": new_text, "due_date": post.get(p + "new_date", "")})
        change = clause_correction(
            task,
            lead_units=split_unit_names(post.get(p + "lead", ""), known),
            co_units=split_unit_names(post.get(p + "co", ""), known),
            dates=dates,
            dropped=dropped,
            added=added,
        )
        if change:
            clauses[key] = change
    result = {k: v for k, v in signed.items() if k not in ("clauses", "unit_mapping")}
    if clauses:
        result["clauses"] = clauses
    return result


def _milestones_note(row: TaskPreview) -> str:
    # Only a changed clause's milestones move; a new clause's are all new and shown below it.
    if row.status != CHANGED or not (row.milestones_created or row.milestones_removed or row.milestones_kept):
        return ""
    note = f"里程碑:新增 {row.milestones_created} 个,删除 {row.milestones_removed} 个"
    if row.milestones_kept:
        note += f",原表述已不在条文中但已有办理记录而保留 {row.milestones_kept} 个"
    return note


def _warnings_by_clause(parsed: ParsedDocument) -> tuple[dict[int, list[ParseWarning]], list[ParseWarning]]:
    """Warnings by the index of the clause they are about, and the document's own (the year,
    the header). Numbers can restart under each heading, so a warning goes to the last clause
    with its number that starts before it."""
    found: dict[int, list[ParseWarning]] = {}
    document: list[ParseWarning] = []
    for w in parsed.warnings:
        candidates = [i for i, t in enumerate(parsed.tasks) if w.task is not None and t.number == w.task]
        if not candidates:
            document.append(w)
            continue
        before = [i for i in candidates if parsed.tasks[i].line <= w.line]
        found.setdefault((before or candidates)[-1], []).append(w)
    return found, document


def _milestone_rows(i: int, original: ParsedTask, corrected: ParsedTask, change: dict) -> tuple[list, list]:
    now = {m.text: m for m in corrected.milestones}
    dropped = set(change.get("drop_milestones", []))
    rows = [
        {
            "name": f"c{i}_m{j}",
            "milestone": now.get(m.text, m),
            "dropped": m.text in dropped,
            "corrected": m.text in change.get("milestone_dates", {}) and m.text not in dropped,
            "original_due": m.due_date,
        }
        for j, m in enumerate(original.milestones)
    ]
    added = [
        {"name": f"c{i}_a{k}", "text": a["text"], "milestone": now.get(a["text"])}
        for k, a in enumerate(change.get("add_milestones", []))
    ]
    return rows, added


def review_context(preview: ImportPreview, original: ParsedDocument, corrections: dict, payload: str) -> dict:
    parsed = preview.parsed
    new = set(preview.new_units)
    areas: dict[int | None, ParsedArea] = {a.number: a for a in parsed.areas}
    warnings, document_warnings = _warnings_by_clause(parsed)
    changes = corrections.get("clauses") or {}
    tasks = []
    for i, row in enumerate(preview.tasks):
        t, first = row.parsed, original.tasks[i]
        key = clause_key(t)
        label, css = STATUS_LABELS.get(row.status, (row.status, ""))
        co = [n for n in t.co_units if n not in t.lead_units]
        milestones, added = _milestone_rows(i, first, t, changes.get(key, {}))
        tasks.append(
            {
                "i": i,
                "task": t,
                "row": row,
                "name": clause_name(t),
                "status_label": label,
                "status_class": css,
                "changes": "、".join(CHANGE_LABELS.get(c, c) for c in row.changes),
                "milestones_note": _milestones_note(row),
                "area": areas.get(t.area),
                "lead": [(n, n in new) for n in t.lead_units],
                "co": [(n, n in new) for n in co],
                "lead_text": join_unit_names(t.lead_units),
                "co_text": join_unit_names(co),
                "warnings": warnings.get(i, []),
                "unsure": bool(warnings.get(i)) or not t.lead_units,
                "renumbered_from": (
                    name_of_clause(row.old_label)
                    if row.old_label is not None and getattr(row, "renumbered", False)
                    else ""
                ),
                "corrected": key in changes,
                # The import leaves a clause whose text did not change as it is, corrections and all.
                "correction_ignored": key in changes and row.status == UNCHANGED and not preview.created,
                "milestones": milestones,
                "added": added,
            }
        )
    names = {i: clause_name(t) for i, t in enumerate(parsed.tasks)}
    listed = [(names.get(i, ""), w) for i, ws in sorted(warnings.items()) for w in ws]
    # Rows to map: names still new, and names already mapped (so a choice can be changed).
    to_map = [(u.name, u.unit.pk if u.mapped and u.unit else None) for u in preview.units if u.is_new or u.mapped]
    return {
        "preview": preview,
        "parsed": parsed,
        "tasks": tasks,
        "areas": [(a, [(n, n in new) for n in a.lead_units]) for a in parsed.areas],
        "new_units": preview.new_units,
        "to_map": to_map,
        # Names that reach a unit under another name: the reviewer should see those matches.
        "renamed_units": [u for u in preview.units if not u.is_new and not u.mapped and u.target_name != u.name],
        "units": list(Unit.objects.filter(is_active=True).order_by("name")) if to_map and payload else [],
        "missing": [(n, preview.missing_titles.get(n, "")) for n in preview.tasks_missing],
        # Re-import by content withdraws (撤销) the tasks of clauses the new version dropped.
        "withdrawn": [
            {
                "name": name_of_clause(w.label or str(w.number)),
                "title": w.title,
                "milestones": w.milestones,
                "tag": STATUS_LABELS.get(w.status, (w.status, "")),
            }
            for w in getattr(preview, "withdrawn", [])
        ],
        "document_warnings": document_warnings,
        "clause_warnings": listed,
        "warning_count": len(parsed.warnings) + len(preview.tasks_missing),
        "unsure_count": sum(1 for t in tasks if t["unsure"]),
        "corrections_summary": describe_corrections(corrections, original),
        "corrections": corrections,
        "payload": payload,
        "milestone_count": sum(len(t.milestones) for t in parsed.tasks),
    }
