"""The parser against the hand-checked corpus (tests/parsing/corpus): issue 12's bounds.

`manage.py score_corpus --verbose` prints the same figures per document and per format, with
every clause read wrongly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.lib import clock
from policy_tasks.parsing.scoring import corpus_folders, provinces, score_folder
from tests import parse_memo
from tests.heap import own_heap

CORPUS = Path(__file__).parent / "corpus"

# The corpus as it last grew (blind rounds 82–151, and the fix of rounds 95–97's leftovers): a change may add
# documents or read more of them right, never fewer. Raise these with the corpus, never lower them.
DOCUMENTS_AT_LEAST, PROVINCES_AT_LEAST = 633, 32
# Milestones: round 86 read its 2 right (323), then the rule that a deadline field on the day of a dated
# commitment of its clause's text restates it (one commitment, one milestone; corpus README) removed exactly
# 2 gold milestones that had written such a field as a second one (henan-jiaotongju-zhenggai-2010 四.(一)2,
# anhui-huaiyuan-nongye-2023 52): 323 - 2 = 321, every gold milestone still read; rounds 87–91 added 1, 11, 1, 1 and 13;
# round 93 none (its documents date nothing), round 94 4 (and 4 clauses), round 95 3, round 96 none, round 97 1; the
# fix of rounds 95–97's leftovers (group addressees as subjects) 7 clauses, no milestone; round 98 21 clauses, no
# milestone (its two documents date nothing); round 99 6 and 3, round 100 29 and 16, round 101 (武汉 2018's two notice
# requirements left) 11 and 3; the rule settled for them (a covering notice's requirements charging the breakdown's
# roles are clauses, round 101, session 30) 8 and 3: 武汉 2018's two, and six re-annotated in hubei-caidian-2023,
# shanghai-qingpu-zhongdiangongzuo-2008 and shanxi-qinxian-2025; round 102 171 and 78, round 103 34 and 5
# (大兴's ordinal stages read afterwards, 3 and 4), round 104 7 and 2, round 105 14 and 1; round 106 14 and 1, and 1
# clause re-annotated to round 101's rule (beijing-daxing-zhongdiangongzuo-fengong-2023's notice item 三); round 107 14
# and 7; round 108 11 and 1 (泽库, which it collected too, left to round 105); round 109 20 and none; round 110 1
# and none; round 111 6 and 2; round 112 18 and 2; round 113 9 and 2; round
# 114 10 and 10 (万州's two table rows left); round 116 18 and 4 (中梁山's unnumbered project paragraphs read, 8 and
# 2); round 115 113 and 68, and the rule it settled (README round 115: a horizon year's figures dated, one a figure;
# `X月前` its month's end) 9 more in five re-annotated golds; round 117 15 and none (its documents date nothing);
# round 118 2 and 1; round 119 45 and 6 (石城's table and a 林长制 rules page); round 120 6 and 5; round 121 2 and 1
# (宣城's 提示单 row, its deadline under 备注); round 122 19 and none; round 123 26 and none; round 124 17 and 16 (石城,
# which it collected too, left to round 119); round 125 4 of 9 and 1 of 2 (its paginated page's stage, requirements
# and annex rows left to the reviewer); round 126 2 and none; round 127 12 and 13; round 128 9 and 6; round 129 6 and
# none (its documents date nothing); round 130 16 and 1; round 131 5 and 3; round 132 3 and 17; round 133 12 and
# none; round 134 3 and 1; round 135 7 and none; round 136 8 and 3; round 137 14
# and 1 (a health digest's counted lists and retold tasks, a bureau's notice to its departments); round 138 8 and none
# (贵池's bracket a sentence and a county's 餐桌污染 measures under its section's fields, a preview counter in a bracket);
# round 139 5 and 1 (a town meeting report's inline arrangements, its villages and stations as subjects, a point's
# subject before its moment, a quoted commemorative day, staff posts, later subjects), and its 社区戒毒 plan, moved in
# from tests/parsing/corpus_pending once a portal's page around it read right (session 36), 5 and 5;
# round 140 11 and none (its documents date nothing; 各开发区、镇(街道) one addressee); round 141 11 and 8 (a notice to
# 各有关单位 charging the groups it names, a plan's bare years, an estimate after a count); round 142 10 and 4 (notices
# handing out proposals: their handling roles as subjects); round 143 10 of 11 and 4 of 6 (the 乡's lead-in group, items
# opening with their day; 广东's run-together unit cell and two of its dates left; its 永荣 page, read right as written,
# waited in tests/parsing/corpus_pending, and came in with 4 and 4 once a finished item's `(一)`, an event's
# `参加人员:` field and a section's lone `1、` were read in every layout, session 36); round 144 3 and 2 (read right at
# first look); round 145 4 and none (its documents date nothing), and its 乡 plan, moved in from tests/parsing/corpus_pending
# once its label closed by a full stop was read inside a run-together line too (session 36), 1 and none; round 146 6 of 6
# (market-regulation bureaus' own plans; 六盘水's 责任科室 field re-annotated as three units, as the README's groups read); round 147 6 and none
# (a notice to the chiefs by level, a water bureau's patrol rules; the national notice, whose item 二's group survives
# only in a mirror's mojibake, waits in tests/parsing/corpus_pending; 广州's task page joined once read on one line too,
# 1 and 4); round 149 4 and none (山东's sentence
# of principle as sub-heading over bracketed paragraphs, 盐城's groups' heads named first answerable; 湖北 2017 and
# 武汉 2019, read right as written, waited in tests/parsing/corpus_pending and came in in session 37: 武汉 with 2 and
# 4 once, on one line, a sentence's deadline `于2019年4月15日、…将第一、…` was no 落款's date over a plan's title;
# 湖北 with 2 and 1 once its handing-down sentence `经省人民政府同意,现将…` opened a paragraph wrapped and on one
# line, and a lone `(一)` after a full stop was its `一、`'s first sub-item on one line); round 148 5
# and 1 (a town's fire-safety plans: units as a sentence's subject, a group headed by named posts; 均坪's page, read right
# as written, waited in tests/parsing/corpus_pending and came in with 1 and none in session 37, once on one line its
# `排查整治范围` and spaced `工作目标 …` frames, its `(一)` glued to its section's title and its office after the field
# heading `道路交通领域` were read); round 150 3 and 2 (民生实事
# covering and progress notices: a project list's roles beside the salutation's groups, a progress notice's 下一步
# paragraph, 会昌's page no longer refused; 西乡's notice, read right as written, waited in tests/parsing/corpus_pending
# and came in with 2 and none in session 37, once on one line a notice numbering nothing was cut at its salutation, its
# grounds' `请认真贯彻执行` and each sentence charging its groups or a breakdown's role); round 152 2 and none (大口镇's flood
# plan: its 包保 posts charged with their bodies answering, `由镇协调X做好…`; its three other pages, read right as written
# once a town's counted measures, standby teams and a point's `(X负责):` bracket were read, waited in
# tests/parsing/corpus_pending and came in in session 37 with 10 and 1: 常坟's once its rank ordinals `一、` / `二、三线`
# cut at the width went on, a point paragraph ended at the width was followed by the next point's, and on one line the
# title's counted points were paragraphs; 创文's once an annexed row naming a point by its name before its bracket
# restated it and on one line a list's `1、` glued to its group heading opened it; 刘场's as it reads on the base);
# round 151 4 and none (a
# meeting report's decisions under `会议确定:`, its attendance line no one's units, a breakdown's roles told to claim
# their tasks, a rhythm `一月一调度`; its 西乡 2023 notice, round 150's document collected twice, dropped; 西乡's 2020
# 包抓 notice and 通山's 2022 notice, read right as written, waited in tests/parsing/corpus_pending and came in in session
# 37 with 5 and none: 西乡's once a PDF's joined `三是…。四是…` was cut at the open point list's next point and on one line
# points glued to their section's title were paragraphs, 通山's once its salutation after the portal's empty
# `发文日期:` field was cut); round 153 14 and 1 (设备更新 plans
# and 2024 责任分解 notices: a year naming the work reviewed or planned, a role singled out with 特别是, a breakdown after
# its notice's date whose section numbers its tasks 1., 2. on one line; 成都's lossy copy, read right as written once its
# units stated for every field and its plan's targets were read, waits in tests/parsing/corpus_pending: on one line its
# items (二) and (八) are not found); round 155 3 and none (根治欠薪 and 就业 plans: one zone before a zone's
# committee, `甲经开区、乙园区管委会`, two units as round 17 read them, 阜阳's gold corrected to that; 六盘水's, read right
# as written once a city's 特区 was a level in a group under one 各, `各县、特区、区人民政府`, and a township's 根治欠薪
# plan wait in tests/parsing/corpus_pending: set as a PDF table, and wrapped or on one line, they are misread); round
# 156 none yet (land and building
# campaign meeting reports: 卫县's page no longer refused once a leader named by his post and demanding by name alone
# (`乔新光强调,一要…`) heads inline points, 塔铺's 街道 cadres charged by post and its points whose stops the page lost,
# 亭口's `各管区`; three read right as written, the 街道's five measures not yet (二, 三's units); all four wait in
# tests/parsing/corpus_pending: run onto one line none is found, and 卫县's and 亭口's fail some page widths); round 154 10 and none (扫黑除恶 and 矛盾纠纷 reports and plans: an inspection
# group's demands numbered inline after `督导组指出:`, 石泉's page no longer refused, with `各镇、部门` one addressee; a town
# meeting's `…并作出工作安排。` over its `一是` points; a plan's work named before `由X牵头,` and the next part's bodies
# helping; a town's `村居` as a subject with no `要`); in session 37's third pass 六盘水's 就业 plan (2 and none: set as a
# PDF table once a cell's line ending in `社会` was cut inside a name, `市人力资源社会` / `保障局`), 塔铺's and 卫县's
# meeting reports (3 and none, 3 and 1: on one line cut where the requirements open, `会议要求` / `X强调`, at the points a lead-in
# ran into, and before the closing `会上,`; wrapped, `会上,` after the counted points opens its paragraph and, in a
# PDF, `三要` after a `二要…。` paragraph ended at the width opens its own) came in
# from tests/parsing/corpus_pending, as did in session 38's pass A 成都's 设备更新 plan (2: on one line its rising
# `(二)`…`(八)` open the items) and a town's 根治欠薪 plan (1: a sharing site's counters run into the words dropped,
# a page the width parted one page again); round 157 (防溺水 notices and plans: a division of duties' `宣传部负责…`,
# one `各级` over sectors sharing one `部门`, the schools as one addressee, a mechanism set out before the subject;
# XX市's and 下陆's plans joined, 黄石's and a district's campaign wait); round 161 3 and 1 (文旅 and 外贸 plans: 长兴's
# and 陕西's, read right at first look; 苍溪's 招商 measures, read right as written, and the 5A media plan, read right
# as written once its outlet's sub-heading, press days, `7月底或8月上旬` window and item-closing 责任人 line were read,
# wait in tests/parsing/corpus_pending: run onto one line each loses an item).
# In session 38's pass B 亭口's report (3 and none: its 7 lines at 42/40 characters now found wrapped,
# `unwrap.short_wrap_width`) and the 街道's five measures (5 and none: its own bodies as subjects, `measure_subjects`,
# and each counted measure a clause) came in from tests/parsing/corpus_pending too.
# Round 160 13 and 4 (代表建议/政协提案 and 信访 notices: a handling role with a frame
# before its act, `各承办单位在…时,要…`; a notice that issues nothing keeping its `各单位要…` requirements beside
# `各有关单位要…`, its rules of admission no clause; 龙门's campaign report, no longer refused, its day-led
# `4月7日,由X负责联系分管的县领导,…` orders and the sentences charging bodies beside them; 3 leaders).
# Round 158 6 and 4 (义务教育优质均衡 and 双减: 怒江's plan as first read; a speaker's
# `一要` demands opened by their purpose, `为了…,郑文红强调,`; a year counting an action's round, `开展2022年的第一次联合执法`,
# no deadline; 房县's notice waits in tests/parsing/corpus_pending, misread on one line).
# Round 162 15 and none (城镇燃气, 高层建筑 and 三小场所 meeting reports: `叁是` read as
# `三是`, the writer's `(区应急管理局)` run on to the last point no unit, `会议要求,` run in after photo captions, and a
# meeting's unnumbered demands a clause each, `;`-parts or sentences charging groups by `各` and short forms before
# `等部门`).
# In session 38's pass C 苍溪's 招商 measures (3 and 1: on one line `⑴` after a metadata row's bar opens the measures),
# the 5A media plan (4 and 2, 3 leaders, 2 recurring: its outlet's sub-heading and each `责任人:` field part from the
# items they ran into) and 房县's notice (1 and none: its `成员单位` and `职责分工` titles part from their text) came in
# from tests/parsing/corpus_pending (`one_line_headings`).
# In session 38's pass D round 157's 黄石 notice (3 and none, 1 leader: its later `各有关部门对照…、协同配合` helps with no
# `要`, `concerned_helpers`) and a district's 防溺水 campaign (3 and 3: a stage's checker after a bare `各单位` leads,
# `stage_subjects`) came in from tests/parsing/corpus_pending.
# In session 38's pass E round 159's three pages came in from tests/parsing/corpus_pending (12 and 3): 宿州's breakdown
# once on one line its title's kind word `任务分解` ended the title before its salutation and its annex list `附件:` opened
# a line, 贵州's meeting report once its `会议要求,` with an aim's sentence opened its paragraph, and 平和's news report
# once its leader's speeches, named after a full stop, opened theirs (`one_line_closings`, `one_line_minutes`).
# Round 163 11 and 3 (粮食生产, 高标准农田 and 春耕: 中峰镇's and 濮阳县's meeting reports, no longer refused, their
# unnumbered `会议要求,X要…;Y要…` / `会议指出,…。X要…。` demands and the `会后,…要求X…` paragraph orders by order;
# 赣州's item with no subject led by the body its hard cases go to, `对…的,由X统一协调解决`; `推进2022年…各项工作`
# no deadline; 大盛镇's plan waits in tests/parsing/corpus_pending, its measure's 各村 unread).
# Round 183 (fixer g183) 6 and 1: three 营商环境 meetings' news reports (兴县, 攸县, 确山): a speech's three-part headlines
# and the roles its elaboration charges, a partner coordinated with helping, a lone `会议要求:` frame of `;`-parts.
# Round 186 (fixer g186) 7 and 5: 海安's 最新进度 column no due column, 杭州某区's unnumbered `|` register row, 西湖's
# bare-cell register (leaders 5).
# Round 182 (fixer f182) 14 and 2: five 民生实事 / 为民办实事 pages (港闸, 临安's progress register, 厦门, 杭州 2022/2024).
# Round 179 (fixer f179) 5: 将乐 retold 林长令 points, 板桥口 meeting frame parts.
# Round 181 (fixer fstage) 4 and 6: stage items with no numeral, 下年度 a quota year, 落实 no part of a name.
# Rounds 180 and 181 (fixer fcolon) 23 and 5: duty-titled sections of `单位:负责…` lines, redaction asterisks, joint
# bodies' members, a 政策解读's 受理单位 paragraph.
# Round 181 (fixer fpend) 2: the 粮食安全 plan, a paragraph ending inside its 〔 joined to the line that closes it.
# Round 179 (fixer fpend) 3: 慈利's notice, a later 支两委 part and the posts on duty with the villages they urge.
# Round 185 (fixer g185) 4: a township 大气 plan, posts in a 责任体系 line, a page number run into `1、`, 乡纪委 and
# 党委、政府 as subjects with no 要, `每月至少两次` monthly.
# Round 184 (fixer g184) 15: 防汛 meetings, a body right after `二是` with no 要, headlines grouping `X部门要…` parts,
# counted targets no clauses.
# Round 189 (fixer f189) 2: 保定's 普法 要点 (a spaced table's long section heading row) and 南翔's 要点 with no units.
# Round 190 (fixer f190) 6 and 2: 武汉's and 咸宁's 2022 breakdown notices (a role singled out in a sentence of its own,
# a heading run into its subject), 钟楼's cell-a-line table (leaders a name a line; its notice's issuing `请…` no clause).
# Rounds 187-189 (fixer fgroup) 17 and 1: one 各 over kinds of place or office (`各镇(街道、园区)`, `各市(地)、县(市)
# 政府(行署)` in a spaced 〔〕 bracket, `各科室、单位`): 奉化, 鄞州, 内蒙古, 黑龙江, 嘉定.
CLAUSES_RIGHT_AT_LEAST, MILESTONES_RIGHT_AT_LEAST = 2816, 738
# Clauses read where the gold has none (session 28, when round 77's two closing sections stopped being read as
# clauses): each is a task a clerk would strike out. Lower it with the corpus, never raise it.
EXTRA_CLAUSES_AT_MOST = 0
# Parsed milestones with a stated date that the gold of their clause lacks (session 24): each is a
# reminder a clerk would get for nothing. Lower it with the corpus, never raise it.
EXTRA_MILESTONES_AT_MOST = 3
# Clauses whose leaders (persons) the gold or the parse names, and those read right (session 25;
# `scoring.leader_key` compares persons without their posts). Raise it with the corpus.
LEADERS_RIGHT_AT_LEAST = 309
# Recurring duties the gold names (`每月10日前报送`, `每季度…检查`) read as recurring milestones of their period
# (session 27, when the score first counted them). Raise it with the corpus.
RECURRING_RIGHT_AT_LEAST = 70


@pytest.fixture(scope="module")
def scores():
    # Each document's parse timed as the import would do it (`test_each_document_parses…`): read anew,
    # and with no collection of the rest of the worker's heap charged to it (tests/heap.py).
    with parse_memo.fresh(), own_heap():
        return [score_folder(folder, current_year=clock.today().year) for folder in corpus_folders(CORPUS)]


def test_the_corpus_is_broad_enough(scores):
    assert len(scores) >= max(25, DOCUMENTS_AT_LEAST)
    assert len(provinces(scores)) >= max(10, PROVINCES_AT_LEAST)
    kinds = {s.format.split("-")[0] for s in scores}
    assert {"txt", "doc", "docx", "pdf", "xlsx", "xls"} <= kinds
    assert any(s.format == "txt-gb18030" for s in scores)


def test_no_document_of_the_genre_is_refused(scores):
    assert [(s.id, s.refused) for s in scores if s.refused] == []


def test_clauses_get_the_right_lead_and_unit_set(scores):
    right = sum(s.clauses_right for s in scores)
    total = sum(s.clauses + s.extra for s in scores)
    wrong = [f"{s.id} {line}" for s in scores for line in s.wrong if "里程碑" not in line]
    assert right / total >= 0.98, "\n".join(wrong)
    assert right >= CLAUSES_RIGHT_AT_LEAST, "\n".join(wrong)
    assert sum(s.extra for s in scores) <= EXTRA_CLAUSES_AT_MOST, "\n".join(wrong)


def test_dated_milestones_get_the_right_date(scores):
    right = sum(s.milestones_right for s in scores)
    total = sum(s.milestones for s in scores)
    wrong = [f"{s.id} {line}" for s in scores for line in s.wrong if "里程碑" in line]
    assert right / total >= 0.95, "\n".join(wrong)
    assert right >= MILESTONES_RIGHT_AT_LEAST, "\n".join(wrong)


def test_few_dated_milestones_the_gold_lacks(scores):
    extra = [f"{s.id} {line}" for s in scores for line in s.extra_milestone_lines]
    assert sum(s.extra_milestones for s in scores) == len(extra)
    assert len(extra) <= EXTRA_MILESTONES_AT_MOST, "\n".join(extra)


def test_leaders_are_the_persons_the_gold_names(scores):
    right = sum(s.leaders_right for s in scores)
    total = sum(s.leaders for s in scores)
    wrong = [f"{s.id} {line}" for s in scores for line in s.leader_lines]
    assert right >= LEADERS_RIGHT_AT_LEAST, "\n".join(wrong)
    assert right / total >= 0.95, "\n".join(wrong)


def test_each_document_parses_well_within_a_second(scores):
    assert max(s.seconds for s in scores) < 1.0


def test_documents_read_right_raise_no_unsure_mark(scores):
    """The review page's signs of an unsure reading (clause_doubts: a unit name no body has, one field twice
    in a clause, a field no clause holds) are only worth their mark where they are rare on readings that are
    right: on the corpus, none."""
    assert [f"{s.id}: {d}" for s in scores for d in s.doubts] == []


def test_recurring_duties_are_read_with_their_period(scores):
    right = sum(s.recurring_right for s in scores)
    wrong = [f"{s.id} {line}" for s in scores for line in s.recurring_lines]
    assert sum(s.recurring for s in scores) - right == len(wrong)
    assert right >= RECURRING_RIGHT_AT_LEAST, "\n".join(wrong)
