"""An item that opens with its deadline and then names who takes the step as the sentence's subject.

A provincial 实施方案's schedule (`四、实施进度`, `工作步骤`) lists its steps as dated sentences with no
bracket and no label: each item opens with the step's deadline and a comma, and then who takes the step,
written as the sentence's subject before its verb: `(一)2016年2月底前,各市州完成…摸底并报送省教育厅;`,
`(二)3月10日前,省教育厅负责完成…`, `(三)3月20日前,省财政厅将所需资金下达各市州及县市区财政部门;`.
This is the responsibility written as a sentence's subject (`州政府督查室要…`, `由A负责,B配合`,
`role_sentences`, `opening_roles`), after a leading time phrase. So:

- the subject charges the item, the first listed leading (`A、B完成…`: A leads, B helps);
- `A、B会同C、D完成…`: the units after 会同 help (as in `由A会同B、C等部门…`, `convened_units`);
- a later sentence of the item whose subject is another addressee taking the step's next part
  (`…将资金下达各幼儿园。各幼儿园在收到款项后十个工作日内落实到每个在园幼儿`) names a unit that helps;
- the units a report or money goes to (`报送省教育厅`, `下达各市州财政部门`) receive it: no units of the item.

The subject must read as units (`role_sentences.reads_as_units`: `省教育厅`, `省财政厅、省教育厅`), or be one
addressee of a group: local governments of one level (`各市州`, `group_openings`), places of one or two
levels with the department they share (`各市州及县市区财政部门`: the finance departments of both levels), or
institutions of one kind (`各幼儿园`, `各学校`). A vague subject (`各地`, `各部门`, `有关部门`) charges no one, and
an item that does not open with a time phrase and a comma is not read here.
"""

from __future__ import annotations

import re

from .deadlines import is_time_part
from .group_openings import government_group
from .lazy_patterns import lazy_compile
from .role_sentences import reads_as_units
from .unit_labels import CO, LISTED
from .unit_names import ETC_RE, TRIM, VAGUE_RE, looks_like_units

# The verb (or the time of its own) right after a step's subject.
_VERB_RE = re.compile(
    r"要(?![求点])|负责(?![同人])|会同|完成|将|组织|开展|启动|做好|制定|出台|报送|上报|下达|拨付|印发|建立|落实|实施|推进"
    r"|召开|提出|审核|汇总|核实|在|于|按照|及时|全面|统一|分别|共同"
)
# Where the names after 会同 end: the step's work.
_WORK_RE = re.compile(
    r"完成|做好|开展|组织|落实|实施|推进|研究|制定|审核|核实|汇总|清算|检查|验收|评估|负责|共同|对|进行|将"
)
_LEVEL = r"(?:县级市|市州|乡镇|县|市|区|乡|镇|旗|州|盟|街道)"
_LEVELS = rf"(?:{_LEVEL}(?:\({_LEVEL}(?:、{_LEVEL})*\))?、?)+"
# `各市州及县市区财政部门`, `各县(市、区)教育行政部门`: places of one or two levels and what they share.
_PLACE_GROUP_RE = lazy_compile(
    rf"^各{_LEVELS}(?:[及和]各?{_LEVELS})?(?:人民政府|政府|[\u4e00-\u9fff]{{2,6}}(?:部门|局|委|办))?$"
)
# `各幼儿园`, `各中小学校`, `各定点医院`: institutions of one kind.
_INSTITUTIONS_RE = lazy_compile(
    r"^各[\u4e00-\u9fff]{0,4}?(?:幼儿园|中小学校?|学校|高校|医院|卫生院|医疗机构|养老机构)$"
)
_PART_END_RE = re.compile(r"[,。;\n]")
_SENTENCE_RE = re.compile(r"[。;]\s*")


def _is_subject(names: str) -> bool:
    names = names.strip(TRIM)
    if not names or VAGUE_RE.search(names):
        return False
    return (
        reads_as_units(names)
        or government_group(names)
        or bool(_PLACE_GROUP_RE.match(names) or _INSTITUTIONS_RE.match(names))
    )


def _subject_at(norm: str, start: int, verbs: re.Pattern[str]) -> tuple[int, int, re.Match[str]] | None:
    """The subject starting at `start` before its verb: (names start, names end, the verb's match)."""
    stop = _PART_END_RE.search(norm, start)
    end = stop.start() if stop else len(norm)
    for at in range(start + 2, end):
        verb = verbs.match(norm, at, end)
        if verb is not None and _is_subject(norm[start:at]):
            return start, at, verb
    return None


def dated_subject(norm: str) -> list[tuple[str, int, int]]:
    """The units of an item that opens `<time>,<subject><verb>…`: (role, names start, names end) each,
    the subject's units LISTED (the first leads), those after its 会同 and the subjects of its later
    sentences CO; empty when the item does not open so."""
    first = _PART_END_RE.search(norm)
    if first is None or first.group() != "," or not is_time_part(norm[: first.start()]):
        return []
    subject = _subject_at(norm, first.end(), _VERB_RE)
    if subject is None:
        return []
    found = [(LISTED, subject[0], subject[1])]
    verb = subject[2]
    if verb.group() == "会同" and (joined := _subject_at(norm, verb.end(), _WORK_RE)) is not None:
        # `A、B会同C完成…`: C helps; a closing `等部门` names none.
        etc = ETC_RE.search(norm, joined[0], joined[1])
        end = etc.start() if etc else joined[1]
        if looks_like_units(norm[joined[0] : end].strip(TRIM)):
            found.append((CO, joined[0], end))
    sentence_end = _SENTENCE_RE.search(norm, verb.end())
    while sentence_end is not None and sentence_end.end() < len(norm):
        # `…下达各幼儿园。各幼儿园在收到款项后十个工作日内落实…`: the next part's addressee helps.
        if (later := _subject_at(norm, sentence_end.end(), _VERB_RE)) is not None:
            found.append((CO, later[0], later[1]))
        sentence_end = _SENTENCE_RE.search(norm, sentence_end.end())
    return found
