"""A campaign plan's stages named by their ordinal alone, under the section that announces them.

A town's or a street's 集中整治方案 divides its campaign under a section heading naming its stages
(`一、时间及阶段划分`, `二、实施步骤及阶段安排`) and writes each stage as its ordinal name closed by a full
stop, its dated steps after it: `第一阶段。2月20日,镇政府成立…。2月22日宣传发动,…。第二阶段。2月23日至2月25日,…`.
Each stage is an item of that section, its dated steps its milestones (corpus README round 77). A copy
that lost the line breaks (a sharing site's preview, `preview_pages`) runs the heading, the stages and
the next section into one paragraph; the outline then sees no stage at all.

So, in such a paragraph, where a section heading naming 阶段 or 步骤 (a short title, no punctuation, after a
sentence's end or an announcing colon) runs straight into `第一阶段。`, the heading opens a line and
each stage opens one, in order (`第二阶段。` right after a sentence's end, then `第三阶段。`…). The
outline reads a line opening with `第X阶段。` as an item (`outline`, style `stage`), its name kept as its
first words. A stage named in a sentence (`完成第一阶段预期目标`), stages after a heading that names no
stage, or `第一阶段,动员…` with no full stop after the name are left as they are.
"""

from __future__ import annotations

import itertools
import re
from datetime import date

from .deadlines import find_time_phrases
from .lazy_patterns import lazy_compile
from .outline_node import Node
from .page_marks import is_page_line
from .responsibility import Responsibility
from .result import ParsedMilestone
from .textutil import cn_numeral, normalise
from .unit_labels import CO, LISTED
from .unit_names import VAGUE_RE, looks_like_units

# `…方案为:一、时间及阶段划分第一阶段。`: the section heading naming the stages, then the first stage.
_HEADING_RE = lazy_compile(
    r"(?:(?<=[。;:;:!?])|^)\s*(?P<h>[一二三四五六七八九十]{1,3}、[^。,,;;::!?()()\s]{0,16}(?:阶段|步骤)"
    r"[^。,,;;::!?()()\s]{0,8}?)"
    r"(?=第一阶段[。.])",
    needs="第一阶段",
)
# `…工作分三个阶段进行:第一阶段(2019年12月-2020年3月)。各乡镇要…`: a lead-in counting the stages, its colon, then the
# first stage with its span (`stage_marks`, round 181), run on in a copy that lost its line breaks.
_LEAD_IN_RE = lazy_compile(
    r"分[一二三四五六七八九十两\d]{1,2}个阶段(?:进行|实施|开展|推进)?\s*[::]\s*(?P<h>)(?=第一阶段\([^()]{0,30}\d[^()]{0,30}\)[。.])",
    needs="第一阶段",
)
# `第二阶` / `2、段`: a sharing site's page counter between the halves of a stage's name.
_COUNTER_CUT_RE = lazy_compile(r"(第[一二三四五六七八九十]{1,2}阶)\s*\d{1,3}\s*、\s*(?=段)")


def split_ordinal_stages(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Lines with a run-on stage section cut: the heading, then each stage, a line each. A paragraph a page's width
    wrapped (or a page's number broke) is read whole, and a preview's page counter inside a stage's name (`第二阶` /
    `2、段`) dropped."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j][1] and lines[j][0].strip():
            j += 1
        if j == i:
            out.append(lines[i])
            i += 1
            continue
        run = lines[i:j]
        joined = _COUNTER_CUT_RE.sub(r"\1", "".join(t.strip() for t, _ in run if not is_page_line(t.strip())))
        m = _HEADING_RE.search(joined) or _LEAD_IN_RE.search(joined)
        out.extend(run if m is None else _cut(joined, m))
        i = j
    return out


def _cut(text: str, m: re.Match[str]) -> list[tuple[str, bool]]:
    cuts = [m.start("h"), m.end("h")]
    at = m.end("h")
    for n in range(2, 11):
        nxt = _stage_at(text, f"第{cn_numeral(n)}阶段", at)
        if nxt < 0:
            break
        cuts.append(nxt)
        at = nxt
    bounds = [0, *cuts, len(text)]
    return [(text[a:b].strip(), True) for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def _stage_at(text: str, name: str, start: int) -> int:
    """Where the stage named `name` opens after `start`, right after a sentence's end; -1 if nowhere."""
    at = text.find(name, start)
    while at >= 0:
        after = text[at + len(name) :]
        if (after[:1] in ("。", ".") or _SPAN_STOP_RE.match(after)) and text[:at].rstrip()[-1:] in "。;;":
            return at
        at = text.find(name, at + 1)
    return -1


# A stage's span and its full stop after its name (`(2020年4月-2020年12月)。`, round 181).
_SPAN_STOP_RE = lazy_compile(r"\([^()]{0,30}\d[^()]{0,30}\)[。.]")
_STAGE_NAME_RE = lazy_compile(r"^第[一二三四五六七八九十]{1,2}阶段[。.]\s*")
# A dated step opening a stage's sentence: `2月20日,`, `2月22日宣传发动`, `2月23日至2月25日,`.
_STEP_DATE_RE = lazy_compile(
    r"\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*[至到—\-~]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)?(?:前|以前)?"
)
_SENTENCE_RE = re.compile(r"[^。;]+")
_PART_END_RE = re.compile(r"[,。;]")
# The verb right after the subject of a stage's step: `镇政府成立…`, `…领导小组对各责任区进行检查验收`,
# `城管队、…居委会针对居民户…督促限期整改`.
_VERB_RE = re.compile(r"成立|针对|对|负责|要(?![求点])|将|组织|开展|进行|督促|牵头|配合")
# `大兴、集东、启建居委会`: short names before one that ends in a unit's kind share that kind.
_KIND_RE = lazy_compile(r"(?P<kind>居委会|村委会|社区居委会|社区|村|中队|大队|办事处)$")


def stage_steps(node: Node, milestones: list[ParsedMilestone], year: int) -> list[ParsedMilestone]:
    """A stage's dated steps (`2月22日宣传发动,…`, `2月23日至2月25日,…`): each sentence of a `第X阶段。` item that
    opens with a day is a milestone due that day (a span's last), unless one is already due on it."""
    if node.style != "stage":
        return milestones
    text = node.own_text
    norm = normalise(text)
    found = list(milestones)
    phrases = find_time_phrases(norm, year, written=text)
    head = _STAGE_NAME_RE.match(norm)
    for sentence in _SENTENCE_RE.finditer(norm, head.end() if head else 0):
        start = sentence.start() + len(sentence.group()) - len(sentence.group().lstrip(" ,"))
        step = _STEP_DATE_RE.match(norm, start)
        if step is None:
            continue
        own = [p for p in phrases if start <= p.start < step.end() and p.due is not None]
        if not own:
            continue
        last = max(own, key=lambda p: p.due or date.min)
        if any(m.due_date == last.due for m in found):
            continue
        stop = _PART_END_RE.search(norm, step.end() + 1 if norm[step.end() : step.end() + 1] == "," else step.end())
        end = stop.start() if stop else sentence.end()
        found.append(
            ParsedMilestone(text[start:end].strip(), start, end, last.due, "deadline", text[start : step.end()])
        )
    found.sort(key=lambda m: m.start)
    return found


def stage_charge(text: str) -> Responsibility | None:
    """Who does a `第X阶段。` stage's steps: each step's subject after its day (`2月20日,镇政府成立…`), or after its
    dated action (`2月22日宣传发动,城管队、大兴、集东、启建居委会针对…`). The first subject leads, later ones help
    (README round 85); short names sharing the last name's kind are written out (`大兴居委会`, `集东居委会`)."""
    norm = normalise(text)
    head = _STAGE_NAME_RE.match(norm)
    if head is None:
        return None
    found = Responsibility(origin="正文开头")
    for sentence in _SENTENCE_RE.finditer(norm, head.end()):
        if _STEP_DATE_RE.match(norm, sentence.start() + len(sentence.group()) - len(sentence.group().lstrip())) is None:
            continue
        at = sentence.start()
        for part in _PART_END_RE.finditer(norm, at, sentence.end()):
            names = _subject(norm, part.end(), sentence.end())
            if names:
                role = CO if found.roles[LISTED] else LISTED
                named = found.roles[LISTED] + found.roles[CO]
                found.roles[role] += [n for n in names if n not in named]
                break
    return found if found.found else None


def _subject(norm: str, start: int, end: int) -> list[str]:
    stop = _PART_END_RE.search(norm, start, end)
    stop_at = stop.start() if stop else end
    for verb in _VERB_RE.finditer(norm, start + 2, stop_at):
        names = _written_out(norm[start : verb.start()].strip())
        if names and all(looks_like_units(n) and not VAGUE_RE.search(n) for n in names):
            return names
    return []


def _written_out(subject: str) -> list[str]:
    """`城管队、大兴、集东、启建居委会` → 城管队, 大兴居委会, 集东居委会, 启建居委会."""
    names = [n for n in subject.split("、") if n]
    kind = _KIND_RE.search(names[-1]) if names else None
    if kind is None or len(names) < 2:
        return names
    out = list(names)
    for i in range(len(names) - 2, -1, -1):
        if looks_like_units(names[i]) or len(names[i]) > 4:
            break  # `城管队`: a unit of its own, and the names before it too
        out[i] = names[i] + kind["kind"]
    return out
