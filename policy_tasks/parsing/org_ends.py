"""How the name of a body ends (`…局`, `…管委会`, `…中学`): what tells a unit from a person or a place."""

from __future__ import annotations

import re

ORG_END_RE = re.compile(
    r"(?:局|委|办|厅|院|政府|中心|公司|部|会|室|队|所|站|馆|集团|街道|乡镇|处|署|团|社|校|单位|部门|企业|银行|组|办公室|管委会|镇|乡"
    # A verb in 行 ends no bank's name (`…落实全面推行`, a prose line a PDF cut, round 119).
    r"|(?<![推执运实进施履试践])行"
    # People's organisations: 妇联, 残联, 侨联, 科协, 工商联.
    r"|联|协"
    # A county bureau's sections (农业股, 财务科) and a few named bodies; a customs district is
    # named by its city and ends in 海关 (`厦门海关`, `福州海关`).
    r"|股|科|电视台|气象台|林场|农场|海关"
    # A ministry's or national bureau's department (`政策法规司`, `预报司`, `人事司`, `规财司`), as its own
    # 分工, assessment and disclosure tables name them (rounds 94, 97); not a superior (`上司`), a lawsuit
    # (`官司`) or a company (`公司`, above).
    r"|(?<![公上官有])司"
    # A garrison command, charged by a city's emergency plans beside its departments (`沈阳警备区`).
    r"|警备区|军分区"
    # Schools by their kind (`县第一中学`, `县实验小学`, `县中心幼儿园`).
    r"|中学|小学|大学|幼儿园"
    # A government's assessment body named by its work (`区绩效考评机构`), charged by a breakdown's notice (round 101).
    r"|考评机构|考核机构"
    # The bodies a fund allocation gives its projects to, charged together as a role (`项目实施主体`, round 105).
    r"|实施主体"
    # A task force a plan sets up and then charges (`区域教育中心建设专班`, `市创文工作专班`): a body, charged in a
    # sentence (`由…专班负责`) as in a bracket (round 121).
    r"|专班)$"
)
