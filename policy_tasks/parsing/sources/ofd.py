"""OFD (GB/T 33190-2016), the fixed-layout format of China's electronic official documents.

An OFD is a zip: `OFD.xml` names each document's root (`Doc_0/Document.xml`), which lists its
pages (`Pages/Page_0/Content.xml`). A page holds text objects placed on it: `TextObject` has a
`Boundary` ("x y w h", millimetres) and a font `Size`, and its `TextCode`s give each run's origin
(`X`, `Y` from the boundary's corner, Y on the baseline) and the advance of every character after
the first (`DeltaX`, with `g n d` for n repeats of d). Converters write a run per line, per word or
per character, so the reader places every character on the page, gathers characters into lines
by their baseline, and hands the lines to the PDF reader's paragraph joining (a line that runs to
the text's right edge goes on in the next). A wide gap inside a line (a table drawn with rules,
whose cells OFD keeps as separate text) becomes a tab, which the parser's flattened-table reader
takes as a column break.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from typing import TYPE_CHECKING

from lxml import etree

from .base import CORRUPT_ARCHIVE, ENCRYPTED_OFD, SCANNED_OFD, Source, SourceError
from .pdf import layout_blocks

if TYPE_CHECKING:
    from lxml.etree import _Element
    from pdfplumber._typing import T_obj  # the PDF reader's line, which these lines stand in for

_MAX_PAGES = 300


def read_ofd(data: bytes, filename: str, archive: zipfile.ZipFile) -> Source:
    names = set(archive.namelist())
    root = _xml(archive, next(n for n in names if n.lower() == "ofd.xml"))
    items: list[T_obj] = []
    for doc_root in _all(root, "DocRoot"):
        document_path = _path("", doc_root.text or "")
        if document_path not in names:
            raise SourceError(CORRUPT_ARCHIVE)
        document = _xml(archive, document_path)
        if _all(document, "Encryptions") or any(n.lower().endswith("encryptions.xml") for n in names):
            raise SourceError(ENCRYPTED_OFD)
        base = posixpath.dirname(document_path)
        pages = [p for p in _all(document, "Page") if p.get("BaseLoc")][:_MAX_PAGES]
        for number, page in enumerate(pages, 1):
            content = _path(base, page.get("BaseLoc", ""))
            if content in names:
                items.extend(_page_lines(_xml(archive, content), number))
    if sum(len(item["text"].strip()) for item in items) < 10:
        raise SourceError(SCANNED_OFD)
    return Source("ofd", filename, layout_blocks(items, _edges(items)))


def _edges(lines: list[T_obj]) -> tuple[float | None, float]:
    """The left margin and the right edge of the text block. An OFD places every line exactly,
    so the right edge is where the longest lines end (two at least), not the most common end."""
    left_counts: dict[int, int] = {}
    for line in lines:
        left_counts[round(line["x0"])] = left_counts.get(round(line["x0"]), 0) + 1
    left = min((x for x, n in left_counts.items() if n >= 2), default=None)
    widest = max(line["x1"] for line in lines)
    size = max(line["chars"][0]["size"] for line in lines)
    full = sum(1 for line in lines if line["x1"] >= widest - 0.5 * size)
    return (float(left) if left is not None else None), (widest if full >= 2 else widest + size)


def _xml(archive: zipfile.ZipFile, name: str) -> _Element:
    try:
        return etree.fromstring(archive.read(name), etree.XMLParser(resolve_entities=False, no_network=True))
    except (KeyError, etree.XMLSyntaxError) as exc:
        raise SourceError(CORRUPT_ARCHIVE) from exc


def _all(element: _Element, local: str) -> list[_Element]:
    found: list[_Element] = element.xpath(f".//*[local-name()='{local}']")
    return found


def _path(base: str, location: str) -> str:
    """`BaseLoc` is relative to the file that names it, or absolute from the package root."""
    location = location.strip().replace("\\", "/")
    if location.startswith("/"):
        return posixpath.normpath(location.lstrip("/"))
    return posixpath.normpath(posixpath.join(base, location))


def _numbers(text: str | None) -> list[float]:
    try:
        return [float(x) for x in (text or "").split()]
    except ValueError:
        return []


def _advances(text: str | None, count: int) -> list[float]:
    """DeltaX: one advance per character after the first; `g 3 4.5` is 4.5 three times."""
    tokens = (text or "").split()
    out: list[float] = []
    i = 0
    while i < len(tokens) and len(out) < count:
        if tokens[i] == "g" and i + 2 < len(tokens):
            try:
                out += [float(tokens[i + 2])] * int(tokens[i + 1])
            except ValueError:
                break
            i += 3
            continue
        try:
            out.append(float(tokens[i]))
        except ValueError:
            break
        i += 1
    return out[:count]


def _page_lines(page: _Element, number: int) -> list[T_obj]:
    chars: list[tuple[float, float, float, str]] = []  # (baseline y, x, size, character)
    for obj in _all(page, "TextObject"):
        box = _numbers(obj.get("Boundary"))
        if len(box) < 2:
            continue
        size = (_numbers(obj.get("Size")) or [3.5])[0]
        ctm = _numbers(obj.get("CTM"))
        if len(ctm) == 6 and ctm[0] > 0:
            size *= ctm[3] or ctm[0]  # fonts scaled by the object's transform
        for code in _all(obj, "TextCode"):
            text = code.text or ""
            if not text:
                continue
            x = box[0] + (_numbers(code.get("X")) or [0.0])[0]
            y = box[1] + (_numbers(code.get("Y")) or [0.0])[0]
            steps = _advances(code.get("DeltaX"), len(text) - 1)
            for i, ch in enumerate(text):
                chars.append((y, x, size, ch))
                x += steps[i] if i < len(steps) else size
    chars.sort(key=lambda c: (c[0], c[1]))
    lines: list[list[tuple[float, float, float, str]]] = []
    for char in chars:
        if lines and abs(char[0] - lines[-1][0][0]) <= 0.3 * max(char[2], lines[-1][0][2]):
            lines[-1].append(char)
        else:
            lines.append([char])
    out: list[T_obj] = []
    for line in lines:
        line.sort(key=lambda c: c[1])
        text, previous = "", None
        for y, x, size, ch in line:
            if previous is not None:
                gap = x - (previous[1] + previous[2])
                text += "\t" if gap > 2 * size else (" " if gap > 0.6 * size else "")
            text += ch
            previous = (y, x, size)
        size = max(c[2] for c in line)
        top = min(c[0] for c in line) - size
        if text.strip():
            out.append(
                {
                    "kind": "line",
                    "page": number,
                    "text": re.sub(r" +", " ", text),
                    "x0": line[0][1],
                    "x1": line[-1][1] + line[-1][2],
                    "top": number * 10_000 + top,  # pages in order, whatever their coordinates
                    "bottom": number * 10_000 + top + size,
                    "chars": [{"size": c[2]} for c in line],
                }
            )
    return out
