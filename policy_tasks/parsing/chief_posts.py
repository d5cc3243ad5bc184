"""A chief system's posts by level and its staff posts, written as an item's doers: leaders (round 147).

A river chief (河长制) or forest chief (林长制) office's rules and notices charge the chiefs by their level, not by
name, and often no unit at all:

    一、县、乡级、村级河长巡河不少于30分钟,…
    四、县(市)级河湖长每季度巡查不少于1次;乡(镇)级河湖长每年的3月至12月每月巡查不少于1次;…,各县(市)设置的专职(兼职)
    巡河员、河湖保洁员等每周巡查不少于1次。
    …要求镇、村两级河长按照所负责的河道,镇级河长每月巡河不少于3次,…。请镇、村两级河长务必引起高度重视,…

A chief's post is held by the party's or the government's head at that level: a person's post (round 95), never a
unit. Levels sharing one post are written once as the page writes them (`县、乡级、村级河长`, `镇、村两级河长`, round 143's
shared suffix), and a level the paragraph then parts from them (`镇级河长` after `镇、村两级河长`) is not written again.
The system's staff posts (`巡河员`, `河湖保洁员`, `护林员`, with `专职(兼职)` before them) are persons too (round 139's
posts), and the body whose staff they are (`各县(市)设置的…巡河员`) answers for them, as round 139's 村委会 does for its
专干: it leads.

A post is read where it is the doer: opening the item, a sentence or a part of one, or asked (`请…`, `要求…`).
The system's own office (`镇河长制办公室`, `县河长办`) opening a sentence or a part of one in an item whose doers are the
chiefs is the body charged beside them, and leads, as round 95 puts the office first among the chiefs; where it only
receives (`…报送镇河长制办公室归档备案`) it is no doer.

The levels' offices of the system as one group (`各省(自治区、直辖市)河长制办公室`, `各县(市、区)林长办`) opening an item's
sentence, then its period or its verb (`…河长制办公室每两月将…报送`), are that item's unit, one addressee, as round 119
reads `各县(市、区)林长办组织…` in an assessment's steps: a body named in full, not a vague `各地`, so read with or
without a salutation (a mirror's copy may have lost it). Near case: the group the reports go to (`报各省…河长制办公室`).

Every level's chiefs (`各级河长`), each level's (`各村级河长`, `各镇村级河长`, levels run together) are read the same, and
a chief charged beside a body (`各村委会、镇村级河长要…`) is that sentence's leader, the body its unit (round 177).

Near cases that name no leader: a post with no level (`河长`, `镇总河长` that a report goes to), the system and its
office (`河长制`, `镇河长制办公室`, `河长办`), a post inside a sentence as its object (`报送县级河长`), and `各级高度重视`.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .textutil import normalise

# A level, its own kind in brackets (`县(市)`, `村(社区)`), `级` or not: `县`, `乡级`, `乡(镇)级`.
_LEVEL = r"[省市县区乡镇村](?:\([\u4e00-\u9fff、]{1,4}\))?级?"
# Levels joined by `、` before one post, with their count (`镇、村两级河长`), at least one `级` written.
# Every level's chiefs (`各级河长`), each level's under `各` (`各村级河长`) and levels run together with no `、` (`镇村级河长`)
# are the same posts (round 177).
_POST = (
    rf"(?P<levels>各级|各?{_LEVEL}(?:、?{_LEVEL})*(?:[两三四五]级)?)(?P<post>总?(?:河湖|河|湖|林|田|路)长)(?![制办])"
)
_POST_RE = lazy_compile(_POST, needs="长")
# The system's staff posts: `专职(兼职)巡河员`, `河湖保洁员`, `护林员`.
_STAFF = r"(?:(?:专职|兼职)(?:\((?:专职|兼职)\))?)?(?:巡河|巡湖|巡林|护河|护林|河湖保洁|保洁)员"
_STAFF_RE = lazy_compile(rf"{_STAFF}(?:、{_STAFF})*", needs="员")
# `各县(市)设置的专职(兼职)巡河员`: the body whose staff the posts are.
_OWNER_RE = lazy_compile(
    rf"(?P<owner>各[\u4e00-\u9fff]{{1,6}}(?:\([\u4e00-\u9fff、]{{1,6}}\))?)(?:设置|设立|聘用|配备)的(?={_STAFF})",
    needs="各",
)
# Where a doer opens: the text's start, after a sentence's or a part's end, or after a request.
_OPENS = "。;,:!\n"
_ASKED_RE = re.compile(r"(?:请|要求|督促)$")


def _opens(norm: str, at: int, owner_end: int | None = None, charged: bool = False) -> bool:
    before = norm[:at].rstrip(" \t\u3000")
    if charged and before.endswith("、"):
        return True  # `各村委会、镇村级河长要…`: the chiefs charged beside the body (round 177)
    return not before or before[-1] in _OPENS or bool(_ASKED_RE.search(before)) or at == owner_end


def _levels(written: str) -> frozenset[str]:
    """The levels a post names, by their first character (`镇、村两级` → {镇, 村}, `各镇村级` → {镇, 村})."""
    if written == "各级":
        return frozenset("级")  # every level's chiefs
    return frozenset(c for c in written.removeprefix("各") if c in "省市县区乡镇村")


def chief_leaders(text: str) -> list[str]:
    """The chiefs by level and the system's staff the item charges, as written, in the text's order."""
    norm = normalise(text)
    owners = {m.end(): m for m in _OWNER_RE.finditer(norm)}
    found: list[tuple[int, str]] = []
    seen: list[tuple[frozenset[str], str]] = []
    for m in _POST_RE.finditer(norm):
        charged = norm.startswith(("要", "应", "须", "必须"), m.end())
        if "级" not in m["levels"] or not _opens(norm, m.start(), charged=charged):
            continue
        levels, post = _levels(m["levels"]), m["post"]
        if any(post == p and levels <= ls for ls, p in seen):
            continue  # `镇级河长` after `镇、村两级河长`: the paragraph parting the levels it named
        seen.append((levels, post))
        found.append((m.start(), text[m.start() : m.end()]))
    for m in _STAFF_RE.finditer(norm):
        if not _opens(norm, m.start(), m.start() if m.start() in owners else None):
            continue
        s = m.start()
        for part in norm[m.start() : m.end()].split("、"):
            found.append((s, text[s : s + len(part)]))
            s += len(part) + 1
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names


# `各村委会、镇村级河长要…`: chiefs by level charged after a body in one subject (round 177).
_BESIDE_RE = lazy_compile(rf"、{_POST}(?=要|应|须|必须)", needs="长")


def without_chiefs_beside(text: str) -> str:
    """`text` with the chiefs charged beside a body cut from its subject (`各村委会、镇村级河长要` → `各村委会要`), so the
    body is read as the subject it is; the chiefs are leaders (`chief_leaders`). Offsets before the cut stay."""
    if "长" not in text:
        return text
    return _BESIDE_RE.sub(lambda m: m.group() if "级" not in m["levels"] else "", text)


def staff_owner(text: str) -> str | None:
    """The body whose staff posts the item charges (`各县(市)设置的…巡河员`), as written, or None."""
    norm = normalise(text)
    m = _OWNER_RE.search(norm)
    return text[m.start("owner") : m.end("owner")] if m is not None else None


# The system's office: `镇河长制办公室`, `县河长办`, `市林长制办公室`.
_OFFICE_RE = lazy_compile(
    r"(?P<office>[省市县区乡镇村]?(?:总)?(?:河湖|河|湖|林|田|路)长(?:制)?(?:办公室|办))", needs="办"
)


def chief_post_at(norm: str, at: int) -> bool:
    """Whether a chief's post by level opens `norm` at `at` (`要求镇、村两级河长…`: persons asked, no body)."""
    m = _POST_RE.match(norm, at)
    return m is not None and "级" in m["levels"]


def chief_office(text: str) -> str | None:
    """The system's office opening a sentence or a part of one in an item whose doers are the chiefs, or None."""
    norm = normalise(text)
    if not chief_leaders(text):
        return None
    for m in _OFFICE_RE.finditer(norm):
        if _opens(norm, m.start()) and not _ASKED_RE.search(norm[: m.start()]):
            return text[m.start() : m.end()]
    return None


# `各省(自治区、直辖市)河长制办公室`, `各县(市、区)林长办`: each level's office of the system, as one group.
_GROUP_OFFICE_RE = lazy_compile(
    r"各[省市县区乡镇旗州盟](?:\([\u4e00-\u9fff、]{1,12}\))?(?:级)?(?:总)?(?:河湖|河|湖|林|田|路)长(?:制)?(?:办公室|办)"
    r"(?=每|将|要(?![求点])|应|须|于|在|负责|组织|按)",
    needs="各",
)


def office_group(text: str) -> str | None:
    """The levels' offices of the system opening a sentence of the item or its first line's next, as written, or None."""
    norm = normalise(text)
    for m in _GROUP_OFFICE_RE.finditer(norm):
        if _opens(norm, m.start()) and not _ASKED_RE.search(norm[: m.start()]):
            return text[m.start() : m.end()]
    return None
