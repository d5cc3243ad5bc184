"""The posts a responsibility-system line makes answerable by their part, after the body or head it names first.

A township's plan sets out its 责任体系 a line a level, the body or its head first and then every post by the part it
answers for (round 185):

    1.镇政府主要负责人为第一责任人,分片包村领导为主要责任人,下乡干部具体实施,积极开展宣传教育,…
    2.各村(社区)为责任主体,两委主干为第一责任人,各村(社区)要成立专门的巡查队伍,…

Each such post (`分片包村领导`, `下乡干部`, `两委主干`) is a person by post, a leader, in the line's order (README round
84: every person in a role is a leader). Read only in the `,`-parts right after the line's opening, while each part
is a post with its part (`为第一责任人`, `为主要责任人`, `为直接责任人`, `具体实施`, `具体负责`). Near cases: a body
(`各村(社区)要…`, `派出所…`) ends the run, as does a part with no post word (`积极开展宣传教育`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# A post: a few characters closed by a person's word, then its part in the system.
_PART_RE = lazy_compile(
    r",(?P<post>[\u4e00-\u9fff]{0,8}?(?:领导|干部|主干|负责人|负责同志|书记|主任|站长|所长|队长|网格员))"
    r"(?:(?:为|是|作为)(?:第一|主要|直接|具体)?责任人|具体(?:实施|负责|落实))(?=[,。;])",
    needs="责任人|具体",
)


def answerable_posts(text: str, norm: str, end: int) -> list[str]:
    """The posts the `,`-parts right after `end` make answerable (`,分片包村领导为主要责任人`), as written, in order."""
    posts: list[str] = []
    comma = norm.find(",", end)  # the part naming the first answerable closes at its `,`, in the same sentence
    if comma < 0 or any(c in norm[end:comma] for c in "。;\n"):
        return posts
    end = comma
    while (m := _PART_RE.match(norm, end)) is not None:
        posts.append(text[m.start("post") : m.end("post")])
        end = m.end()
    return posts
