"""Builds whole template reports (2019/2021 layouts) as text, in tab, pipe or flat-PDF form.

The numbers are written once as Python data; each layout renders the same cells the way a Word
export, a Markdown conversion or a PDF text extraction would give them.
"""

from __future__ import annotations

import copy

COLS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
COLS_LOCAL = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "法人或其他组织小计", "总计"]

# (row key, label cells as printed in the template)
ROWS_2021 = [
    ("一、本年新收", ["一、本年新收政府信息公开申请数量"]),
    ("二、上年结转", ["二、上年结转政府信息公开申请数量"]),
    ("（一）予以公开", ["三、本年度办理结果", "（一）予以公开"]),
    ("（二）部分公开", ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]),
    ("（三）1", ["", "（三）不予公开", "1.属于国家秘密"]),
    ("（三）2", ["", "", "2.其他法律行政法规禁止公开"]),
    ("（三）3", ["", "", "3.危及“三安全一稳定”"]),
    ("（三）4", ["", "", "4.保护第三方合法权益"]),
    ("（三）5", ["", "", "5.属于三类内部事务信息"]),
    ("（三）6", ["", "", "6.属于四类过程性信息"]),
    ("（三）7", ["", "", "7.属于行政执法案卷"]),
    ("（三）8", ["", "", "8.属于行政查询事项"]),
    ("（四）1", ["", "（四）无法提供", "1.本机关不掌握相关政府信息"]),
    ("（四）2", ["", "", "2.没有现成信息需要另行制作"]),
    ("（四）3", ["", "", "3.补正后申请内容仍不明确"]),
    ("（五）1", ["", "（五）不予处理", "1.信访举报投诉类申请"]),
    ("（五）2", ["", "", "2.重复申请"]),
    ("（五）3", ["", "", "3.要求提供公开出版物"]),
    ("（五）4", ["", "", "4.无正当理由大量反复申请"]),
    ("（五）5", ["", "", "5.要求行政机关确认或重新出具已获取信息"]),
    ("（六）1", ["", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
    ("（六）2", ["", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]),
    ("（六）3", ["", "", "3.其他"]),
    ("（七）总计", ["", "（七）总计"]),
    ("四、结转下年度", ["四、结转下年度继续办理"]),
]
ROWS_2019 = ROWS_2021[:20] + [("（六）其他处理", ["", "（六）其他处理"])] + ROWS_2021[23:]


def row(*applicants, local=False):
    """A row from the six applicant numbers; 总计 (and the 法人 subtotal) computed."""
    values = list(applicants) + [0] * (6 - len(applicants))
    legal = sum(values[1:6])
    return values + ([legal] if local else []) + [sum(values)]


def zeros(local=False):
    return row(local=local)


def table3_2021(local=False) -> dict[str, list]:
    """新收 34 = 32 自然人 + 2 商业企业; 上年结转 2; 办理 33; 结转 3 → 34 + 2 = 33 + 3."""
    t = {key: zeros(local) for key, _l in ROWS_2021}
    t["一、本年新收"] = row(32, 2, local=local)
    t["二、上年结转"] = row(2, local=local)
    t["（一）予以公开"] = row(15, 1, local=local)
    t["（二）部分公开"] = row(5, local=local)
    t["（三）3"] = row(1, local=local)
    t["（四）1"] = row(6, 1, local=local)
    t["（四）2"] = row(1, local=local)
    t["（五）2"] = row(2, local=local)
    t["（六）1"] = row(1, local=local)
    t["（七）总计"] = row(31, 2, local=local)
    t["四、结转下年度"] = row(3, local=local)
    return t


def table3_2022(carried_in: int = 3) -> dict[str, list]:
    t = {key: zeros() for key, _l in ROWS_2021}
    t["一、本年新收"] = row(20, 1)
    t["二、上年结转"] = row(carried_in)
    t["（一）予以公开"] = row(20, 1)
    t["（二）部分公开"] = row(carried_in)
    t["（七）总计"] = row(20 + carried_in, 1)
    return t


def table3_2019() -> dict[str, list]:
    t = {key: zeros() for key, _l in ROWS_2019}
    t["一、本年新收"] = row(10, 1, 0, 1)
    t["二、上年结转"] = row(1)
    t["（一）予以公开"] = row(6, 1)
    t["（四）1"] = row(3, 0, 0, 1)
    t["（六）其他处理"] = row(1)
    t["（七）总计"] = row(10, 1, 0, 1)
    t["四、结转下年度"] = row(1)
    return t


TABLE2_2021 = {"规章": [0, 0, 0], "行政规范性文件": [3, 1, 12], "行政许可": [156], "行政处罚": [126],
               "行政强制": [4], "行政事业性收费": [12.5]}
TABLE2_2022 = {"规章": [0, 0, 0], "行政规范性文件": [2, 1, 13], "行政许可": [140], "行政处罚": [98],
               "行政强制": [2], "行政事业性收费": [10.2]}
TABLE2_2019 = {"规章": [0, 0, 0], "规范性文件": [2, 2, 9], "行政许可": [35, 2, 410],
               "其他对外管理服务事项": [5, 0, 22], "行政处罚": [12, 0, 57], "行政强制": [3, 0, 6],
               "行政事业性收费": [4, -1], "政府集中采购": [8, 236.4]}
TABLE4 = {"行政复议": [1, 0, 0, 0, 1], "未经复议直接起诉": [0, 0, 0, 1, 1], "复议后起诉": [0, 0, 0, 0, 0]}


def _fmt(v) -> str:
    if v is None:
        return ""
    return str(v)


def table2_lines(t2: dict, layout: str, form: str) -> list[str]:
    sep = "\t" if form == "tab" else " "
    if layout == "2021":
        blocks = [("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
                  ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], ["行政许可"]),
                  ("第二十条第（六）项", ["信息内容", "本年处理决定数量"], ["行政处罚", "行政强制"]),
                  ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费"])]
    else:
        blocks = [("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "规范性文件"]),
                  ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
                   ["行政许可", "其他对外管理服务事项"]),
                  ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政处罚", "行政强制"]),
                  ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"], ["行政事业性收费"]),
                  ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"], ["政府集中采购"])]
    out = []
    for caption, header, rows in blocks:
        if form == "pipes":
            out += [f"| {caption} |", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            out += ["| " + " | ".join([name] + [_fmt(v) for v in t2[name]]) + " |" for name in rows]
        elif form in ("flat", "stream"):
            out += [caption, *header]
            for name in rows:
                out += [name, " ".join(_fmt(v) for v in t2[name])]
        else:
            out += [caption, sep.join(header)]
            out += [sep.join([name] + [_fmt(v) for v in t2[name]]) for name in rows]
    return out


def table3_lines(t3: dict, rows_def, columns, form: str) -> list[str]:
    out = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]
    if form == "pipes":
        out += ["| 申请人情况 | | | " + " | ".join(columns) + " |", "|" + "---|" * (len(columns) + 3)]
        for key, labels in rows_def:
            cells = (labels + ["", "", ""])[:3] + [_fmt(v) for v in t3[key]]
            out.append("| " + " | ".join(cells) + " |")
        return out
    if form == "stream":  # a PDF that gives every label first, then every number
        out += ["申请人情况", *columns]
        out += [lbl for _key, labels in rows_def for lbl in labels if lbl]
        out += [" ".join(_fmt(v) for v in t3[key]) for key, _labels in rows_def]
        return out
    if form == "flat":
        out += ["申请人情况", "自然人", "法人或其他组织", "商业", "企业", "科研", "机构", "社会公", "益组织", "法律服",
                "务机构", "其他"] + (["小计"] if len(columns) == 8 else []) + ["总计"]
        for i, (key, labels) in enumerate(rows_def):
            out += [lbl for lbl in labels if lbl]
            if i == 12:
                out.append("- 3 -")  # a page break inside the table
            out.append(" ".join(_fmt(v) for v in t3[key]))
        return out
    out += ["\t申请人情况", "\t\t\t" + "\t".join(columns)]
    for key, labels in rows_def:
        out.append("\t".join((labels + ["", "", ""])[:3] + [_fmt(v) for v in t3[key]]))
    return out


def table4_lines(t4: dict, form: str) -> list[str]:
    values = [v for block in ("行政复议", "未经复议直接起诉", "复议后起诉") for v in t4[block]]
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    if form == "pipes":
        return ["| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |",
                "| " + " | ".join(heads * 3) + " |", "|" + "---|" * 15,
                "| " + " | ".join(_fmt(v) for v in values) + " |"]
    if form in ("flat", "stream"):
        return ["行政复议", "行政诉讼", *heads, "未经复议直接起诉", *heads, "复议后起诉", *heads,
                " ".join(_fmt(v) for v in values)]
    return ["行政复议\t\t\t\t\t行政诉讼", "\t".join(heads) + "\t未经复议直接起诉\t\t\t\t\t复议后起诉",
            "\t\t\t\t\t" + "\t".join(heads * 2), "\t".join(_fmt(v) for v in values)]


def report(year=2021, agency="淄博市张店区教育局", t2=None, t3=None, t4=None, layout="2021", form="tab",
           applications_said=34, reconsideration_said=1, penalties_said=126, columns=None) -> str:
    t2 = copy.deepcopy(t2 if t2 is not None else TABLE2_2021)
    t3 = copy.deepcopy(t3 if t3 is not None else table3_2021())
    t4 = copy.deepcopy(t4 if t4 is not None else TABLE4)
    rows_def = ROWS_2021 if layout == "2021" else ROWS_2019
    columns = columns or COLS
    lines = [f"{agency}{year}年政府信息公开工作年度报告",
             f"本报告由{agency}编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
             "一、总体情况",
             f"{year}年，我局主动公开政府信息285条，通过门户网站和政务新媒体发布。"
             f"全年共收到政府信息公开申请{applications_said}件，发生政府信息公开行政复议{reconsideration_said}件，"
             f"作出行政处罚决定{penalties_said}件。",
             "二、主动公开政府信息情况", *table2_lines(t2, layout, form),
             "三、收到和处理政府信息公开申请情况", *table3_lines(t3, rows_def, columns, form),
             "四、政府信息公开行政复议、行政诉讼情况", *table4_lines(t4, form),
             "五、存在的主要问题及改进情况",
             "一是政策解读的形式还比较单一；二是依申请公开答复的规范性有待提高。",
             "下一步，我局将丰富解读形式，加强答复文书的审核。",
             "六、其他需要报告的事项", "本年度未收取信息处理费。"]
    return "\n".join(lines) + "\n"
