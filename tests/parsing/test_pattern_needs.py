"""Every `lazy_compile(..., needs=...)` pattern holds a needed word in each of its matches.

A pattern given `needs` answers "no match" to a text without any of those words, uncompiled
(policy_tasks/parsing/lazy_patterns.py). A needed word that a match can lack would drop that match
silently, so each pattern's needs are checked against its parsed form (`re._parser`), not against
sample texts: every string the pattern can match, with what its lookaheads and lookbehinds require
of the text around it, must hold one word of each group. The check is conservative: it knows
literals, classes of a few characters, groups, alternatives, short repeats and lookarounds, and
answers False for anything else, so a word it cannot prove needed fails here.
"""

from __future__ import annotations

import gc
import re
from itertools import product
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest

import policy_tasks.parsing  # noqa: F401  (loads every reader, so every pattern exists)
from policy_tasks.parsing.lazy_patterns import _NeedingPattern, lazy_compile

_LIMIT = 4096  # strings an item may stand for before the check gives up on it


def _holds(strings: set[str], words: tuple[str, ...]) -> bool:
    return all(any(w in s for w in words) for s in strings)


def _sequence_needs(items, words: tuple[str, ...]) -> bool:
    """Every match of the sequence holds one of `words`."""
    run = {""}  # what the items since the last unknown one can match, one after another
    for op, av in items:
        if _item_needs(op, av, words):
            return True
        strings = _strings(op, av)
        if strings is not None and len(run) * len(strings) <= _LIMIT:
            run = {a + b for a, b in product(run, strings)}
            continue
        if _holds(run, words):
            return True
        run = {""} if strings is None else strings
    return _holds(run, words)


def _item_needs(op, av, words: tuple[str, ...]) -> bool:
    if op is sre.SUBPATTERN:
        return _sequence_needs(av[-1], words)
    if op is sre.ATOMIC_GROUP:
        return _sequence_needs(av, words)
    if op is sre.BRANCH:
        return all(_sequence_needs(branch, words) for branch in av[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return av[0] >= 1 and _sequence_needs(av[2], words)
    if op is sre.ASSERT:  # a positive lookaround: what it sees is in the text
        return _sequence_needs(av[1], words)
    return False


def _strings(op, av) -> set[str] | None:
    """Every string the item can match, when they are few (a zero-width item matches ''), else None."""
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.IN:
        return {chr(v) for _, v in av} if all(o is sre.LITERAL for o, _ in av) else None
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""}
    if op is sre.SUBPATTERN:
        return _sequence_strings(av[-1])
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            strings = _sequence_strings(branch)
            if strings is None:
                return None
            out |= strings
        return out if len(out) <= _LIMIT else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = av
        one = _sequence_strings(body)
        if high > 3 or one is None:
            return None
        out, level = set(), {""}
        for n in range(high + 1):
            if n >= low:
                out |= level
            level = {a + b for a, b in product(level, one)}
        return out if len(out) <= _LIMIT else None
    return None


def _sequence_strings(items) -> set[str] | None:
    out = {""}
    for op, av in items:
        strings = _strings(op, av)
        if strings is None or len(out) * len(strings) > _LIMIT:
            return None
        out = {a + b for a, b in product(out, strings)}
    return out


def needs_hold(pattern: str, flags: int, groups: tuple[tuple[str, ...], ...]) -> bool:
    if flags & re.IGNORECASE or "(?i" in pattern:
        return False
    parsed = sre_parse.parse(pattern, flags)
    return all(_sequence_needs(parsed, words) for words in groups)


# `type(o) is`, not isinstance: the heap holds weak proxies (pytest's, Django's), and isinstance asks a proxy its
# class, which raises ReferenceError once its object is gone (seen in CI's collection, 4 workers of 4).
NEEDING = sorted((o for o in gc.get_objects() if type(o) is _NeedingPattern), key=lambda p: (p.pattern, p.needs))


def test_the_parser_has_patterns_with_needs():
    assert len(NEEDING) >= 15


@pytest.mark.parametrize("pattern", NEEDING, ids=lambda p: "|".join(p.needs[0])[:40])
def test_every_match_holds_a_needed_word(pattern):
    assert needs_hold(pattern.pattern, pattern._flags, pattern.needs), (pattern.pattern, pattern.needs)


@pytest.mark.parametrize(
    ("pattern", "needs", "expected"),
    [
        (r"(?:职责|职能)范围", "职责|职能", True),
        (r"(?:职责|能)范围", "职责|职能", False),  # `能范围` holds neither
        (r"由(?=的问题)", "的问题", True),  # a lookahead's words are in the text
        (r"由(?!的问题)", "的问题", False),
        (r"[:：]", ":|：", True),
        (r"(?:主要)?(?:责任|牵头)(?:单位|部门)", "责任单位|责任部门|牵头单位|牵头部门", True),
        (r"(?:责任|牵头)(?:单位|部门)?", "责任单位|责任部门|牵头单位|牵头部门", False),
        (r"a[bc]?d", "ad|abd|acd", True),
        (r"a.d", "ad", False),
        (r"十[一二]五.*规划", "规划 & 十", True),
        (r"十[一二]五.*规划", "规划 & 五年", False),
        (r"(?i)abc", "abc", False),
    ],
)
def test_the_check_proves_only_what_holds(pattern, needs, expected):
    groups = lazy_compile(pattern, needs=needs).needs  # type: ignore[attr-defined]
    assert needs_hold(pattern, 0, groups) is expected


def _spans(*matches: re.Match[str] | None) -> list[tuple[int, int] | None]:
    return [m.span() if m is not None else None for m in matches]


def test_a_pattern_with_needs_answers_as_the_compiled_pattern():
    source = r"(?P<unit>[\u4e00-\u9fff]{2,8}?局)(?:牵头|负责)的"
    lazy, compiled = lazy_compile(source, needs="牵头的|负责的"), re.compile(source)
    for text in ("区发改局牵头的,区财政局负责的", "区发改局牵头,区财政局负责", ""):
        assert _spans(lazy.search(text), lazy.match(text), lazy.fullmatch(text), lazy.search(text, 3)) == _spans(
            compiled.search(text), compiled.match(text), compiled.fullmatch(text), compiled.search(text, 3)
        )
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert lazy.findall(text) == compiled.findall(text)
        assert lazy.sub("X", text) == compiled.sub("X", text) and lazy.subn("X", text) == compiled.subn("X", text)
        assert lazy.split(text) == compiled.split(text)
    assert lazy.groupindex == compiled.groupindex and lazy.pattern == source


def test_a_text_without_a_needed_word_compiles_nothing():
    lazy = lazy_compile(r"[\u4e00-\u9fff]{2}阶段", needs="阶段")
    assert lazy.search("第一步") is None and lazy.match("第一步") is None and list(lazy.finditer("第一步")) == []
    assert lazy._compiled is None  # type: ignore[attr-defined]
    assert lazy.search("第一阶段") is not None and lazy._compiled is not None  # type: ignore[attr-defined]


def test_needs_refuse_ignorecase_and_empty_words():
    with pytest.raises(ValueError):
        lazy_compile("abc", re.IGNORECASE, needs="abc")
    with pytest.raises(ValueError):
        lazy_compile("abc", needs="abc|")
