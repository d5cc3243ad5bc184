"""The .docx readers' WordprocessingML names are python-docx's, without importing python-docx.

`sources.wordml` stands for `docx.oxml.ns.qn` and python-docx's header relationship type, so that
loading the parser (every import command, every worker) does not load python-docx; a .docx still
reads through python-docx (`word.read_docx`).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn as docx_qn

from policy_tasks.parsing.sources import wordml

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "policy_tasks" / "parsing" / "sources"


def _names_the_readers_use() -> set[str]:
    names: set[str] = set()
    for path in SOURCES.glob("*.py"):
        names.update(re.findall(r"""qn\(["']([a-zA-Z0-9]+:[a-zA-Z0-9]+)["']\)""", path.read_text(encoding="utf-8")))
    return names


def test_every_name_the_readers_use_is_python_docx_s():
    names = _names_the_readers_use()
    assert len(names) > 20
    for name in names:
        assert wordml.qn(name) == docx_qn(name), name


def test_the_header_relationship_is_python_docx_s():
    assert wordml.HEADER_RELATIONSHIP == RELATIONSHIP_TYPE.HEADER


@pytest.mark.parametrize("tag", ["wp:inline", "p", "w:", ":p"])
def test_a_name_outside_wordprocessingml_is_refused(tag):
    with pytest.raises(ValueError):
        wordml.qn(tag)


def test_loading_the_parser_does_not_load_python_docx():
    code = "import sys, policy_tasks.parsing; print('docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
