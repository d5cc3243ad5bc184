"""The corpus's prose documents saved in the other formats offices keep a plan in (RTF from Word and
from WPS, a web page saved as one file, OpenDocument, Word 2003 XML) read as annotated: a paragraph
a line, as a word processor holds them. No database."""

from __future__ import annotations

import pytest

from tests.sources import more_formats as m
from tests.sources.corpus_prose import misread_file, prose_documents

DOCUMENTS = prose_documents()
FORMATS = {
    # id: (file name, how the lines are saved)
    "word-rtf": ("source.rtf", lambda lines: m.rtf_lines(lines)),
    "wps-rtf": ("source.rtf", lambda lines: m.rtf_lines(lines, gbk=True)),
    "mht": ("source.mht", m.mht_lines),
    "odt": ("source.odt", m.odt_lines),
    "word-2003-xml": ("source.xml", m.word_xml_lines),
}


@pytest.mark.parametrize("kind", FORMATS)
def test_the_corpus_prose_in_another_format_reads_as_annotated(kind):
    name, make = FORMATS[kind]
    wrong = [
        error
        for folder, text in DOCUMENTS
        if (error := misread_file(folder, make([line for line in text.splitlines() if line.strip()]), name))
    ]
    assert len(DOCUMENTS) >= 50
    assert wrong == []
