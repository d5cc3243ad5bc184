"""Text boxes in a Word document: their paragraphs are text of the document, read where the box is anchored.

Offices lay out parts of a document in text boxes: the red-head (`XX县人民政府文件`) and its 文号 in
a template, a 附件 label, a note beside a table, now and then a whole notice. Word stores a box
inside a run of the paragraph it is anchored to, usually twice: the drawing (`wps:txbx`, in
`mc:Choice`) and its VML copy for older readers (`v:textbox`, in `mc:Fallback`). A box's paragraphs
are read once, from the first copy, as paragraphs of their own before the anchoring paragraph's
text (a box sits at or above its anchor); the paragraph's own text never includes them. A box
inside a box is read with the outer one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .wordml import qn

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

_TXBX_CONTENT = qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def box_contents(p: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    """The `w:txbxContent` of each text box anchored in paragraph `p`, outermost only, each box once."""

    def walk(element: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
        for child in element.iterchildren():
            if child.tag == _FALLBACK:
                continue  # the VML copy of the drawing read in mc:Choice
            if child.tag == _TXBX_CONTENT:
                yield child
            else:
                yield from walk(child)

    yield from walk(p)
