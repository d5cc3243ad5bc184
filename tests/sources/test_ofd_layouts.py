"""The corpus's prose documents as OFD (GB/T 33190, the format of China's e-government documents)
read as annotated: a text object a line wrapped at the page's edge, or a character an object as
some converters write them (tests/sources/builders.ofd_bytes). No database."""

from __future__ import annotations

import pytest

from tests.sources.builders import ofd_bytes
from tests.sources.corpus_prose import prose_documents, score_bytes

DOCUMENTS = prose_documents()


@pytest.mark.parametrize(("width", "per_char_every"), [(40, 2), (28, 3)], ids=["40-half-chars", "28-a-third-chars"])
def test_the_corpus_prose_as_an_ofd_reads_as_annotated(width, per_char_every):
    wrong, clauses = [], 0
    for folder, text in DOCUMENTS:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        score = score_bytes(folder, ofd_bytes(lines, per_char_every=per_char_every, width_chars=width), "source.ofd")
        clauses += score.clauses
        if score.refused or score.extra or score.clauses_right < score.clauses or score.milestone_rate < 1:
            wrong.append(f"{folder.name}: {score.refused or ''} +{score.extra} {score.wrong[:3]}")
    # 73 documents and 270 clauses on 2026-12-04.
    assert len(DOCUMENTS) >= 70 and clauses >= 260
    assert wrong == []
