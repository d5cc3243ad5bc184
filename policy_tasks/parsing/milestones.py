"""Finding the time-bound commitments (milestones) in a clause or area intro.

How a clause is cut: sentences end at 。;!? (not at line breaks); a sentence is cut
at commas and colons into parts; inside a part a 、 starts a new part only when
both sides state a time or a quantity (`10月底前开工、全年完成投资2000万元`),
so noun lists (`常山江航电枢纽、石七线、…等3个`) stay whole, and so do the figures a 分别 pairs with
the things named before them (`排放分别减少9.2%、10.7%、11%`, `respective_figures`).

A part becomes a milestone when it is not a policy benefit and
- it states a quantity (`新增学位1470个`) and a commitment word is in it or
  earlier in its sentence, or
- it has its own year-or-finer time phrase and a commitment word of its own
  (`确保项目2023年度全部完工`), or a relative / ongoing phrase.
A time phrase carries over to the following parts of its sentence
(`一季度确保增长15%,力争增长20%`: both by 31 March); with none, a quantity is
due on the clause's 完成时限 or else the document's default due date.

Kind: "deadline" for a day/month/quarter/half-year or plan-period phrase, and
for a dated commitment without a quantity; "target" for a quantity due at a
year end (written or default); "relative" and "ongoing" as read. An
unreadable time phrase gives a warning and a "deadline" without a date.

Recurring obligations (`每月10日前报送`, `每季度召开`) are milestones of their
own, cue word or not, of kind "deadline" with `recurrence` and `occurrences`
(the dates in the document's year; due_date is the first); a bare 每年 dates
a quantity like 年度 does and adds `recurrence="yearly"`. Ongoing work
(`持续推进`, `长期坚持`, `常态化`) is due on the clause's due date, by default
the document's (its measures run for the year unless a date is given).

One year per document: a milestone dated by a phrase that states another
year (`2024年3月底前`, `明年`) keeps that year, and the caller is warned once
per phrase (`year_message`) so that the review page can ask for a check.

A schedule entry labelled by its time (`4月:制定并下发工作方案`) is one milestone due on its
label, cue word or not (`schedule_entries`); so is a step of a schedule whose steps each open with
their own rising time (`第一季度…;第二季度按…招投标;第三季度…`, `schedule_steps`).

A time phrase inside a 《title》 (`印发《2023年违法建设治理工作方案》`) is part of
a document's name, not a deadline; so is a bare year naming, without 《》, a plan the work
drafts (`制定2021年党组理论中心组学习方案`, `drafted_plans`), or a five-year plan's period naming the
plan (`扎实实施“十四五”规划`), or a bare year naming a meeting the work holds (`召开2024年度河长制工作会议`,
`held_events`). Nor does the period a benefit applies (`实施期限至2021年12月31日`,
`benefit_periods`), date anything; a progress report's period (`1-6月,…完成产值1175亿元`, `截至2019年12月底,
全市完成…`, `reported_periods`) dates nothing, and the parts of its sentence from it on report work done.

Not milestones: subsidy rates, caps, eligibility thresholds and budgets —
parts with 给予, 最高, 不超过, 不低于 (not on a `全年` total), (含), 以下, 税率, 加计扣除, 按…%, 预算安排 … , parts that
are conditions (`对…`, `…的`), and 补助/奖励/预算 amounts unless the part (or
its sentence) commits to obtaining them (`争取省财政补助资金600万元以上`).
Nor is the count of a proposal's authors (`高军会等13名代表提出的…建设的议案`, `proposal_authors`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from .assessment_years import assessment_year_spans
from .benefit_periods import benefit_period_spans
from .deadlines import find_time_phrases
from .drafted_plans import drafted_plan_spans
from .due_fields import Warn, phrase_message, year_message
from .duty_starts import started_duty
from .entry_steps import distinct_step
from .held_events import held_event_spans, year_work_spans
from .lazy_patterns import lazy_compile
from .opening_deadlines import deadline_opens
from .part_milestones import part_milestone
from .press_dates import PRESS_VERBS
from .project_names import project_name_spans
from .rate_aims import rate_aim
from .reported_periods import reported_spans
from .reported_quarters import reported_quarter_spans
from .respective_dates import listed_days, respective_dates
from .respective_periods import respective_periods
from .result import ParsedMilestone
from .reviewed_years import reviewed_year_spans
from .schedule_entries import Spans, entry_milestone, schedule_entries
from .schedule_steps import step_phrases
from .scored_periods import scored_period_spans
from .season_spans import season_spans
from .sentence_parts import sentence_parts  # `,`-parts, and a bracket's later deadline
from .text_marks import Marks
from .textutil import normalise, split_top
from .time_phrase import (
    DATED,
    ONGOING,
    PAST,
    PRECISE,
    YEAR,
    TimePhrase,
)
from .year_aims import year_aim_spans
from .year_figures import horizon_bounds, horizon_year, per_year_figure, without_raised_lines
from .year_floors import year_floor  # `全年…不低于2600万盆`: a year's target, no benefit's floor
from .year_ordinals import year_ordinal_spans
from .year_shares import year_share_spans

_STRONG_CUE = re.compile(r"确保|力争|争取|完成|实现|达到|突破")
_CUE = re.compile(
    _STRONG_CUE.pattern + r"|新增|增长|增速|增加|引进|引育|招引|培育|筹集|建设|新建|改造|提升|开工|完工|竣工"
    r"|建成|投产|投运|盘活|消化|储备|实施|建立|出台|制定|启动|落地|验收|创建|创成|获评|推广|选派|覆盖"
    r"|占比|保持|投资|腾出|谋划|申报|办结|搬迁|入库|垦造|达|超过|开展|加快|推进|提高|扩大|降低|减少|打造"
    r"|落实|使用|承接|计划|总额|营收|规模|实到|零售|发放|举办|组织|培训|开通|整治|造林|收购|招聘|就业|选拔"
    # Deadline verbs of the genre's schedules (`5月底前动工`, `6月底前报送`, `9月投运`).
    r"|动工|开建|投用|交付|报送|上报|通报|召开|印发|编制|修订|上线|通车|贯通|签约|挂牌|组建|成立|到位|清零"
    r"|拨付|下达|下发|公布"
    # Building verbs a plan's year's tasks open with (`2021年构建…信息平台`, `2020年新改建农村公路XX公里`, round 141).
    r"|构建|改建"
    # A horizon's caps and cuts (`到2020年,用水总量控制在11.88亿立方米以内`, `比2015年下降15%`), a span's total (`共募集`).
    r"|控制在|下降|募集"
    # A construction schedule's steps (`3月上旬开始`, `年底进行主体工程施工`, `4月底前封顶`).
    r"|开始|施工|封顶|试运行|进场|评审|审核|审批|设计|招标|清表"
    # A campaign plan's stage and its span (`督查阶段(9月)`): the stage's work is due at the span's end.
    r"|阶段\("
    # A notice's item fixing the day of a step (`领购灭鼠毒饵时间为9月10日`, round 170): the day it is done.
    r"|时间为|时间定为|日期为"
    # A publicity plan's pieces and the day each runs (`7月16日头版见报`, `press_dates`).
    r"|" + PRESS_VERBS
)
_EXCLUDE = re.compile(
    r"给予|最高|最长|不超过|不高于|不低于|\(不?含\)|以下|的部分|税率|费率|(?:补贴|补助|奖励|收费|工资)标准"
    r"|提取|预算安排|统筹安排|按[^,;。]{0,30}?\d+(?:\.\d+)?%|每[百千万]?[斤亩吨]"
    r"|/(?:亩|万元|元|吨|人|年|月|斤|平方米)|减按|减半|免征"
    # A tax deduction's rate or limit (`研发费用加计扣除比例提高至100%`) is a benefit's level, as a 税率 is.
    r"|加计扣除|扣除(?:比例|限额|标准)"
    # How often a routine is done each day (`每日2次晒水清扫`, `每天巡查不少于3次`): no quantity to reach.
    r"|每(?:日|天)[^,;。\d]{0,6}?\d+\s*次"
)
_STAGE_SPAN = lazy_compile(r"阶段\(")
# Not `对口协助单位…` (paired assistance): 对口 names the unit doing the work, no condition's 对.
_CONDITION = re.compile(r"^对(?!照|接|标|口)|的$")
# `计划投入20万元`, `投入57万元用于…项目`: a fund allocation's sum for a body's fee or a project is money paid out, as a
# 补助 is, no target to reach by the year's end (round 105); `全年投入1.5亿元` commits the year's spending and stays one.
_WEAK_EXCLUDE = re.compile(
    r"补助|补贴|奖励|贴息|奖补|预算|财政.{0,3}(?:投入|保障|补助|安排)|资金|经费"
    r"|(?:计划|拟)投入\d+(?:\.\d+)?[万亿]?元|投入\d+(?:\.\d+)?[万亿]?元用于"
)
# A date the work is due by: `12月底前`, and a month's or quarter's end written without 前, which the genre
# writes for the same deadline (`6月底完成`, `10月底根据评估结果修编`).
_BY_DATE = lazy_compile(r"(?:前|以前|之前|[底末])$")
# The year's end opening a step is the genre's `12月底` written short (`年底逐一绩效对账`, a 督考 office's year-end
# step; round 99); closing a part it may end a period instead (`并延续至2027年底`), as a month's end rarely does.
_YEAR_END = lazy_compile(r"年(?:底|末)(?:前|以前|之前)?$")
# A figure given as an estimate or a sum, with no verb: the size of what the part before it counts.
_SIZE_RE = lazy_compile(r"\s*(?:约|大约|约合|折合|合计|共计|总计)\s*\d")


def _due_by(phrase: TimePhrase, opens_part: bool) -> bool:
    """A date the work must be done by, whatever the verb: a month's or quarter's end, or the year's opening the part."""
    if phrase.level == PRECISE:
        return bool(_BY_DATE.search(phrase.text))
    return opens_part and phrase.level == YEAR and bool(_YEAR_END.search(normalise(phrase.text)))


def find_milestones(
    text: str,
    *,
    year: int,
    default_due: date | None,
    warn: Warn,
    masked: Sequence[tuple[int, int]] = (),
    where: str = "",
) -> list[ParsedMilestone]:
    """Milestones of `text`; `masked` spans (the responsibility) are skipped.

    `where` names the clause in warnings as people write it (`第3条`, `（二）3`).
    """
    chars = list(normalise(text))
    for start, end in masked:
        chars[start:end] = "。" * (end - start)
    if (title := _TITLE_LINE_RE.match(text)) is not None:
        # `持续推进政务服务事项规范化\n2021年6月底前,…`: an item's heading on a line of its own ends there; the date
        # opening the paragraph under it dates the paragraph's commitment, not the heading (round 113).
        chars[title.end()] = "。"
    norm = "".join(chars)
    titles = _book_titles(norm)
    # `洋县2024年老旧小区改造项目`: the year in a project's name is no deadline (`project_names`).
    names = project_name_spans(norm)
    # `制定2021年党组理论中心组学习方案`: the year names the plan drafted, as in a 《title》 (`drafted_plans`).
    names += drafted_plan_spans(norm)
    # `召开2024年度河长制工作会议`: the year names the meeting held, not its deadline (`held_events`).
    names += held_event_spans(norm) + assessment_year_spans(norm)  # `开展2023年度…考核自查工作` (`assessment_years`)
    names += year_work_spans(norm)  # `全力做好2019年度…迎评工作`: the year's work, whose year it is (`held_events`)
    # `开展2022年的第一次联合执法`: the year counts the action among its rounds, no deadline (`year_ordinals`).
    names += year_ordinal_spans(norm)
    # `实施期限至2021年12月31日`: when a benefit ends (`benefit_periods`).
    names += benefit_period_spans(norm)
    # `每年的3月至12月每月巡查`: the months a recurring duty runs in, each year (`season_spans`).
    names += season_spans(norm)
    # `1-6月,…完成产值1175亿元`, `截至12月底,…`: a report's period; what follows in its sentence was done.
    tallies = reported_spans(norm)
    names += tallies + reported_quarter_spans(norm)  # `将第一、第二、第三季度…完成情况…报送` (`reported_quarters`)
    # `全年完成…得3分`: the year a scoring rule counts over, no deadline (`scored_periods`).
    names += scored_period_spans(norm)
    # `确保全年目标任务完成`: the year's aims named as a whole, no deadline of the paragraph's (`year_aims`).
    names += year_aim_spans(norm) + reviewed_year_spans(norm)  # `谋划明年工作`: whose work (`reviewed_years`)
    # `全年洁净煤使用比例完成…目标任务`: the year a ratio is measured over, no deadline (`year_shares`).
    names += year_share_spans(norm)
    phrases = [
        p
        for p in find_time_phrases(norm, year, written=text)
        if p.level != PAST and not titles(p) and not any(s <= p.start and p.end <= e for s, e in names)
    ]
    marks = Marks(norm, phrases)
    found: list[ParsedMilestone] = []
    seen: set[str] = set()
    warned: set[int] = set()  # phrases already warned about for their year

    def dated_by(used: TimePhrase | None) -> None:
        if used is not None and used.stated_year is not None and used.stated_year != year and used.start not in warned:
            warned.add(used.start)
            warn(used.start, year_message(where, used.text, used.stated_year, year))

    entries = schedule_entries(norm, marks)
    for label, start, end in entries:
        entry = distinct_step(entry_milestone(text, label, start, end, marks), label, seen)  # `entry_steps`
        if _is_new(entry, found, seen):
            found.append(entry)
            dated_by(label)
    in_entry = Spans([(start, end) for _, start, end in entries])
    steps = step_phrases(norm, phrases)  # `第一季度…;第二季度…`: each step commits by its time (`schedule_steps`)
    # A line break is not a sentence end: extracted text often wraps mid-sentence.
    horizon: TimePhrase | None = None  # `到2015年,A达到…;B达到…。`: the year governs its sentence to the 。
    for sent_start, sent_end in split_top(norm, "。;!?"):
        if sent_start == sent_end:
            continue  # each masked character is a full stop of its own: nothing between two
        carried: TimePhrase | None = horizon
        sentence_horizon, horizon = horizon, None
        carried_cue = carried_strong = False
        opening: TimePhrase | None = None
        used_opening: TimePhrase | None = None
        counted = False  # a figure of this sentence already made a milestone
        for start, end in sentence_parts(norm, sent_start, sent_end, marks, _CUE):
            part = norm[start:end]
            own = marks.phrases_in(start, end)
            if _is_opening_date(part, own):
                opening = own[0]
                continue
            if start == sent_start and horizon_year(part, own):
                sentence_horizon = own[0]
            if in_entry(start):
                for p in own:
                    if (message := phrase_message(p)) is not None:
                        warn(p.start, message)
                continue
            dated = [p for p in own if p.level in DATED]
            qty = next(iter(marks.quantities_in(start, end)), None)
            cue, strong = bool(_CUE.search(part)), bool(_STRONG_CUE.search(part))
            # `12月底前取得明显成效`: a date the work must be done by commits whatever the verb.
            cue = cue or any(_due_by(p, not norm[start : p.start].strip()) for p in dated)
            cue = cue or any(p.start in steps for p in dated)
            # `6月底前,明确…`: a month's deadline opening the sentence commits the part after it, as one inside it does
            # (`opening_deadlines`, round 190).
            cue = cue or (not dated and deadline_opens(opening))
            # `到2015年,小学适龄儿童入学率100%,初中生年辍学率1%以下`: a horizon's figure is its target, verb or not,
            # and its bound (`以下`, `不低于`) the target's, no benefit's cap (`year_figures`).
            under_horizon = not dated and sentence_horizon is not None and carried is sentence_horizon
            cue = cue or (under_horizon and qty is not None)
            figure = horizon_bounds(part) if under_horizon else part
            # `由9600元以下提高到15600元以下`: a raised standard's line, the task's figure, no cap (`year_figures`).
            benefit = _EXCLUDE.search(without_raised_lines(figure)) and not year_floor(part, own, _EXCLUDE)
            excluded = bool(benefit or _CONDITION.search(part))
            # 补助/资金 amounts are what the government pays out unless the part
            # commits to obtaining them (争取省补助资金600万元) or schedules them
            # by a month or quarter of its own (`6月底前下达60%以上`).
            scheduled = any(p.level == PRECISE for p in dated)
            weak = qty is not None and _WEAK_EXCLUDE.search(part) and not (strong or carried_strong or scheduled)
            excluded = excluded or bool(weak) or any(sent_start <= s <= start for s, _ in tallies)
            # `2021年6月底前,各地要完成A,建立B,实现C、D等16个要素统一`: the date opening the sentence dated the commitment
            # it opens; a later aim whose only figure counts the things its list names (`C、D等16个要素`) is no second
            # commitment on that day (round 113). Its own date, or a measure (`新增学位1000个`), still is one.
            excluded = excluded or bool(
                qty and not dated and carried is not None and carried is used_opening and _counts_list(norm, start, qty)
            )
            # `5月底前开工老旧小区改造项目50个,约605万平方米`: an approximate figure with no verb of its own after a counted
            # commitment is the same works' size, no second commitment (round 141); `,完成投资3亿元` is one.
            excluded = excluded or bool(qty and counted and not dated and not cue and _SIZE_RE.match(part))
            for p in own:
                if (message := phrase_message(p)) is not None:
                    warn(p.start, message)  # unreadable, or `X月前` read as its month's end
            time = min(dated, key=lambda p: DATED.index(p.level)) if dated else None
            # `2012~2015年,年均销售…30亿元以上`: a figure for each year of a span has no deadline (`year_figures`).
            dating = time or carried
            excluded = excluded or per_year_figure(part, dating.text if dating is not None else None)
            # `并于9月19日前…答复,力争满意率达到100%`: the dated reply's aim, no second milestone (`rate_aims`).
            excluded = excluded or (
                not dated
                and time is None
                and carried is not None
                and rate_aim(norm, start, end, carried.start, carried.end)
            )
            if not excluded and opening is not None and not dated and cue:
                # `到2020年底,确保贫困人口全部脱贫`: the date that opens the sentence dates it.
                own, time = [*own, opening], opening
                used_opening, opening = opening, None
            if not excluded:
                milestone, used = part_milestone(text, start, end, own, time or carried, qty, cue, cue or carried_cue)
                if milestone and _is_new(milestone, found, seen):
                    found.append(milestone)
                    dated_by(used)
                    counted = counted or qty is not None
            carried = time or carried
            if not excluded:
                carried_cue, carried_strong = carried_cue or cue, carried_strong or strong
        # Passed on past a `;` while it still dates the parts: a part naming a time of its own ends it.
        if sentence_horizon is not None and carried is sentence_horizon and norm[sent_end : sent_end + 1] == ";":
            horizon = sentence_horizon
    found += respective_dates(text, norm, phrases, found)  # `分别于6月底和7月底报送`: each date
    found += listed_days(text, norm, phrases, found)  # `4月8日、7月8日、10月8日及12月8日前`: each day (round 128)
    found += respective_periods(text, norm, year, found)  # `第一、二季度任务分别为`: each period's end
    found.sort(key=lambda m: m.start)
    # A stage's span ending on the day one of its reports is due (`阶段(7月3日至7月15日)。…于7月15日前报…`) is
    # one date, written once: the report's, which says what is due.
    found = [
        m
        for m in found
        if not (_STAGE_SPAN.search(m.text) and any(o.due_date == m.due_date for o in found if o is not m))
    ]
    return [_with_default(started_duty(m, norm), default_due) for m in found]  # `从3月起每月…` (`duty_starts`)


# `到2020年底,`, `2023年6月底前,`: a date standing alone before the commitment it dates. A year
# alone (`到2025年,`) is a horizon the plan aims at, not a deadline: only an end or a `前` dates.
# The sentence's subject may come first (`镇属中小学在“6·26”国际禁毒日到来之际,要组织…`, round 139), and a
# commemorative day's moment (`之际`) dates the work set for it (`named_days`).
_OPENING_DATE_RE = re.compile(
    r"^(?:[\u4e00-\u9fff()]{2,20}?(?=在“))?(?:到|于|在|截至|截止到|截止|至)?\s*(?P<t>.+?)\s*$"
)


# `2021年,完成…专项规划的编制工作`: a bare year standing alone before a several-year plan's task is the year it is done
# in, as `2021年完成…` is (round 141); `到2025年,` stays the horizon it aims at.
_BARE_YEAR_RE = re.compile(r"\d{4}年")


def _is_opening_date(part: str, own: list[TimePhrase]) -> bool:
    m = _OPENING_DATE_RE.match(part)
    if len(own) != 1 or m is None or normalise(own[0].text).strip() != m["t"]:
        return False
    if own[0].level == YEAR and _BARE_YEAR_RE.fullmatch(part.strip()):
        return True
    # `2022年第四季度,要…完成治理`: a quarter alone before the work is no horizon but the period it is done in (round 181).
    return own[0].level in (PRECISE, YEAR) and bool(
        re.search(r"[底末]|前$|”[^“]*之际$|(?<=\d年第[一二三四])季度$", m["t"])
    )


def _counts_list(norm: str, start: int, qty: re.Match[str]) -> bool:
    """Whether the part's figure counts the things a list before it names (`基本编码、事项名称等16个要素`)."""
    return norm[qty.start() - 1 : qty.start()] == "等" and "、" in norm[start : qty.start()]


# An item's heading on its own first line: short, no punctuation (`持续推进政务服务事项规范化`), a paragraph under it.
_TITLE_LINE_RE = lazy_compile(r"[^\S\n]*[\u4e00-\u9fff“”]{4,24}(?=[^\S\n]*\n\s*\S)")


_BOOK_TITLE = re.compile(r"<[^<>\n]{1,80}>")


def _book_titles(norm: str) -> Callable[[TimePhrase], bool]:
    """Whether a phrase sits inside a 《title》: `印发《2023年工作方案》` names a document, not a deadline."""
    spans = [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(norm)] if "<" in norm else []
    return lambda p: any(start < p.start and p.end < end for start, end in spans)


def _is_new(milestone: ParsedMilestone, found: list[ParsedMilestone], seen: set[str]) -> bool:
    # A clause that repeats a sentence, or says 持续推进 twice, states one
    # commitment; the importer also keys a clause's milestones by their text.
    if milestone.text in seen or (milestone.kind == ONGOING and any(m.kind == ONGOING for m in found)):
        return False
    seen.add(milestone.text)
    return True


def _with_default(milestone: ParsedMilestone, default_due: date | None) -> ParsedMilestone:
    # Undated quantities, and ongoing work, are due when the clause's measures end.
    if milestone.due_date is None and (milestone.time_expression is None or milestone.kind == ONGOING):
        milestone.due_date = default_due
    return milestone
