"""The corpus's prose text documents, to set them in the other shapes offices send text in.

Documents whose text is a table (cells a line, ` | ` rows) are left out: a PDF or a wrapped text
would hold them as a table, which tests/sources/test_reader_pdf.py covers."""

from __future__ import annotations

import functools
import json
import unicodedata
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "parsing" / "corpus"
_TABLE_WORDS = ("table", "cell", "表格", "flatten")
# Characters that never open a line (避头尾): they hang past the margin instead.
NO_LINE_START = set("，。、；：？！）》」』”’〕】%,.;:?!)]")


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


@functools.cache
def _prose() -> tuple[tuple[Path, str], ...]:
    """Read once a process: six test modules each ask for the documents when imported."""
    found = []
    for folder in sorted(CORPUS.iterdir()):
        gold_file = folder / "gold.json"
        if not gold_file.exists():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        notes = f"{gold.get('notes', '')} {gold.get('derived', '')}".lower()
        if not gold["format"].startswith("txt") or any(word in notes for word in _TABLE_WORDS):
            continue
        text = read_text(folder / "source.txt")
        if " | " in text or "\t" in text or "|\n" in text:
            continue
        found.append((folder, text))
    return tuple(found)


def prose_documents(settable: frozenset[str] | None = None) -> list[tuple[Path, str]]:
    """(folder, text) of each prose document, only those whose characters are all `settable`."""
    # A character the font's encoding lacks would be lost.
    return [(folder, text) for folder, text in _prose() if settable is None or set(text) <= settable]


def _columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def hard_wrapped(text: str, width: int, *, indent: bool) -> str:
    """The text as copied out of a PDF viewer: each paragraph broken where a line of `width`
    columns (a Chinese character is two) ends, its first line indented by two ideographic spaces."""
    out = []
    for paragraph in (line.strip() for line in text.splitlines()):
        if not paragraph:
            continue
        line = "\u3000\u3000" if indent else ""
        used = 2 * len(line)
        for char in paragraph:
            if line.strip() and used + _columns(char) > width and char not in NO_LINE_START:
                out.append(line)
                line, used = "", 0
            line += char
            used += _columns(char)
        out.append(line)
    return "\n".join(out)


def with_page_numbers(text: str, lines_a_page: int, *, style: str) -> str:
    """Wrapped text as a PDF viewer or pdftotext gives a multi-page file: after every
    `lines_a_page` lines the page's number, `— N —` between blank lines ("dash") or `-N-` then a
    form feed before the next page's first line ("pdftotext")."""
    lines = text.splitlines()
    pages = [lines[start : start + lines_a_page] for start in range(0, len(lines), lines_a_page)]
    out: list[str] = []
    for number, page in enumerate(pages, start=1):
        if style == "dash":
            out += page if number == len(pages) else [*page, "", f"— {number} —", ""]
        else:
            out += ["\f" + page[0] if number > 1 else page[0], *page[1:], f"-{number}-"]
    return "\n".join(out)


def score_bytes(folder: Path, data: bytes, name: str, *, gold: dict | None = None):
    """The corpus document in `folder` written as the file `name` (`source.pdf` …) holding `data`,
    scored in memory against its own gold (`gold`: the gold as a rewrite of the text rewrote it).
    Nothing is written: the probes score thousands of generated files a run."""
    from policy_tasks.parsing.scoring import score_source

    if gold is None:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return score_source(data, name, gold, current_year=2026, name=folder.name)


def misread(folder: Path, text: str, *, gold: dict | None = None, leaders: bool = False) -> str | None:
    """Score `text` as the source of the corpus document in `folder`, against its own gold (`gold`:
    the gold as the rewrite of `text` rewrote it): what was read wrong, or None when every clause
    and dated milestone is right (with `leaders`, every leader too), nothing is read where the gold
    has none and nothing is refused."""
    return misread_file(folder, text.encode("utf-8"), "source.txt", gold=gold, leaders=leaders)


def misread_file(
    folder: Path, data: bytes, name: str, *, gold: dict | None = None, leaders: bool = False
) -> str | None:
    """misread, for the document written as the file `name` (`source.rtf`, `source.odt` …)."""
    score = score_bytes(folder, data, name, gold=gold)
    if score.refused or score.extra or score.clauses_right < score.clauses or score.milestone_rate < 1:
        return f"{folder.name}: {score.refused or ''} {score.wrong[:3]}"
    if leaders and score.leaders_right < score.leaders:
        return f"{folder.name}: {score.leader_lines[:3]}"
    return None
