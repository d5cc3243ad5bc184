"""An unnumbered covering notice's request to a breakdown's roles, above the breakdown on the same page (round 190).

A district issuing its 政府工作报告 责任分解 (常州 钟楼 2022) numbers nothing in its notice: after the salutation one
paragraph says why and what is issued, and asks the breakdown's roles in the same sentence:

    经开区、高新园(邹区镇)、各街道,区各办局、直属单位:
    为确保全面实现…目标,…对主要目标任务和重点工作进行了责任分解。现将相关分解落实方案印发给你们,请各牵头单位和配合
    单位按照目标任务要求,进一步细化工作举措,强化保障措施,…确保各项工作落实到位,目标任务顺利完成。
    附件:1. …责任分解表
    常州市钟楼区人民政府
    2022年2月10日
    附件1
    …(the table, its rows numbered)

The request is the notice's requirement: it charges the roles taken together (round 95) as the numbered `请各牵头单位和
责任单位于…前…` of round 101 does (`role_requests`), a clause also where the breakdown follows in the same document. With
the table's rows numbered, `charged_paragraphs` (a fallback for documents numbering nothing) never reads it, so the
paragraph's request is numbered here, `1、` by order, before the outline is read; the words before `请` (the reason and
the issuing) stay the notice's header.

Only before the notice's 落款 (its first line that is a date of writing alone), after a salutation, in a paragraph that
no marker opens, where the request's subjects are all a breakdown's roles (`role_requests.request_charge`), and where
the notice's own lines number nothing. Near cases left as they were: a request to anyone else (`请各地…`, `请有关部门…`);
a notice whose requirements are numbered (`一、…`, read as items already); a request after the 落款 (the table's notes).
"""

from __future__ import annotations

import re

from .outline import line_marker
from .role_requests import request_charge
from .textutil import normalise

# The request opening a part of the paragraph: after a sentence's end or a comma.
_REQUEST_AT_RE = re.compile(r"(?<=[。,;])请")
_DAY_RE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def with_requested_roles(lines: list[tuple[str, bool]], origins: list[int]) -> tuple[list[tuple[str, bool]], list[int]]:
    """`lines` with the notice's paragraph asking the breakdown's roles cut at its `请` and numbered `1、`, and each
    line's number in the file (`origins`: both parts keep their paragraph's); as they were where the notice holds no
    such paragraph."""
    salutation = None
    for k, (text, _) in enumerate(lines):
        norm = normalise(text).strip()
        if not norm:
            continue
        if _DAY_RE.match(norm):
            break  # the notice's 落款: its date of writing
        if salutation is None:
            if norm.endswith(":") and len(norm) <= 120:
                salutation = k
            continue
        if line_marker(norm) is not None:
            return lines, origins  # the notice numbers its own requirements: they are read as items
        m = _REQUEST_AT_RE.search(norm)
        if m is None or len(norm) != len(text.strip()) or request_charge(norm[m.start() :]) is None:
            continue
        stripped = text.strip()
        out, at = list(lines), list(origins)
        out[k : k + 1] = [(stripped[: m.start()], lines[k][1]), (f"1、{stripped[m.start() :]}", lines[k][1])]
        at[k : k + 1] = [origins[k], origins[k]] if k < len(origins) else []
        return out, at
    return lines, origins
