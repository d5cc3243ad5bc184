"""The corpus's leaders (persons) rewritten into other forms offices name them in.

As tests/parsing/responsibility_swaps.py does for units: each swap touches only the places a document
writes the source form, and only where the gold's `leaders` say the place names that clause's persons,
so the gold stays as it is (persons are compared without their posts, `scoring.leader_key`). The forms:
the leader's label word (`责任领导:` ↔ `牵头领导:` `分管领导:` `包抓领导:` `联系领导:`) and a leader column's
heading (`责任领导` → `分管区领导`, `包联领导`); a post beside a bare name, after it in brackets
(`张三(副县长)`), before it (`副县长张三`) or after a space (`张三 副县长`), and a heading's `王浩省长` as
`省长王浩`; a bracket's leader on a line of its own after the clause, and an item's label lines gathered
into a bracket closing it; two or more leaders of one field joined by `、`, `,` or a space. The other way
(`unit_person`), a document naming no leaders gets its lead unit's person in a bracket (`A(负责人:王明)`),
and the gold that person as the clause's leader.

`rewrite_source` applies a swap to a document's source file: a text as it is, a .docx's or an .xlsx's
text nodes one by one (a table's cell, a label's run); a .pdf or a .doc is not rewritten."""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from policy_tasks.parsing.scoring import GoldClause, leader_key
from tests.parsing.convention_swaps import _close, _labelled_brackets, _plain_units, _top_level_split
from tests.sources.corpus_prose import read_text

Swap = Callable[[str, list[GoldClause]], str]

# A leader's label as the corpus writes it (`责任领导`, `牵头市领导`, `牵头负责领导`, `项目责任领导`), never
# a unit's head (`责任单位主要领导`) nor a body (`领导小组`).
_LEADER_LABEL = r"(?:项目)?(?:责任|牵头负责|牵头|分管|包抓|包联|联系)(?:[省市区县]级?)?领导"
_FIELD_RE = re.compile(rf"(?<![\u4e00-\u9fff]){_LEADER_LABEL}(?=[:：])")
_CELL_RE = re.compile(rf"^(?P<lead>[ \t\u3000]*){_LEADER_LABEL}(?P<tail>[ \t\u3000]*(?:\|[ \t\u3000]*)?)$")
_CJK_NAME = r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,8}·[\u4e00-\u9fff]{2,8}"
# Where a bare name stands as a field's value or a cell of its own.
_BEFORE = ":：\n|、,，(（ \t\u3000"
_AFTER = "\n|、,，;；)） \t\u3000"
_POSTS = {"province": "副省长", "city": "副市长", "county": "副县长", "district": "副区长", "township": "副镇长"}


# A leader that is itself a post (`村干部`, `主要领导`, `镇长`, `河长`): a post is given no post (`副镇长村干部` says
# something else, round 170's `各包村干部、村干部,负责…`).
_POST_WORD_RE = re.compile(r"(?:干部|领导|书记|主任|委员|[省市县区州盟旗镇乡河]长|网格[长员])$")


def _names(gold: list[GoldClause]) -> set[str]:
    """The gold's leaders written as bare names (no post to strip), persons, not posts."""
    return {
        n
        for c in gold
        for n in c.get("leaders", [])
        if leader_key(n) == n and re.fullmatch(_CJK_NAME, n) and not _POST_WORD_RE.search(n)
    }


def label_word(word: str) -> Swap:
    """A leader field's label (`责任领导:`, `牵头市领导:`) written `{word}:`, in a label line or a bracket."""

    def rewrite(text: str, gold: list[GoldClause]) -> str:
        if not any(c.get("leaders") for c in gold):
            return text
        return _FIELD_RE.sub(word, text)

    return rewrite


def column_word(word: str) -> Swap:
    """A leader column's heading (a cell that is nothing but the label: a line, a `|` cell, a text node)
    written `word`."""

    def rewrite(text: str, gold: list[GoldClause]) -> str:
        if not any(c.get("leaders") for c in gold):
            return text
        out = []
        for line in text.split("\n"):
            cells = line.split(" | ") if " | " in line else [line]
            cells = [_CELL_RE.sub(lambda m: f"{m['lead']}{word}{m['tail']}", cell) for cell in cells]
            out.append(" | ".join(cells))
        return "\n".join(out)

    return rewrite


def with_post(form: str, level: str) -> Swap:
    """A bare name of the gold's leaders standing as a field's value or a cell (`牵头领导:张三`, `张三 |`) given
    the post its document's level has (`副县长` in a county's plan): `{name}({post})` ("bracket"),
    `{post}{name}` ("before") or `{name} {post}` ("spaced")."""
    post = _POSTS[level]

    def rewrite(text: str, gold: list[GoldClause]) -> str:
        names = _names(gold)
        if not names:
            return text
        pattern = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
        found = re.compile(rf"(?:(?<=[{_BEFORE}])|^)({pattern})(?=[{_AFTER}]|$)", re.M)

        def swap(m: re.Match[str]) -> str:
            name = m[1]
            if form == "bracket":
                return f"{name}({post})"
            return f"{post}{name}" if form == "before" else f"{name} {post}"

        return found.sub(swap, text)

    return rewrite


_POST_AFTER_RE = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,4}?)(?P<post>(?:常务)?副?(?:省长|市长|县长|区长))(?=[\u4e00-\u9fff]{0,4}?(?:牵头|主抓|负责|分管))"
)


def post_first(text: str, gold: list[GoldClause]) -> str:
    """`王浩省长牵头重点工作` → `省长王浩牵头重点工作`: a leader written name then post where the gold names
    that person (the genre writes both orders in a section's heading)."""
    people = {leader_key(n) for c in gold for n in c.get("leaders", [])}

    def swap(m: re.Match[str]) -> str:
        return f"{m['post']}{m['name']}" if m["name"] in people else m.group(0)

    return _POST_AFTER_RE.sub(swap, text)


def _leader_fields(text: str) -> list[tuple[int, int, str]]:
    """(start, end, value) of every leader field: the label's colon to the value's end (a `;` `,`
    `，` `；` before another label, a bracket's close, a line's end)."""
    fields = []
    for m in _FIELD_RE.finditer(text):
        start = m.end() + 1
        stop = re.compile(r"[;；,，][\u4e00-\u9fff]{2,8}[:：]|[)）\n]|$|[ \t\u3000]+[\u4e00-\u9fff]{2,8}[:：]")
        end = stop.search(text, start)
        fields.append((start, end.start() if end else len(text), text[m.start() : m.end()]))
    return fields


def joined_by(separator: str) -> Swap:
    """A leader field naming two or more of its clause's gold leaders (`牵头领导:张三、李四`, `市长,副市长`,
    `胡小波 杨剑`) with `separator` between them; a field whose names are not all the gold's is kept."""

    def rewrite(text: str, gold: list[GoldClause]) -> str:
        sets = [{leader_key(n) for n in c.get("leaders", [])} for c in gold if len(c.get("leaders", [])) > 1]
        out, last = [], 0
        for start, end, _ in _leader_fields(text):
            value = text[start:end]
            parts = [
                p
                for p in re.split(
                    r"[、,，]|[ \t\u3000\xa0]{2,}|(?<=[\u4e00-\u9fff]{2}) (?=[\u4e00-\u9fff]{2})", value.strip()
                )
                if p.strip()
            ]
            keys = {leader_key(p) for p in parts}
            if len(parts) < 2 or not any(keys == s for s in sets):
                continue
            out += [text[last:start], separator.join(p.strip() for p in parts)]
            last = end
        return "".join([*out, text[last:]])

    return rewrite


def leader_out_of_bracket(text: str, gold: list[GoldClause]) -> str:
    """`…。(牵头领导:张三,牵头单位:A,配合单位:B)` closing its line → `…。(牵头单位:A,配合单位:B)` and
    `牵头领导:张三` on the next line: the leader named apart from the units, as label-line plans do."""
    out, last = [], 0
    for m in re.finditer(r"[(（](?=" + _LEADER_LABEL + r"[:：])", text):
        end = _close(text, m.start())
        if end < 0 or text[end + 1 :].split("\n", 1)[0].strip("。 \t\u3000"):
            continue
        parts = _top_level_split(text[m.start() + 1 : end], ",，;；")
        if (
            len(parts) < 2
            or not _FIELD_RE.match(parts[0])
            or not all(re.match(r"[\u4e00-\u9fff]{2,8}[:：]", p) for p in parts)
        ):
            continue
        gap = "，" if text[m.start()] == "（" else ","
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        out += [text[last : m.start() + 1], gap.join(parts[1:]), text[end:line_end], "\n", parts[0].strip()]
        last = line_end
    return "".join([*out, text[last:]])


_LABEL_LINE = re.compile(r"^[ \t\u3000]*[\u4e00-\u9fff]{2,8}[:：]\S.*$")


def fields_into_bracket(text: str, gold: list[GoldClause]) -> str:
    """An item's label lines, the first a leader's (`牵头领导:张三` / `牵头单位:A` / `责任单位:B`, blank lines
    between them or not), gathered into a bracket closing the item's last line: `…。(牵头领导:张三;牵头单位:A;
    责任单位:B)`, as bracket plans write them."""
    if not any(c.get("leaders") for c in gold):
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _FIELD_RE.match(line.strip()) and _LABEL_LINE.match(line) and out:
            fields, j = [], i
            while j < len(lines) and (
                _LABEL_LINE.match(lines[j])
                or (not lines[j].strip() and j + 1 < len(lines) and _LABEL_LINE.match(lines[j + 1]))
            ):
                if lines[j].strip():
                    fields.append(lines[j].strip().rstrip("。"))
                j += 1
            k = len(out) - 1
            while k >= 0 and not out[k].strip():
                k -= 1
            if k >= 0 and out[k].rstrip().endswith("。") and not _LABEL_LINE.match(out[k]):
                out[k] = out[k].rstrip() + "(" + ";".join(fields) + ")"
                del out[k + 1 :]
                i = j
                continue
        out.append(line)
        i += 1
    return "\n".join(out)


def rewrite_source(folder: Path, swap: Swap, gold: list[GoldClause]) -> tuple[bytes, str] | None:
    """The document's source file with `swap` applied (its bytes and name), None where nothing changed or the
    file is no text, .docx or .xlsx: a .docx's and an .xlsx's text nodes are rewritten one by one."""
    source = next(p for p in sorted(folder.iterdir()) if p.name.startswith("source."))
    if source.suffix == ".txt":
        text = read_text(source)
        new = swap(text, gold)
        return None if new == text else (new.encode("utf-8"), source.name)
    # A paragraph's (a shared string's) runs joined: a run can end inside a name (`副厅长` | `李华强`).
    members = {".docx": ("word/document.xml", "w:p", "w:t"), ".xlsx": ("xl/sharedStrings.xml", "si", "t")}
    if source.suffix not in members:
        return None
    member, block_tag, tag = members[source.suffix]
    block = re.compile(rf"<{block_tag}(?=[ >])(?:(?!<{block_tag}[ >]).)*?</{block_tag}>", re.S)
    node = re.compile(rf"(<{tag}(?: [^>]*)?>)([^<]*)(</{tag}>)")
    changed = False

    def swap_block(m: re.Match[str]) -> str:
        nonlocal changed
        nodes = list(node.finditer(m[0]))
        text = "".join(html.unescape(n[2]) for n in nodes)
        new = swap(text, gold)
        if not nodes or new == text:
            return m[0]
        changed = True
        values = iter([new, *[""] * (len(nodes) - 1)])
        return node.sub(lambda n: n[1] + html.escape(next(values), quote=False) + n[3], m[0])

    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new_zip:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == member:
                data = block.sub(swap_block, data.decode("utf-8")).encode("utf-8")
            new_zip.writestr(info, data)
    return (out.getvalue(), source.name) if changed else None


def unit_person(text: str, gold: list[GoldClause]) -> tuple[str, list[GoldClause]]:
    """The other way, in a document whose gold names no leaders: `(责任单位:A、B)` → `(责任单位:A(负责人:王明)、B)`,
    the lead unit's person in a bracket after it (`helper_brackets`), and the gold with 王明 as that clause's
    leader; its units stay as they are. Only where the bracket's clause is found and its gold reads A leading."""
    if any(c.get("leaders") for c in gold):
        return text, gold
    new_gold = [dict(c) for c in gold]
    changed: set[int] = set()

    out, last = [], 0
    for start, end in _labelled_brackets(text):
        units = _plain_units(text[start + 1 : end], gold)
        index = _clause_index(text, gold, start)
        if units is None or index is None or index in changed or gold[index].get("lead", [None])[:1] != units[:1]:
            continue
        if gold[index]["start"] not in text[text.rfind("\n", 0, start) + 1 : start]:
            continue  # a heading's bracket over its items (the gold gives its units to each), not the clause's own
        label = re.match(r"[^:：]+[:：]", text[start + 1 : end])
        assert label is not None
        mark = "(负责人:王明)" if text[start] == "(" else "（负责人：王明）"
        rest = "、".join(units[1:])
        out += [text[last : start + 1], label[0], units[0], mark, "、" if rest else "", rest]
        last = end
        changed.add(index)
        new_gold[index]["leaders"] = ["王明"]
    return "".join([*out, text[last:]]), new_gold  # type: ignore[return-value]


def _clause_index(text: str, gold: list[GoldClause], position: int) -> int | None:
    """The index of the gold clause whose start is the last one found in `text` before `position`."""
    found = [(text.find(c["start"]), i) for i, c in enumerate(gold) if c.get("start")]
    before = [(at, i) for at, i in found if 0 <= at < position]
    return max(before)[1] if before else None
