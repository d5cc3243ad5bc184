"""Persons written where units go: a leader's title or name (`副区长王明`, `伍泽国`, `库里满·恰里甫`), a name
with its post in brackets (`张明(县政府副县长)`), told from the short names of units, places and a progress
table's states that look like them."""

from __future__ import annotations

import re

from .org_ends import ORG_END_RE
from .place_names import is_place_name
from .textutil import is_han, normalise
from .titled_names import titled_name

# A chief system's post (`总河长`, `河长`, `湖长`, `林长`, `田长`, `路长`, `链长`), at a level or all of them (`各级总河长`,
# `市级河长`): held by the party's and the government's heads, a person's post as `县长` is, never a body (the system's
# office, `河长制办公室`, is the unit).
TITLE_RE = re.compile(
    r"(?:书记|区长|县长|市长|省长|镇长|乡长|局长|主任|部长|秘书长|主席|委员|总?(?:河|湖|河湖|林|田|路|链)长)$"
)


# A name whose parts an interpunct joins (`库里满·恰里甫`, `努尔买买提·阿布来提`) is written so for a
# person of a minority people or abroad; a unit's name has none.
_DOTTED_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•・‧][\u4e00-\u9fff]{1,8}){1,3}")


def _dotted_name(norm: str) -> bool:
    return bool(_DOTTED_NAME_RE.fullmatch(norm)) and not ORG_END_RE.search(norm)


# A person's post or rank as a bracket after the name gives it (`张明(县政府副县长)`,
# `努尔买买提·阿布来提(县人大常委会四级调研员)`).
_POST_RE = re.compile(r"(?:书记|长|主任|主席|委员|调研员|巡视员|专员|负责人)$")
_NAME_WITH_POST_RE = re.compile(r"(?P<name>[^()]{2,20})\((?P<post>[^()]{2,30})\)")


def _named_with_post(norm: str) -> bool:
    """`张明(县政府副县长)`: a person's name followed by their post in brackets, as a role sentence
    names the leader who answers for an item; a unit's other name in brackets (`省发改委(省能源局)`)
    follows a unit's name, not a person's."""
    m = _NAME_WITH_POST_RE.fullmatch(norm)
    return m is not None and _POST_RE.search(m["post"]) is not None and is_person(m["name"])


# A progress table's state cell (`已完成`, `推进中`, `未开工`, `完工`), as short as a name.
_STATE_RE = re.compile(
    r"[已未]\w{1,2}|(?:推进|进行|实施|建设|施工|办理|开展|谋划)中|完成|完工|开工|竣工|在建|滞后|正常|达标|超期|逾期"
)


def is_person(name: str) -> bool:
    """A leader's title or name written where units go (`副区长王明`, `伍泽国`, `库里满·恰里甫`), or a
    name with its post in brackets (`张明(县政府副县长)`)."""
    norm = normalise(name).replace(" ", "")
    if _named_with_post(norm):
        return True
    if TITLE_RE.search(norm):
        return not re.search(r"(?:委员会|主任办公室)$", norm)
    if _dotted_name(norm) or titled_name(norm):
        return True
    if norm.endswith("同志") and 2 <= len(norm) - 2 <= 4 and is_han(norm[:-2]):
        return True  # `张三同志牵头`: a person, named as the party writes its members
    # Two or three characters with no unit suffix and no place prefix: a person's name.
    return (
        len(norm) in (2, 3)
        and is_han(norm)
        and not (
            ORG_END_RE.search(norm)
            or _STATE_RE.fullmatch(norm)
            or norm[0] in "各省市区县乡镇全本"
            or norm.endswith(("区", "县", "市", "州", "旗", "村"))
            # A 街道 in the short form a 责任单位 field writes it (`仁兴街` for 仁兴街道办事处), a place
            # level as `区` and `村` are.
            or norm.endswith("街")
            # A complex named for what it hosts (`五金城`, `科技城`, `物流港`, `产业园`) is a place run
            # by its own administration, listed among the units.
            or norm.endswith(("城", "港", "园"))
        )
    )


# A city or county, or its government, by name (`大庆市`, `塔河县政府`); not a group (`各区政府`).
NAMED_PLACE_RE = re.compile(r"(?!各|有关|相关)[\u4e00-\u9fff]{1,5}?(?:市|州|县|区|盟|旗)(?:人民政府|政府)?")


def is_person_among(names: list[str], i: int) -> bool:
    """`is_person` for the i-th name of a list of units: a province or prefecture written bare
    (`省发改委、黑河`, `市住建局、汉中`: `place_names`) is a place standing for its government, as
    `黑河市` is, and so is a bare name written next to a named place or its government (`漠河、
    塔河县政府`, `大庆市、肇东`, `黑河、漠河`), never a person; a title (`副市长`) is a person wherever
    it stands, and a name neither listed nor beside a place (`区民政局、张丽`) is a person."""
    norm = normalise(names[i]).replace(" ", "")
    if (
        not is_person(names[i])
        or TITLE_RE.search(norm)
        or _dotted_name(norm)
        or _named_with_post(norm)
        or titled_name(norm)
    ):
        return is_person(names[i])
    if is_place_name(normalise(names[i]).replace(" ", "")):
        return False
    beside = [normalise(n).replace(" ", "") for n in names[max(i - 1, 0) : i] + names[i + 1 : i + 2]]
    return not any(NAMED_PLACE_RE.fullmatch(n) or is_place_name(n) for n in beside)
