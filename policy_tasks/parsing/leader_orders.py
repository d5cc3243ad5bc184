"""Orders handing a task to a leader who takes it on, the units that carry it out named once before the list.

A news report on the proposals chosen for 重点办理 (人大代表建议, 政协提案) gives them out as one paragraph of
`;`-separated orders, each naming its proposals first and closing with the leader who 领办 them:

    …,分别由6位副省长领办,省政府有关部门重点办理,…。
    这14件建议中,关于…的建议、关于…的建议,由省委常委、常务副省长某某领办;关于…的建议,由副省长某某领办;…。

The one after `由` who 领办 (`领衔办理`, `牵头督办`, `领衔督办`) is a person: a leader, written with every post the text
gives him (`省委常委、常务副省长某某` is one person), never a unit. Such a part is an order of the list
(`charged_parts`), the lead-in before the first (`这14件建议中,`, `其中,`) no part of it. The offices that carry the
orders out are named once, in the sentence that says who 领办 them (`分别由…领办,省政府有关部门重点办理`): they lead
every order, as a list's owner stated before its items does (`list_owners`); those who only 督办 are no unit, and a
bare `有关部门` with no level is none (`省政府有关部门` is one addressee, as `省有关部门和单位` is).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .person_names import is_person
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED
from .unit_lists import split_names
from .unit_names import PLACE_FIRST_RE, TRIM, looks_like_units

# What a leader does with the orders given him.
_TAKES_ON = r"(?:领办|领衔办理|牵头督办|领衔督办)"
# The order's close: `,由<leader>领办` at the part's end, after the task it names first.
_CLOSE_RE = lazy_compile(rf"[,:]由(?P<who>[\u4e00-\u9fff、]{{2,30}}?){_TAKES_ON}[。;]?$")
# A post held beside the one the name follows (`省委常委`, `县委常委`, `党组成员`).
_POST_RE = lazy_compile(r"[\u4e00-\u9fff]{0,8}?(?:常委|委员|书记|成员|长|主任|主席)")
# The report's lead-in to the list's first order (`这14件建议中,`, `其中,`, `上述提案中,`).
LEAD_IN = r"(?:其中|[这此上以][^,;。:!?由]{0,12}?中)[,:]"
_LEAD_IN_RE = lazy_compile(LEAD_IN)
# The sentence stating the list's units: a part saying who 领办 (`分别由6位副省长领办`), and a part naming the
# units that carry the orders out (`省政府有关部门重点办理`, `由县政府有关部门具体承办`).
_SENTENCE_RE = lazy_compile(r"[^。!?\n]+")
_STATES_LEADERS_RE = lazy_compile(rf"(?:^|[,;:])(?:分别)?由[^,;。]{{1,20}}?{_TAKES_ON}(?=$|[,;])")
_UNITS_PART_RE = lazy_compile(
    r"(?:^|[,;:])由?(?P<names>[\u4e00-\u9fff()、]{2,40}?)(?:重点|具体|负责|共同|认真)?(?:办理|承办|落实)(?=$|[,;])"
)


def leader_named(who: str) -> bool:
    """A person, written with every post he holds: `副省长某某`, `省委常委、常务副省长某某` (posts joined by 、,
    the name after the last)."""
    *posts, person = [p.strip(TRIM) for p in who.split("、")]
    return is_person(person) and all(_POST_RE.fullmatch(p) for p in posts)


def closing_leader(part: str) -> tuple[int, int] | None:
    """The span of the leader an order closes with (`关于…的建议,由副省长某某领办;`), or None when the part is no
    such order: it names no task before `由`, the one named is no person, or it opens with the list's lead-in."""
    m = _CLOSE_RE.search(part)
    if m is None or m.start() == 0 or _LEAD_IN_RE.match(part) or not leader_named(m["who"]):
        return None
    return m.start("who"), m.end("who")


def leader_charge(text: str) -> Responsibility | None:
    """The leader an order closes with, as the clause's leader (no unit), or None."""
    norm = normalise(text).rstrip()
    span = closing_leader(norm)
    if span is None:
        return None
    found = Responsibility(origin="领办")
    found.leaders.append(text[span[0] : span[1]].strip(TRIM))
    return found


def stated_units(header: list[tuple[int, str]]) -> tuple[Responsibility, str] | None:
    """The units the sentence saying who 领办 the orders names as carrying them out (`分别由6位副省长领办,
    省政府有关部门重点办理`), with where they were read, or None."""
    for _, text in reversed(header):
        norm = normalise(text)
        for sentence in _SENTENCE_RE.finditer(norm):
            if not _STATES_LEADERS_RE.search(sentence[0]):
                continue
            for part in _UNITS_PART_RE.finditer(sentence[0]):
                names = part["names"]
                if looks_like_units(names) and PLACE_FIRST_RE.match(names) and not is_person(names):
                    start = sentence.start() + part.start("names")
                    found = Responsibility(origin="领办说明")
                    found.roles[LISTED] = split_names(text, norm, start, start + len(names))
                    return found, "领办说明"
    return None
