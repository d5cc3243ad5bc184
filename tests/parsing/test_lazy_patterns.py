"""`lazy_compile` patterns answer as compiled ones do, and loading the parser compiles none of them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from policy_tasks.parsing.lazy_patterns import lazy_compile

ROOT = Path(__file__).resolve().parents[2]


def test_a_lazy_pattern_answers_as_the_compiled_pattern():
    source = r"(?P<unit>[\u4e00-\u9fff]{2,8}?局)(?:牵头|负责)"
    lazy, compiled = lazy_compile(source), re.compile(source)
    text = "区发改局牵头,区财政局负责"
    assert lazy.pattern == source
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.search(text)["unit"] == compiled.search(text)["unit"] == "区发改局"
    assert lazy.sub("X", text) == compiled.sub("X", text)
    assert lazy.groupindex == compiled.groupindex and lazy.flags == compiled.flags


def test_loading_the_parser_compiles_no_lazy_pattern():
    script = """
import gc
import policy_tasks.parsing
from policy_tasks.parsing.lazy_patterns import _LazyPattern
patterns = [o for o in gc.get_objects() if isinstance(o, _LazyPattern)]
print(len(patterns), sum(p._compiled is not None for p in patterns))
"""
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    made, compiled = map(int, out.stdout.split())
    assert made >= 90 and compiled == 0
