"""A one-line breakdown's salutation run into its title, and the annex list closing its body.

A copy that lost its line breaks runs the title into the salutation (`…2023年度某市公共机构节能工作任务分解各县、区公共
机构节能管理部门:按照…`, round 159): where the title names the document's kind as a breakdown or list does (`任务分解`,
`责任清单`, `工作要点`), its last word ends the title as `通知` ends a notice's, and the salutation after it is the
offices addressed (`one_line`'s salutation, read only after a notice's kinds). The first `各…:` of the header is taken,
as that reader takes it.

After the last item a notice closes with the annex list (`附件:附件1.docx …`, GB/T 9704's 附件说明, a paragraph of its
own below the body): run on, it would make the last item a line that holds an annex list, which is no item's text (the
item goes unread). Its mark after a sentence's end or a space opens its own line again.

Near cases: a salutation after a notice's kind (`…的通知各县…:`, read by `one_line`), a `各…:` inside the preamble after
other words (`…现将各县…情况:`, no kind before it), an annex mark that numbers an annexed plan (`附件1 某某清单 一、…`,
`one_line`'s annex cut) and an annex named inside a sentence (`见附件:`, no stop before it).
"""

from __future__ import annotations

import re

# The first offices addressed in the header, and the kind word a breakdown's or a list's title ends with.
_FIRST_SALUTATION = re.compile(r"各[^。;；:：!！?？]{1,80}[:：]")
_KIND_BEFORE = re.compile(r"(?:分解|清单|要点)\s*$")
# The annex list after a sentence's end or a space: its mark and colon.
_ANNEX_LIST = re.compile(r"(?:(?<=[。!！?？])|(?<=\s))\s*(?P<mark>附件\s*[:：])")


def closing_cuts(text: str, body: int) -> list[int]:
    """The salutation's bounds where it follows a breakdown's or list's title in the header `text[:body]`, and where
    the annex list after the body's last item opens."""
    cuts = []
    m = _FIRST_SALUTATION.search(text, 0, body)
    if m is not None and _KIND_BEFORE.search(text, 0, m.start()):
        cuts += [m.start(), m.end()]
    return cuts + [a.start("mark") for a in _ANNEX_LIST.finditer(text, body)]
