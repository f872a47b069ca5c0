"""Write N synthetic disclosure reports (both formats) and a truth.jsonl of what each contains.

    python bench/make_corpus.py N OUT_DIR [--seed S]

Clearly synthetic: every file is named synthetic_*.txt and its first line says （合成测试数据）.
Agencies are drawn from the real gazetteer (cpca's adcode table); years 2008–2024; prose before
2019, the national template (tables consistent with the prose) from 2019. About 1% of the files are
broken on purpose (empty, binary junk, truncated). Refuses to write into the project's data/.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import template_builder as tb  # noqa: E402  (the template's exact table shapes)

from parsing.extract.gazetteer import PLACEHOLDER_CITIES, gazetteer  # noqa: E402

TYPES = [("安全生产监督管理局", "安监局", "安监"), ("应急管理局", "应急局", "应急"), ("教育局", "教育局", "教育"),
         ("生态环境局", "生态环境局", "生态环境"), ("市场监督管理局", "市场监管局", "市场监管"),
         ("住房和城乡建设局", "住建局", "住建"), ("交通运输局", "交通局", "交通"), ("民政局", "民政局", "民政")]
PROVINCE_TYPES = [("应急管理厅", "应急"), ("教育厅", "教育"), ("生态环境厅", "生态环境"), ("民政厅", "民政")]
CHANNEL_WORDS = {"政府网站": ["政府门户网站", "门户网站"], "政务微博": ["政务微博", "官方微博"],
                 "政务微信": ["政务微信", "微信公众号"], "报刊": ["报纸", "报刊"], "广播电视": ["电视台", "广播电视"],
                 "新闻发布会": ["新闻发布会"], "查阅场所": ["政府信息公开查阅点", "档案馆"],
                 "服务窗口": ["政务服务中心窗口", "服务窗口"], "热线电话": ["12345热线", "咨询电话"],
                 "公开栏": ["政务公开栏", "电子显示屏"]}
CATEGORIES = ["机构职能", "政策法规", "规划计划", "工作动态", "人事任免", "财政预决算", "行政执法", "应急管理"]
PROBLEMS = ["政策解读的形式还比较单一", "公开内容的及时性有待提高", "基层工作人员业务能力不足",
            "依申请公开答复的规范性还需加强", "网站栏目更新不够及时", "公开平台的互动功能较弱"]
MEASURES = ["丰富政策解读形式", "加强业务培训", "完善公开工作制度", "规范依申请公开办理流程",
            "加强网站栏目维护", "拓展政务新媒体平台"]
HEADINGS = ["存在的主要问题及改进措施", "存在的问题和改进情况", "存在的不足和下一步工作打算"]
CN_NUMERALS = {12: "十二", 35: "三十五", 57: "五十七", 120: "一百二十", 206: "二百零六"}


def divisions(rng: random.Random):
    gaz = gazetteer()
    counties, cities, provinces = [], [], []
    for div in gaz.by_code.values():
        if div.rank == 2:
            city = gaz.city_of(div)
            province = gaz.province_of(div)
            unique = len(gaz.by_name.get(div.name, [])) == 1
            if city and province and city.rank == 1 and city.name not in PLACEHOLDER_CITIES and unique \
                    and div.name.endswith(("区", "县")) and len(div.name) >= 2:
                counties.append((province, city, div))
        elif div.rank == 1 and div.name not in PLACEHOLDER_CITIES and div.name.endswith("市") \
                and len(gaz.by_name.get(div.name, [])) == 1:
            province = gaz.province_of(div)
            if province and province.name.endswith("省"):
                cities.append((province, div))
        elif div.rank == 0 and div.name.endswith("省"):
            provinces.append(div)
    for group in (counties, cities, provinces):
        group.sort(key=lambda t: t[-1].adcode if isinstance(t, tuple) else t.adcode)
    return counties, cities, provinces


def pick_agency(rng, counties, cities, provinces):
    roll = rng.random()
    if roll < 0.7:
        province, city, county = rng.choice(counties)
        full, short, kind = rng.choice(TYPES)
        return {"agency": city.name + county.name + full, "agency_type": kind, "admin_level": "县区",
                "province": province.name, "city": city.name, "district": county.name,
                "title_name": rng.choice([county.name + short, city.name + county.name + full, "区" + short
                                          if county.name.endswith("区") else "县" + short]),
                "full_text": city.name + county.name + full}
    if roll < 0.95:
        province, city = rng.choice(cities)
        full, short, kind = rng.choice(TYPES)
        return {"agency": city.name + full, "agency_type": kind, "admin_level": "市", "province": province.name,
                "city": city.name, "district": None, "title_name": rng.choice([city.name + full, city.name + short]),
                "full_text": city.name + full}
    province = rng.choice(provinces)
    full, kind = rng.choice(PROVINCE_TYPES)
    return {"agency": province.name + full, "agency_type": kind, "admin_level": "省", "province": province.name,
            "city": None, "district": None, "title_name": province.name + full, "full_text": province.name + full}


def number_words(rng, n: int) -> str:
    return CN_NUMERALS[n] if n in CN_NUMERALS and rng.random() < 0.5 else str(n)


def prose_parts(rng, truth) -> tuple[list[str], dict]:
    """Shared prose: totals with categories, channels, channel counts."""
    year = truth["year"]
    total = rng.choice([12, 35, 57, 120, 206]) if rng.random() < 0.15 else rng.randint(20, 3000)
    truth["proactive_total"] = total
    lines = []
    phrasing = rng.randrange(4)
    said = number_words(rng, total)
    if phrasing == 0:
        sentence = f"{year}年，我局主动公开政府信息{said}条"
    elif phrasing == 1:
        sentence = f"{year}年，我局共主动公开各类政府信息{said}条"
    elif phrasing == 2:
        sentence = f"全年主动公开政府信息共计{said}条"
    else:
        sentence = f"{year}年度，累计主动公开政府信息{said}条" if rng.random() < 0.3 else f"本年度共主动公开政府信息{said}条"
    breakdown = {}
    if rng.random() < 0.5 and total >= 40:
        cats = rng.sample(CATEGORIES, rng.randint(2, 4))
        left = total
        for cat in cats[:-1]:
            n = rng.randint(1, max(1, left // 3))
            breakdown[cat] = n
            left -= n
        breakdown[cats[-1]] = left
        sentence += "，其中" + "，".join(f"{c}信息{n}条" for c, n in breakdown.items())
    truth["proactive_breakdown"] = breakdown
    lines.append(sentence + "。")
    channels = rng.sample(list(CHANNEL_WORDS), rng.randint(2, 6))
    truth["channels"] = sorted(channels)
    words = [rng.choice(CHANNEL_WORDS[c]) for c in channels]
    lines.append(f"我局通过{'、'.join(words)}等渠道及时发布政府信息，方便公众查询。")
    counts = {}
    if "新闻发布会" in channels and rng.random() < 0.6:
        counts["新闻发布会"] = rng.randint(1, 12)
        lines.append(f"全年召开新闻发布会{counts['新闻发布会']}次。")
    if "政务微博" in channels and rng.random() < 0.6:
        counts["政务微博"] = rng.randint(50, 2000)
        lines.append(f"政务微博发布信息{counts['政务微博']}条。")
    truth["channel_counts"] = counts
    return lines, truth


def problems_measures(rng, truth, numbered: str) -> list[str]:
    probs = rng.sample(PROBLEMS, 2)
    meas = rng.sample(MEASURES, 2)
    truth["problem_phrase"], truth["measure_phrase"] = probs[0], meas[0]
    heading = rng.choice(HEADINGS)
    return [f"{numbered}{heading}", f"{truth['year']}年，我局政府信息公开工作取得一定成效，但仍存在一些不足：一是{probs[0]}；"
            f"二是{probs[1]}。", f"下一步，我局将{meas[0]}，{meas[1]}，不断提升政府信息公开工作水平。"]


def prose_report(rng, truth) -> str:
    year = truth["year"]
    lines = [f"{truth['title_name']}{year}年度政府信息公开工作报告（合成测试数据）"]
    if rng.random() < 0.3:
        lines = [f"{truth['title_name']}政府信息公开工作年度报告（合成测试数据）",
                 f"本报告中所列数据的统计期限为{year}年1月1日至{year}年12月31日。"]
    lines.append(f"本报告由{truth['full_text']}编制。")
    lines += ["一、概述", f"{year}年，我局认真贯彻《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。",
              "二、主动公开政府信息情况"]
    body, truth = prose_parts(rng, truth)
    lines += body
    lines.append("三、依申请公开政府信息情况")
    apps = 0 if rng.random() < 0.5 else rng.randint(1, 60)
    truth["applications_received"] = apps
    lines.append(f"{year}年，我局未收到政府信息公开申请。" if apps == 0 else
                 f"{year}年，我局共受理政府信息公开申请{apps}件，均已按时答复。")
    lines += ["四、政府信息公开的收费及减免情况", f"{year}年，我局未收取任何费用。"]
    truth["fees"] = 0
    lines.append("五、因政府信息公开申请提起行政复议、行政诉讼情况")
    if rng.random() < 0.7:
        truth["reconsideration"] = truth["litigation"] = 0
        lines.append(f"{year}年，我局未发生因政府信息公开引起的行政复议、行政诉讼。")
    else:
        truth["reconsideration"], truth["litigation"] = rng.randint(1, 3), rng.randint(0, 2)
        lit = f"行政诉讼{truth['litigation']}件" if truth["litigation"] else "无行政诉讼"
        lines.append(f"{year}年，因政府信息公开申请引起行政复议{truth['reconsideration']}件，{lit}。")
    lines += problems_measures(rng, truth, "六、")
    return "\n".join(lines) + "\n"


def template_report(rng, truth) -> str:
    year = truth["year"]
    lines = [f"{truth['title_name']}{year}年政府信息公开工作年度报告（合成测试数据）",
             f"本报告由{truth['full_text']}编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
             "一、总体情况"]
    body, truth = prose_parts(rng, truth)
    lines += body
    apps = rng.choice([0, 0, rng.randint(1, 80)])
    natural = rng.randint(0, apps)
    carried = rng.randint(0, 3)
    t3 = {key: tb.zeros() for key, _l in tb.ROWS_2021}
    t3["一、本年新收"] = tb.row(natural, apps - natural)
    t3["二、上年结转"] = tb.row(carried)
    t3["（一）予以公开"] = tb.row(natural + carried, apps - natural)
    t3["（七）总计"] = tb.row(natural + carried, apps - natural)
    recon, lit = rng.choice([0, 0, 0, 1, 2]), rng.choice([0, 0, 1])
    t4 = {"行政复议": [recon, 0, 0, 0, recon], "未经复议直接起诉": [lit, 0, 0, 0, lit], "复议后起诉": [0] * 5}
    t2 = {"规章": [0, 0, 0], "行政规范性文件": [rng.randint(0, 5), 0, rng.randint(5, 30)],
          "行政许可": [rng.randint(0, 500)], "行政处罚": [rng.randint(0, 300)], "行政强制": [rng.randint(0, 20)],
          "行政事业性收费": [0]}
    truth.update(applications_received=apps, reconsideration=recon, litigation=lit, fees=0)
    lines.append(f"全年共收到政府信息公开申请{apps}件。")
    lines += ["二、主动公开政府信息情况", *tb.table2_lines(t2, "2021", "tab"),
              "三、收到和处理政府信息公开申请情况", *tb.table3_lines(t3, tb.ROWS_2021, tb.COLS, "tab"),
              "四、政府信息公开行政复议、行政诉讼情况", *tb.table4_lines(t4, "tab")]
    lines += problems_measures(rng, truth, "五、")
    lines += ["六、其他需要报告的事项", "本年度未收取信息处理费。"]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    out = Path(args.out_dir).resolve()
    data = (ROOT / "data").resolve()
    if out == data or data in out.parents:
        sys.exit(f"refusing to write synthetic reports into the project's data folder ({data})")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    counties, cities, provinces = divisions(rng)
    started = time.perf_counter()
    with open(out / "truth.jsonl", "w", encoding="utf-8") as truth_file:
        for i in range(args.n):
            truth = pick_agency(rng, counties, cities, provinces)
            truth["year"] = rng.randint(2008, 2024)
            truth["format"] = "prose" if truth["year"] < 2019 else "template2019"
            text = (prose_report if truth["format"] == "prose" else template_report)(rng, truth)
            name = f"synthetic_{i:06d}.txt"
            truth.update(file=name, broken=False)
            data_bytes = text.encode("utf-8")
            if rng.random() < 0.01:
                kind = rng.choice(["empty", "binary", "truncated"])
                truth["broken"] = kind
                data_bytes = {"empty": b"", "binary": bytes(rng.randrange(256) for _ in range(2048)),
                              "truncated": data_bytes[: len(data_bytes) * 2 // 5]}[kind]
            (out / name).write_bytes(data_bytes)
            for key in ("title_name", "full_text"):
                truth.pop(key)
            truth_file.write(json.dumps(truth, ensure_ascii=False) + "\n")
    print(f"wrote {args.n} synthetic reports to {out} in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
