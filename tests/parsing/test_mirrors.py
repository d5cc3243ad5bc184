"""Real plans as mirror sites store them (traditional characters, pinyin glosses) read as their corpus copies.

Each file in `mirrors/` is the page a corpus document was made from, before anyone converted it
back to simplified characters by hand (`mirrors/README.md`). Read as the import reads an upload,
it must give the tasks its corpus copy gives: the same clauses, units and roles, leaders and dates.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from policy_tasks.parsing.document import parse_bytes
from policy_tasks.parsing.script import WARNING

HERE = Path(__file__).parent
MIRRORS = sorted((HERE / "mirrors").glob("*.txt"))
GLOSS = re.compile("[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")


def _tasks(parsed):
    return [
        (t.label, t.lead_units, t.co_units, t.leaders, [(m.due_date, m.kind) for m in t.milestones])
        for t in parsed.tasks
    ]


def test_every_mirror_has_its_corpus_copy():
    assert len(MIRRORS) == 22
    assert all((HERE / "corpus" / path.stem / "gold.json").exists() for path in MIRRORS)


@pytest.mark.parametrize("path", MIRRORS, ids=lambda p: p.stem)
def test_a_mirror_reads_as_its_corpus_copy(path):
    folder = HERE / "corpus" / path.stem
    source = next(p for p in folder.iterdir() if p.name.startswith("source."))
    year = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["year"]
    copy = parse_bytes(source.read_bytes(), filename=source.name, year=year)
    mirror = parse_bytes(path.read_bytes(), filename=path.name, year=year)
    assert _tasks(mirror) == _tasks(copy)
    assert not GLOSS.search("".join(t.text for t in mirror.tasks))
    assert WARNING in [w.message for w in mirror.warnings]
