"""The places and offices an inspection covered, addressed under one 各 (round 154).

A county's inspection report names what it inspected as the county's towns and its departments together, and its
demands charge them the same way: `各镇、部门要在线索排查上再下功夫`. One `各` over a level of places and a kind of
office joined by `、` is one addressee, as round 140's `各乡镇、街道` and `各开发区、镇(街道)` are: the `、` parts the
kinds under the one quantifier, not addressees. A second `各` (`各镇、各部门`) parts two groups, and a qualified body
after the `、` (`各县区、开发区管委会`) is a body of its own; neither is read here.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .textutil import normalise

_INSPECTED_RE = lazy_compile(r"^各(?:乡镇|镇|乡|街道|镇街|乡镇\(街道\)|镇\(街道\))、(?:部门|单位|县直部门|县直单位)$")


def inspected_group(names: str) -> bool:
    """Whether `names` is one `各` over the towns and the offices inspected (`各镇、部门`)."""
    return bool(_INSPECTED_RE.match(normalise(names).replace(" ", "")))
