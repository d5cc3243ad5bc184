"""WordprocessingML names in Clark notation, as lxml gives an element's tag (`{namespace}p`).

The .docx readers (`word`, `numbering`, `page_headers`, `text_boxes`) compare tags and attributes
with these. python-docx's `docx.oxml.ns.qn` gives the same names, but importing python-docx for it
cost every process that loads the parser ~28 ms, whatever file it reads; python-docx itself is
imported when a .docx is read (`word.read_docx`). tests/sources/test_wordml_names.py holds the two
equal.
"""

from __future__ import annotations

WORD_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADER_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"


def qn(tag: str) -> str:
    """`w:p` → `{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p`. The readers name
    WordprocessingML's own elements only, so `w` is the one prefix known."""
    prefix, _, local = tag.partition(":")
    if prefix != "w" or not local:
        raise ValueError(f"not a WordprocessingML name: {tag!r}")
    return f"{{{WORD_NAMESPACE}}}{local}"
