"""Who an item charges when it names no unit in a bracket, a label or a heading: its sentences'
subjects, each way the genre writes them tried in turn, the most specific first."""

from __future__ import annotations

from .assigned_posts import held_post_charge
from .cadre_posts import cadre_charge
from .charged_projects import project_charge
from .chief_posts import chief_leaders, chief_office, office_group, staff_owner, without_chiefs_beside
from .claimed_roles import acting_posts, claimed_roles
from .day_orders import brought_in_leaders, campaign_charge
from .department_paragraphs import department_charge
from .handed_cases import handed_case_charge
from .handed_quotas import quota_charge
from .headed_groups import group_set_up_charge
from .helped_steps import helped_charge
from .leader_colon_items import leader_colon_charge
from .meeting_demands import demand_charge
from .minute_subjects import minute_charge
from .notice_issuers import answerable_leaders, issuer_charge
from .opening_charges import opening_charge
from .placed_subjects import comma_places
from .responsibility import Responsibility
from .restated_lists import section_subject
from .role_heads import paired_heads, role_heads
from .speaker_demands import mixed_group_charge, own_arrangement_charge
from .subject_runs import run_charge
from .task_first_orders import order_charge
from .unit_labels import LISTED
from .work_holders import holder_charge


def sentence_charge(
    text: str, *, minute: bool, orders: bool, groups: frozenset[str], issuer: str | None = None
) -> Responsibility | None:
    """`minute`: the document is a meeting's minute; `orders`: a list of leaders' orders;
    `groups`: the salutation's groups a notice charges as its items' subjects; `issuer`: the level of the
    government issuing the notice (`notice_issuers.own_government`)."""
    # A minute's decision names every subject (`A负责…,B配合…`), its opening one first (`minute_subjects`).
    charged = minute_charge(text) if minute else None
    charged = charged or claimed_roles(text)  # `明晰了每一项任务的牵头领导、牵头单位…,要逐一认领` (`claimed_roles`)
    # `镇政府成立…小组,组长由镇长担任`, `…成立由X镇长为组长,…的…领导小组`, `…成立…指挥所。所长:A;副所长:B`: the body
    # that sets the group up leads (`headed_groups`, rounds 139, 148, 177).
    charged = charged or group_set_up_charge(text)
    # `A负责的…项目`, a part of a 督办 list of projects (`charged_projects`); `州政府督查室要…`, the item's opening.
    # `各村委会、镇村级河长要…`: the body beside the chiefs is the subject, the chiefs leaders (`chief_posts`, round 177).
    charged = charged or project_charge(text) or opening_charge(without_chiefs_beside(text), groups)
    # `各部门、各乡镇(区)要…` with no salutation: the bare group names no one, the governments lead (`speaker_demands`).
    charged = charged or (mixed_group_charge(text) if not groups else None)
    if charged is None and not groups and (places := comma_places(text)) is not None:
        charged = Responsibility.first_leading([places], "正文开头")  # `全市各镇街片区,各部门单位要…` (round 176)
    charged = charged or own_arrangement_charge(text)  # `我局对…争取于4月20日前完成`: the bureau's own (round 166)
    # `…工作。局综合科结合…`, the bureau's section after its title; `副省长X:负责…`, a leader's paragraph.
    charged = charged or section_subject(text) or leader_colon_charge(text)
    charged = charged or (order_charge(text) or run_charge(text) if orders else None)  # `督导组负责…`, `subject_runs`
    # `区环保局务必…`: a paragraph of a list of duties by department, charged by any verb (`department_paragraphs`).
    charged = charged or (department_charge(text) if orders else None)
    # `此次…活动要求A和B既要…`, `…具体由A、B自行组织安排实施`: a campaign report's orders beside its days (`day_orders`).
    charged = charged or (campaign_charge(text) if orders else None)
    # `各乡办、各有关部门要…`, `市住建、市监…等部门要…`, `春季是…,X要…`, `会后,…要求X做好…,Y紧密配合`: a meeting's
    # unnumbered demands charging groups, short forms and bodies (`meeting_demands`, rounds 162 and 163).
    charged = charged or (demand_charge(text, reports=orders) if minute or orders else None)
    charged = charged or issuer_charge(text, issuer)  # `市政府将…列入年度考核`: the issuer itself (`notice_issuers`)
    # `镇包库领导、所属行政村负责人要…`: a town's 包保 posts, their bodies answering (`assigned_posts`, round 152).
    charged = charged or held_post_charge(text)
    charged = charged or holder_charge(text)  # `…水库,行政责任人江海彬;…` (`work_holders`, round 177)
    charged = charged or quota_charge(text)  # `…物资任务,下达各村(详见附表)` (`handed_quotas`, round 177)
    cadres = cadre_charge(text)  # the body a post heads is `opening_charge`'s (`cadre_posts.headed_body_charge`)
    # `在信息中心和各部门的配合下,…`: helpers only, read where the item is already a clause (`helped_steps`).
    charged = charged or helped_charge(text)
    charged = charged or handed_case_charge(text)  # `对…有困难的,由X统一协调解决`: the one body given a duty
    # `各县(市)设置的…巡河员`: the staff's body; `…,镇河长制办公室制定…`: the chief system's office; `各省(自治区、直辖市)
    # 河长制办公室每两月将…`: the levels' offices of the system (`chief_posts`).
    if (charged is None or not charged.found) and (
        owner := staff_owner(text) or chief_office(text) or office_group(text)
    ) is not None:
        charged = charged.copy() if charged is not None else Responsibility(origin="正文开头")
        charged.origin = charged.origin or "正文开头"
        charged.roles[LISTED] = [owner]
    # `市政府领导按职责分工负责`, `各单位主要负责同志为…第一责任人`: the persons made answerable, whoever is charged.
    leaders = [n for n in answerable_leaders(text) if charged is None or n not in charged.leaders]
    # `县、乡级、村级河长巡河…`, `…巡河员每周巡查`: a chief system's posts by level and its staff (`chief_posts`).
    leaders += [n for n in chief_leaders(text) if n not in leaders and (charged is None or n not in charged.leaders)]
    # `各驻村干部、村干部主动摸`, `全体驻片干部下沉到村`: cadres by post beside any body charged (`cadre_posts`, round 156).
    leaders += [
        n
        for n in (cadres.leaders if cadres else [])
        if n not in leaders and (charged is None or n not in charged.leaders)
    ]
    # `由X负责联系分管的县领导`: the leader a campaign's order brings in (`day_orders`, round 160).
    leaders += [n for n in (brought_in_leaders(text) if orders else []) if n not in leaders]
    # `牵头领导带头`: the breakdown's leader post as a subject (`claimed_roles`).
    leaders += [n for n in acting_posts(text) if n not in leaders and (charged is None or n not in charged.leaders)]
    # `各责任单位要…。主要负责同志要…`: the heads of the roles just charged, by post (`role_heads`, round 114).
    # The heads stay leaders beside a leaders' division post a later sentence charges (`…。各县级包抓领导要…`, round 150).
    if charged is not None and not charged.leaders:
        leads, helpers = charged.lead_and_co()
        # `主要负责人亲自抓、分管领导具体抓`: the charged roles' heads paired by post (round 128).
        heads = role_heads(text, leads, leads + helpers) or paired_heads(text, leads)
        leaders = sorted(dict.fromkeys(heads + leaders), key=text.find)
    if leaders:
        charged = charged.copy() if charged is not None else Responsibility()
        charged.leaders += leaders
    return charged
