"""A small generated corpus of the reports a researcher's folder really holds, unlike the bundled five: places
the text never names, a report without a year, reports without figures or without a problems part, one report
in each of several years, traditional characters, a template report alone in its year, and an unreadable file.

write(folder) writes it and returns the file names; the texts are made up here (no report text is copied)."""

from __future__ import annotations

from pathlib import Path

from conftest import DATA

PROBLEMS = ("四、存在的问题及改进措施\n"
            "（一）存在的问题。一是公开内容不够全面，依申请公开答复的规范性还需加强；二是网站栏目更新不够及时。\n"
            "（二）改进措施。一是加强业务培训，提高依申请公开办理水平；二是加强网站栏目维护，及时更新。\n")

TEXTS = {
    # no place named anywhere: province, city and district are all unknown
    "odd_unknown_place_2016.txt": (
        "安监局2016年政府信息公开工作年度报告\n\n"
        "一、概述\n2016年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，通过政府网站和政务微博公开政府信息。\n"
        "二、主动公开政府信息情况\n全年共主动公开政府信息35条。\n"
        "三、依申请公开情况\n2016年共收到政府信息公开申请2件，均已按时答复。\n" + PROBLEMS),
    # a place, but no year anywhere in the text
    "odd_no_year.txt": (
        "济南市历城区应急管理局政府信息公开工作年度报告\n\n"
        "一、概述\n本局按照条例要求做好政府信息公开工作，在门户网站设立信息公开专栏。\n"
        "二、主动公开政府信息情况\n全年共主动公开政府信息12条。\n" + PROBLEMS),
    # no figures, no problems part
    "odd_no_figures_2011.txt": (
        "青岛市黄岛区安全生产监督管理局2011年政府信息公开工作年度报告\n\n"
        "一、概述\n2011年，我局进一步完善政府信息公开制度，通过公开栏和服务窗口公开安全生产信息。\n"
        "二、收费情况\n本年度未收取任何费用。\n"),
    # traditional characters, unknown place, stated figure
    "odd_traditional_2013.txt": (
        "安全生產監督管理局2013年政府信息公開工作年度報告\n\n"
        "一、概述\n2013年，我局依照《條例》做好政府信息公開工作，通過政府網站公開信息。\n"
        "二、主動公開政府信息情況\n全年共主動公開政府信息48條。\n"
        "三、依申請公開情況\n本年度共受理依申請公開3件。\n"
        "四、存在的問題及改進措施\n（一）存在的問題。公開內容不夠全面，依申請公開答覆還需規範。\n"
        "（二）改進措施。加強業務培訓，規範依申請公開辦理。\n"),
    # a short page: a title and one line
    "odd_title_only_2019.txt": "某县应急管理局2019年政府信息公开工作年度报告\n\n详见附件。\n",
}


def write(folder: Path) -> list[str]:
    """The corpus in folder: the texts above, the bundled template report moved to 2021 (alone in its year),
    and an empty file (unreadable). Returns the names of the readable reports."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    template = (DATA / "004_b34427a2f19d7753.txt").read_text(encoding="utf-8").replace("2023", "2021")
    (folder / "odd_template_2021.txt").write_text(template, encoding="utf-8")
    (folder / "odd_empty.txt").write_bytes(b"")
    return sorted([*TEXTS, "odd_template_2021.txt"])
