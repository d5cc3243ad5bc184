"""The persons a notice item's later part charges by post beside its subject body, and the bodies they urge.

A notice item charges its addressee first and may go on, after a comma or a full stop, to the persons on duty by
post (round 179):

    各乡镇人民政府要充分利用微信群…每天提醒村民,值班领导及人员还要督促各行政村落实森林防火宣传。

Posts held by persons are the item's leaders as written (README rounds 139, 156; `cadre_posts`, `post_subjects`), the
staff named beside them (`及人员`, `及工作人员`) no one; the bodies they urge to do the work (`督促各行政村落实…`) help the
subject body, which the persons serve.

Near cases: a later part whose subject is a body (`;各村要…`, `subject_sentences.later_subjects`), staff alone
(`值班人员要…`, no post of a leader), `要求` (no charge), `督促整改` with no body named.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .post_subjects import persons_subject

# A leader's post by what the leader does (`值班领导`, `带班领导`, `包村领导`).
_LEADER_POST_RE = lazy_compile(r"^(?:各|全体)?(?:值班|带班|包村|包片|驻村|挂点|联村)领导$", needs="领导")
_LATER_POST_RE = lazy_compile(
    r"[,，;；。]\s*(?P<names>[\u4e00-\u9fff、]{2,12}?)(?:及(?:其他|值班|工作)?人员)?(?:还|也|都|同时)?要(?![求点素件])",
    needs="要",
)
# The bodies urged to do the work, a group under one 各, before the work's verb.
_URGED_RE = lazy_compile(
    r"督促(?P<urged>各[\u4e00-\u9fff()]{1,12}?)(?=落实|做好|开展|加强|抓好|建立|做到|组织|切实|全面|认真|及时|履行)",
    needs="督促",
)


def _post(names: str) -> bool:
    return bool(_LEADER_POST_RE.match(names)) or persons_subject(names)


def later_posts(norm: str, after: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(the posts' spans, the urged bodies' spans) of the later parts of `norm` after `after` whose subject is a
    person's post."""
    posts: list[tuple[int, int]] = []
    urged: list[tuple[int, int]] = []
    for m in _LATER_POST_RE.finditer(norm, after):
        if not _post(m["names"]):
            continue
        posts.append(m.span("names"))
        stop = next((i for i in range(m.end(), len(norm)) if norm[i] in "。;；\n"), len(norm))
        urged += [u.span("urged") for u in _URGED_RE.finditer(norm, m.end(), stop)]
    return posts, urged
