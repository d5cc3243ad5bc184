"""One test worker's memo of the parser's reading of a document's lines (`document._parse_lines`).

The suite gives the parser the same lines many times over in one worker: a corpus probe's layout
that leaves a document's text as it was, a round's test reading a corpus document that test_corpus
scores as well, the seed imported by test after test. Counted on 2026-12-07 over tests/parsing and
tests/sources (four workers): 32,109 parses of 14,935 distinct inputs, and 45% of their parse time
spent reading again lines the same worker had already read.

The parser is a function of those inputs alone (plain Python: no clock, no settings, no database;
each cache inside it is keyed by its text), so a second reading of the same lines is a copy of the
first one's result, taken before any caller touched it: a test gets what a parse returns, and what
it changes in its copy reaches no other test. A refusal (ParseError) is not remembered: it is
raised by a fresh parse each time. `fresh()` reads the lines anew where a test times the parse
itself (test_corpus's "well within a second"). bench/ never loads this: the benches time the real
work of a parse in a fresh process.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# A worker keeps at most this much of pickled readings (a corpus document's is 5-60 KB); the oldest go first.
_MAX_BYTES = 256 * 1024 * 1024
_memo: dict[bytes, bytes] = {}
_held = 0
_fresh = 0


@contextmanager
def fresh() -> Iterator[None]:
    """Parse anew inside the block (its readings are still remembered for later tests)."""
    global _fresh
    _fresh += 1
    try:
        yield
    finally:
        _fresh -= 1


def _remember(key: bytes, reading: bytes) -> None:
    global _held
    _memo[key] = reading
    _held += len(reading)
    while _held > _MAX_BYTES and _memo:
        oldest = next(iter(_memo))
        _held -= len(_memo.pop(oldest))


def install() -> None:
    from policy_tasks.parsing import document

    parse_lines = document._parse_lines
    if getattr(parse_lines, "memo", False):
        return

    def remembered(lines: list[tuple[str, bool]], **options: Any) -> Any:
        key = hashlib.blake2b(pickle.dumps((lines, sorted(options.items())), protocol=5), digest_size=20).digest()
        if not _fresh and (kept := _memo.get(key)) is not None:
            return pickle.loads(kept)
        parsed = parse_lines(lines, **options)
        _remember(key, pickle.dumps(parsed, protocol=5))
        return parsed

    remembered.memo = True  # type: ignore[attr-defined]
    document._parse_lines = remembered  # type: ignore[assignment]
