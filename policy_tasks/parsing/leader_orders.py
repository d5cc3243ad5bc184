"""Orders handing a task to a leader who takes it on, the units that carry it out named once before the list.

A news report on the proposals chosen for 重点办理 (人大代表建议, 政协提案) gives them out as one paragraph of
`;`-separated orders, each naming its proposals first and closing with the leader who 领办 them:

    …,分别由6位副省长领办,省政府有关部门重点办理,…。
    这14件建议中,关于…的建议、关于…的建议,由省委常委、常务副省长某某领办;关于…的建议,由副省长某某领办;…。

The one after `由` who 领办 (`领衔办理`, `牵头督办`, `领衔督办`) is a person: a leader, written with every post the text
gives him (`省委常委、常务副省长某某` is one person), never a unit. A body may take an order on as a leader does
(`关于…的建议,由市住建局领办`, a 局, 委, 办 or 政府): it is then the order's lead unit, no leader (a body that
only `牵头督办` oversees: the order is one of the list, and names no one). Such a part is an order of the list
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
from .unit_labels import LEAD, LISTED
from .unit_lists import split_names
from .unit_names import PLACE_FIRST_RE, TRIM, VAGUE_RE, looks_like_units

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
_STATES_LEADERS_RE = lazy_compile(
    rf"(?:^|[,;:])(?:分别)?由[^,;。]{{1,20}}?{_TAKES_ON}(?=$|[,;])", needs="领办|领衔办理|牵头督办|领衔督办"
)
_UNITS_PART_RE = lazy_compile(
    r"(?:^|[,;:])由?(?P<names>[\u4e00-\u9fff()、]{2,40}?)(?:重点|具体|负责|共同|认真)?(?:办理|承办|落实)(?=$|[,;])"
)


def leader_named(who: str) -> bool:
    """A person, written with every post he holds: `副省长某某`, `省委常委、常务副省长某某` (posts joined by 、,
    the name after the last)."""
    *posts, person = [p.strip(TRIM) for p in who.split("、")]
    return is_person(person) and all(_POST_RE.fullmatch(p) for p in posts)


def _body_named(who: str) -> bool:
    """A body, or bodies joined by 、, named as such (`市住建局`, `县委办、县政府办`); no vague `有关部门`, no person."""
    parts = [p.strip(TRIM) for p in who.split("、")]
    return looks_like_units(who) and all(
        p and not VAGUE_RE.search(p) and not p.startswith(("有关", "相关", "各")) and not is_person(p) for p in parts
    )


def _closing(part: str) -> tuple[int, int, bool] | None:
    m = _CLOSE_RE.search(part)
    if m is None or m.start() == 0 or _LEAD_IN_RE.match(part):
        return None
    if leader_named(m["who"]):
        return m.start("who"), m.end("who"), True
    return (m.start("who"), m.end("who"), False) if _body_named(m["who"]) else None


def closing_leader(part: str) -> tuple[int, int] | None:
    """The span of the leader (or the body) an order closes with (`关于…的建议,由副省长某某领办;`), or None when the
    part is no such order: it names no task before `由`, the one named is no person and no body, or it opens with the
    list's lead-in."""
    found = _closing(part)
    return None if found is None else (found[0], found[1])


def leader_charge(text: str) -> Responsibility | None:
    """The leader an order closes with, as the clause's leader (no unit), or the body, as its lead unit; or None."""
    norm = normalise(text).rstrip()
    found = _closing(norm)
    if found is None:
        return None
    start, end, person = found
    if not person and norm.endswith("督办", 0, len(norm.rstrip("。;"))):
        # A body that only 督办 oversees the work, as the offices stated for the list that 督办 do: the order is one
        # of the list, its units those stated for the list.
        return None
    read = Responsibility(origin="领办")
    if person:
        read.leaders.append(text[start:end].strip(TRIM))
    else:
        read.roles[LEAD] = split_names(text, norm, start, end)
    return read


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
