"""Plans served in traditional characters, as mirror sites serve mainland government pages.

Mainland offices write simplified characters, and their unit names (区发改局), labels (牵头单位,
责任单位) and dates (10月底前) are matched in that script. Many copies of their plans on the web
are converted to traditional characters (區發改局, 牽頭單位), often by a Taiwanese-style converter
that also swaps words (优化 → 最佳化, 门户网站 → 入口網站), and some add a pinyin gloss in brackets
after characters (`發(fā)`, `重點(diǎn)`). A reviewer wants the plan back as its office wrote it,
so such a text is read in simplified characters (OpenCC, Hong Kong and Taiwan variants included),
and the Taiwanese words a converter put in that mainland writing never uses go back to the
mainland's (最佳化 → 优化, 资讯 → 信息). A plan counts as traditional when a
twentieth of its Chinese characters change under character-level conversion: in the corpus a
simplified plan changes at most 0.5% (a name written with 著 or 乾), a converted one 24% or more.

The glosses are a mirror's, never an office's: a bracket right after a character holding one
pinyin syllable with its tone mark is dropped in every document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import opencc

from .lazy_patterns import lazy_compile
from .sources import Table

_HAN = lazy_compile(r"[\u4e00-\u9fff]")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# `發(fā)`, `一(yī)、`: a syllable of lower-case pinyin letters carrying a tone mark.
_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü{_TONED}]{{0,5}}[{_TONED}][a-zü{_TONED}]{{0,5}}[)）]")
_SHARE = 0.05  # of the Chinese characters changed by conversion: traditional above it
_MIN_CHANGED = 5
# Words a Taiwanese-style converter puts in for mainland ones (OpenCC's s2twp phrase table) that
# mainland writing does not use, in simplified characters, with the word they replaced. Words
# that both sides write (支援, 档案, 资料, 执行, 整合, 智慧, 品质) are left as they are: OpenCC's own
# reverse table (tw2sp) turns 新增 into 添加, 建立 into 创建, 核心 into 内核 and 行政许可权 into
# 行政权限, which changes what a plan says.
_MAINLAND_WORDS = {
    "最佳化": "优化", "资讯": "信息", "专案": "项目", "网际网路": "互联网", "互联网路": "互联网",
    "入口网站": "门户网站", "程式": "程序", "释出": "发布", "物件": "对象", "回圈": "循环", "排程": "调度",
    "列印": "打印", "割槽": "区", "巨观": "宏观", "网路": "网络", "软体": "软件", "硬体": "硬件",
    "数位": "数字", "智慧财产权": "知识产权", "人工智慧": "人工智能", "伺服器": "服务器", "大资料": "大数据",
    "资料库": "数据库", "云端运算": "云计算", "演算法": "算法", "宽频": "宽带", "积体电路": "集成电路",
    "晶片": "芯片", "奈米": "纳米", "雷射": "激光", "行动支付": "移动支付", "视讯": "视频",
    "资料局": "数据局", "通讯管理局": "通信管理局", "丛集": "集群", "社群": "社区", "视窗": "窗口",
    "宾士": "奔驰", "著力": "着力", "著眼": "着眼", "著重": "着重", "著手": "着手", "随著": "随着",
    "接著": "接着", "意味著": "意味着", "围绕著": "围绕着",
}  # fmt: skip
_MAINLAND_RE = lazy_compile("|".join(sorted(_MAINLAND_WORDS, key=len, reverse=True)))

WARNING = "原文为繁体字，已按简体字读取，请核对单位名称和条款文字 (traditional script read as simplified)"


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _to_simplified(text: str) -> str:
    # Hong Kong variants (衞) first; OpenCC's Taiwan variants would turn 显著 into 显着.
    text = _converter("t2s").convert(_converter("hk2s").convert(text))
    return _MAINLAND_RE.sub(lambda m: _MAINLAND_WORDS[m.group()], text)


def drop_glosses(text: str) -> str:
    return _GLOSS.sub("", text) if "(" in text or "（" in text else text


def is_traditional(text: str) -> bool:
    plain = _converter("t2s").convert(text)
    if plain == text:
        return False
    changed = sum(map(str.__ne__, text, plain))  # map stops at the shorter, as zip does
    if changed < _MIN_CHANGED:
        return False  # most simplified documents: their characters are not counted
    han = len(_HAN.findall(text))
    return bool(han) and changed >= _SHARE * han


def simplified(lines: Sequence[str]) -> tuple[list[str], bool]:
    """The lines without glosses, in simplified characters; and whether they were converted."""
    lines = [drop_glosses(line) for line in lines]
    if not is_traditional("\n".join(lines)):
        return lines, False
    return [_to_simplified(line) for line in lines], True


def simplified_blocks(
    blocks: Sequence[str | Table], page_headers: Sequence[str]
) -> tuple[list[str | Table], list[str], bool]:
    """A source's paragraphs, table cells and page headers, as `simplified` reads lines."""
    cells = [cell for block in blocks if isinstance(block, Table) for row in block.rows for cell in row]
    paragraphs = [block for block in blocks if not isinstance(block, Table)]
    texts, traditional = simplified([*paragraphs, *page_headers, *cells])
    it = iter(texts)
    out: list[str | Table] = [block if isinstance(block, Table) else next(it) for block in blocks]
    headers = [next(it) for _ in page_headers]
    out = [
        Table(tuple(tuple(next(it) for _ in row) for row in block.rows)) if isinstance(block, Table) else block
        for block in out
    ]
    return out, headers, traditional
