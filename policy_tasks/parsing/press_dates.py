"""The day a publicity plan's piece runs: a bare date before the verb of publishing is the piece's deadline.

A 宣传方案 schedules each report, feature or programme for the day it appears: `字数不少于2500字,7月16日头版见报`,
`8月5日在新闻联播播出`, `9月1日前刊发专版`. The day names no `前` and no month's end, so the general reading
(`milestones._CUE`) keeps it only beside a verb of the genre's work; the publishing verbs are the work of this
genre, the step the outlet charged with the item must have done by that day (round 161, a 5A application's media
plan, its year the page's assumed one, README round 87).

Near cases left alone: a bare day with no verb of work (`7月16日,省检查组来我市`), which stays no milestone, and
the publishing verbs of an item that names no date (`每周刊发2篇`: a rhythm, `period_rhythms`).
"""

from __future__ import annotations

# The verbs of putting a piece out: in the paper, on air, online.
PRESS_VERBS = r"见报|刊发|刊登|刊载|播出|播发|发稿|首播|推送"
# The same day as a field of its own (`发稿时间:7月底或8月上旬`): the piece's deadline field, as `完成时间:` is a
# clause's (`unit_labels`); a bare `时间:` with the verb run into it was prose to the label reader.
PRESS_DUE_LABELS = ("发稿时间", "见报时间", "刊发时间", "刊登时间", "播出时间", "播发时间")
