"""The corpus's prose documents as a copy that removed every line break gives them (a retrieval dataset's cell,
a web mirror's paragraph): the title, salutation, headings and items on one line, (a) joined with nothing between,
(b) joined with one space. Each must read as annotated, but the documents listed in LEFT_* (a one-line reason
each: the first miss, or, where examined, why the text without its breaks does not say where an item starts).
Measured first on s29-int 5341e44: 175 documents, (a) 87 misread, (b) 53; at the session's end 70 and 32. No database; ~2 s CPU a layout.
A document that comes to read right must leave its LEFT set (the test says which), never the other way."""

from __future__ import annotations

import pytest

from tests.sources.corpus_prose import misread, prose_documents

DOCUMENTS = prose_documents()


def one_line(text: str, joiner: str) -> str:
    """The text with every line break removed: its lines stripped, blank ones dropped, joined by `joiner`."""
    return joiner.join(line.strip() for line in text.splitlines() if line.strip())


LEFT_NOTHING = {
    "anhui-suma-zhenggaixiaohao-2024": "item 1's units not read",
    "beijing-shijingshan-jiedaogongzuo-2019": "item 一.1's units read wrong",
    "beijing-tongzhou-minshengshishi-2023": "unnumbered items, one a line: only the breaks part them",
    "beijing-xicheng-zhengwugongkai-2022": "item 一.(一).1 not found",
    "beijing-zhengwugongkai-fengong-2016": "item 1's units read wrong",
    "chongqing-yuzhong-2023": "no numbered item read",
    "fujian-lianjiang-chuangjian-ducha": "item 三 not found",
    "fujian-putian-canzhuowuran-2009": "item 9's units read wrong",
    "fujian-sheng-shengtaisheng-fengong-2012": "unnumbered items under one heading: only the breaks part them",
    "fujian-xiamen-yingshanghuanjing-2019": "item (一)'s units read wrong",
    "gansu-sheng-xueqian-baojiaofei-2016": "item 四.(一) not found",
    "guangdong-guangzhou-gongzuoshixiang-2007": "item 一.1 not found",
    "guangdong-shuziguangdong-gongzuoyaodian-2025": "unnumbered section titles over `1. 标题` items whose own title is a line of its own: only the breaks part title, text and `责任单位` (round 102)",
    "guangxi-xixiangtang-xianjiezijin-2025": "a heading whose numeral the page lost (`、项目管理要求`) is told from the text before it only by its line of its own (round 105)",
    "guangxi-yulin-jiangtan-2024": "no numbered item read",
    "guizhou-anshun-shijianshishi-2019": "item 一.1's units read wrong",
    "guizhou-liupanshui-minshengshishi-jinzhan-2023": "item 一 not found",
    "guizhou-liupanshui-shidagongcheng-2013": "item 一.(二) not found",
    "ningxia-shapotou-jianyitian-ducha-2017": "a proposal bulletin's `(一)` heading and numbered proposal line are told from the counts paragraph before them only by their lines (round 111)",
    "xinjiang-changji-xuncha-zhenggai-2024": "an inspected party's name heading (`一、X党委`) is told from its `反馈问题:` paragraph only by its line of its own (round 111)",
    "guizhou-qiandongnan-minshengshishi-2023": "item (一)1 not found",
    "hainan-jiedao-huanjingzhengzhi": "item 五.(一)'s units not read",
    "hainan-zhongdianxiangmu-2011": "item 六.(一)1 not found",
    "hebei-shijiazhuang-jumin-shouru": "an item read that is none (一)",
    "heilongjiang-sheng-tuponian-tongzhi-2025": "requirements `一要…` numbered only at a line's start: none read",
    "heilongjiang-wenzengzhang-2014": "item 1 not found",
    "henan-jiaotongju-zhenggai-2010": "item 四.(一)1's milestone missed",
    "henan-jiyuan-2021": "item 9 not found",
    "henan-xuchang-dubantongzhi-2017": "item 1's units not read",
    "henan-zhengzhou-mubiaoguanli-2007": "item (一)7's units read wrong",
    "hubei-enshi-yianbanli-2012": "item 二's units read wrong",
    "hubei-fengong-2008": "no numbered item read",
    "hubei-huanggang-gongzuobaogao-2007": "item 1 not found",
    "hubei-jingzhou-chuangwen-shequ-wentiqingdan": "item 1 not found",
    "hubei-jingzhou-chuangwen-wentiqingdan": "item 1's units read wrong",
    "hubei-taiping-hezhangzhi-2025": "item 二.(一) not found",
    "hubei-xianning-chuangwei-2017": "bulleted (●) items, no number: the bullet run-on is not read as a list",
    "hunan-jinjing-jiegan-2025": "a unit's duties a line (`X:负责…`), no number: only the breaks part them",
    "hunan-shuangpai-gongyejizhongqu-2019": "item (一)(1)① not found",
    "jiangsu-sheng-mubiaorenwu-fenjie-2008": "no numbered item read",
    "jiangsu-wuxi-2011": "item 1 not found",
    "jiangsu-xuzhou-wanchengqingkuang-2011": "item 28 not found",
    "jilin-changchun-shierwu-fengong-2012": "an item read that is none (一)",
    "liaoning-anshan-renwufenjie-2024": "item 1's units read wrong: its `责任单位:` line runs into the next items (`各开发区管委会2.规模以上…`), which only the break ends; misread on the base too (round 117)",
    "liaoning-lishan-2023": "item 1's units read wrong",
    "liaoning-sheng-2024": "item 1's units read wrong",
    "neimenggu-erlianhaote-fengong-jiedu-2024": "item 二.(二)1's role not read: the title naming the breakdown runs into the page (round 114, misread on the base too)",
    "ningxia-yinchuan-dushiquan-2019": "no numbered item read",
    "qinghai-haidong-lanxichengshiqun-2020": "item 1's units read wrong",
    "qinghai-zeku-xianjiezijin-2023": "item 6's units read wrong: the notice's closing sentences run on after its last `实施单位:` field, which only the break ends (round 105)",
    "quanguo-rencai-fengong-2022": "unnumbered headings over unnumbered paragraphs: only the breaks part them",
    "shaanxi-tongchuan-fengong-2020": "item 1 not found",
    "shaanxi-tongchuan-fengong-2025": "item 1 not found",
    "shanghai-baoshan-shishi-2022": "no numbered item read",
    "shanxi-gongzuobaogao-fengong-2016": "no numbered item read",
    "shanxi-sheng-mubiaozerenfenjie-2008": "item 一.(一) not found",
    "shanxi-yuncheng-yingjitixi-2017": "item 1 not found",
    "sichuan-chengdu-2019": "item 一.(一) not found",
    "sichuan-chengdu-minshengshishi-2021": "item 1 not found",
    "sichuan-pengshan-wenmingyangquan-2023": "item 三.(一) not found",
    "sichuan-sheng-jienengjianpai-2011": "item (三) not found",
    "tianjin-fengong-2020": "unnumbered headings, items numbered `1。`: only the breaks show the list",
    "tianjin-xinhe-minshengshishi-2025": "`一是`…`七是` across topic headings: a `二是` is read as an item only where it opens a line (round 116)",
    "weizhi-banshishi-jinzhan-2021": "no numbered item read",
    "weizhi-changzhi-renwuqingdan-tongzhi-2026": "a requirement's two-phrase heading (`完善工作机制,压实落实责任`) runs into its paragraph's group subject, which only the break parts; misread on the base too (round 117)",
    "weizhi-dongming-renjuhuanjing-lihui-2020": "item 1 not found: the preamble runs into `1、` with no stop (`每月至少一次1、建立…`), as stored (round 107)",
    "weizhi-hexijiedao-huanjingzhengdun": "no numbered item read",
    "weizhi-jiedao-qingming-fanghuo-2025": "a section heading glued to its paragraph (`一、工作目标深入贯彻…`) reads as a clause (round 116)",
    "weizhi-lushi-anquandajiancha-2021": "item 三.(一) not found",
    "weizhi-qu-zhongdianxiangmu-tonggao": "no numbered item read: the page's chrome and headings run into the items with nothing between (`…通告一、重点建设项目工作计划区重点…`); misread on the base too (round 127)",
    "weizhi-qingshui-ganxianguo-2023": "a project's numbered fields (`一、项目名称` over its value) are told from a plan's sections only by their lines: without them name and value run together (round 105)",
    "weizhi-shipingqiao-minshengshishi-2025": "a zero-padded item glued to the heading before it (`…10件民生实事01.增设…`) is not read as an item (round 116)",
    "weizhi-yangpu-shishixiangmu": "unnumbered projects, each group closed by its lead's line: only the breaks part them (round 100)",
    "weizhi-zhongliangshan-minshengshishi-2024": "unnumbered project paragraphs (`X项目:…`): only the breaks part them (round 116)",
    "weizhi-zunhua-minshengshishi-2022": "an item read that is none (一): the targets heading glued to its paragraph, `主要目标围绕…`, reads as no frame (round 108)",
    "xinjiang-hebukesaier-duchazhenggai-2020": "item 1's units not read",
    "xinjiang-yecheng-shaoshuminzu-2026": "item 1's milestone missed",
    "xizang-ali-meilixizang-fengong-2018": "no numbered item read",
    "yunnan-guandu-2016": "item 1 not found",
    "yunnan-yaoan-yanye-2023": "item 二.(一)'s units not read",
    "zhejiang-changxing-zerenfenjie-2023": "no numbered item read",
    "zhejiang-haishu-zhongdiangongzuo-2024": "item 一.1's units read wrong",
    "zhejiang-ningbo-zerenfenjie-2019": "item 1's units read wrong",
    "zhejiang-quzhou-zerenfenjie-2021": "no numbered item read",
    "zhejiang-shengzhang-zerenfenjie-2024": "no numbered item read",
    "zhejiang-tongxiang-zerenfenjie-2020": "no numbered item read",
    "zhejiang-zhenhai-2011": "item 1 not found",
}
LEFT_SPACE = {
    "anhui-suma-zhenggaixiaohao-2024": "item 1's units not read",
    "beijing-tongzhou-minshengshishi-2023": "unnumbered items, one a line: only the breaks part them",
    "chongqing-qianjiang-minshengshishi-2025": "item 三 not found: the 附件说明's `1.` `2.` after it become its points (round 114, misread on the base too)",
    "fujian-lianjiang-chuangjian-ducha": "item 三 not found",
    "fujian-putian-canzhuowuran-2009": "item 9 not found",
    "guangdong-shuziguangdong-gongzuoyaodian-2025": "unnumbered section titles over `1. 标题` items whose own title is a line of its own: only the breaks part title, text and `责任单位` (round 102)",
    "guangxi-xixiangtang-xianjiezijin-2025": "a heading whose numeral the page lost (`、项目管理要求`) is told from the text before it only by its line of its own (round 105)",
    "guizhou-anshun-shijianshishi-2019": "item 三.1's units read wrong",
    "guizhou-liupanshui-minshengshishi-jinzhan-2023": "item 一 not found",
    "guizhou-liupanshui-shidagongcheng-2013": "item 一.(二) not found",
    "hainan-jiedao-huanjingzhengzhi": "item 五.(一)'s units not read",
    "heilongjiang-sheng-tuponian-tongzhi-2025": "requirements `一要…` numbered only at a line's start: none read",
    "henan-xuchang-dubantongzhi-2017": "item 1's units not read",
    "henan-zhengzhou-mubiaoguanli-2007": "item (一)7's units read wrong",
    "hubei-enshi-yianbanli-2012": "item 二's units read wrong",
    "hubei-jingzhou-chuangwen-shequ-wentiqingdan": "item 1 not found",
    "hubei-xianning-chuangwei-2017": "bulleted (●) items, no number: the bullet run-on is not read as a list",
    "hunan-jinjing-jiegan-2025": "a unit's duties a line (`X:负责…`), no number: only the breaks part them",
    "hunan-shuangpai-gongyejizhongqu-2019": "item (一)(1)① not found",
    "liaoning-panjin-yanhaijingjidai-2018": "`——` targets each closed by `;(牵头部门:X)` are told from the 指导思想 and from each other only by their lines (round 117)",
    "ningxia-shapotou-jianyitian-ducha-2017": "a proposal bulletin's `(一)` heading and numbered proposal line are told from the counts paragraph before them only by their lines (round 111)",
    "neimenggu-erlianhaote-fengong-jiedu-2024": "item 二.(二)1's role not read: the title naming the breakdown runs into the page (round 114, misread on the base too)",
    "qinghai-haidong-lanxichengshiqun-2020": "item 1's units read wrong",
    "qinghai-zeku-xianjiezijin-2023": "item 6's units read wrong: the notice's closing sentences run on after its last `实施单位:` field, which only the break ends (round 105)",
    "quanguo-lincaoju-zhengwugongkai-2018": "item 一's units not read",
    "quanguo-rencai-fengong-2022": "unnumbered headings over unnumbered paragraphs: only the breaks part them",
    "shaanxi-pingli-shirongzhengzhi-2015": "item 1's units not read",
    "shaanxi-pingli-shuangchuang-xuncha": "item 1's units not read",
    "shanghai-baoshan-shishi-2022": "no numbered item read",
    "shanxi-gongzuobaogao-fengong-2016": "no numbered item read",
    "shanxi-sheng-mubiaozerenfenjie-2008": "item 一.(一) not found",
    "tianjin-fengong-2020": "unnumbered headings, items numbered `1。`: only the breaks show the list",
    "tianjin-xinhe-minshengshishi-2025": "`一是`…`七是` across topic headings: a `二是` is read as an item only where it opens a line (round 116)",
    "weizhi-banshishi-jinzhan-2021": "no numbered item read",
    "weizhi-changzhi-renwuqingdan-tongzhi-2026": "a requirement's two-phrase heading (`完善工作机制,压实落实责任`) runs into its paragraph's group subject, which only the break parts; misread on the base too (round 117)",
    "weizhi-hexijiedao-huanjingzhengdun": "item 二.(一) not found",
    "weizhi-lushi-anquandajiancha-2021": "item 三.(一)'s units read wrong",
    "weizhi-qingshui-ganxianguo-2023": "a project's numbered fields (`一、项目名称` over its value) are told from a plan's sections only by their lines: without them name and value run together (round 105)",
    "weizhi-yangpu-shishixiangmu": "unnumbered projects, each group closed by its lead's line: only the breaks part them (round 100)",
    "xinjiang-changji-xuncha-zhenggai-2024": "an inspected party's name heading (`一、X党委`) is told from its `反馈问题:` paragraph only by its line of its own (round 111)",
    "weizhi-zhongliangshan-minshengshishi-2024": "unnumbered project paragraphs (`X项目:…`): only the breaks part them (round 116)",
    "xinjiang-hebukesaier-duchazhenggai-2020": "item 1's units not read",
    "xinjiang-yecheng-shaoshuminzu-2026": "item 1's units read wrong",
    "yunnan-yaoan-yanye-2023": "item 二.(一)'s units not read",
    "zhejiang-jiaxing-minyingjingji-2023": "item (一) not found",
    "zhejiang-quzhou-zerenfenjie-2021": "no numbered item read",
}


@pytest.mark.parametrize(("joiner", "left"), [("", LEFT_NOTHING), (" ", LEFT_SPACE)], ids=["nothing", "space"])
def test_the_corpus_prose_with_no_line_breaks_reads_as_annotated(joiner, left, tmp_path):
    wrong = {
        error.split(":")[0]: error
        for folder, text in DOCUMENTS
        if (error := misread(folder, one_line(text, joiner), tmp_path))
    }
    assert len(DOCUMENTS) >= 175
    assert [error for name, error in wrong.items() if name not in left] == []
    assert sorted(set(left) - set(wrong)) == []  # read right now: take it out of the set
