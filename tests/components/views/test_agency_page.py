"""components/agency_page.py (机构档案): one agency's reports in year order, and the view on the bundled corpus."""

from view_helpers import run_view

from components.views.agency_page import history, year_pairs

ZHANGDIAN = "淄博市张店区安全生产监督管理局"


def test_history_lists_channels_and_themes_year_by_year(bundled_frame):
    rows = history(bundled_frame[bundled_frame["agency_key"] == ZHANGDIAN])
    assert list(rows["文件"]) == ["002_31cc29bab18448a3.txt", "000_b48a33d21bd5f171.txt"]
    assert list(rows["问题主题"]) == ["便民性不足、及时性不够", "便民性不足、及时性不够"]
    assert list(rows["新增渠道"]) == ["—", "—"]
    assert rows["公开渠道"].iloc[1] == "政府网站、查阅场所、热线电话"


def test_year_pairs_compare_each_report_with_the_earlier_ones(bundled_frame):
    [pair] = year_pairs(bundled_frame[bundled_frame["agency_key"] == ZHANGDIAN])
    assert (pair["year"], pair["earlier"], len(pair["problem_pairs"])) == (2018, 2009, 2)


def test_the_view_opens_the_agency_of_the_url(bundled_frame):
    at = run_view("agency_page", bundled_frame, query={"page": "聊城市安全生产监督管理局"})
    assert at.subheader[0].value == "聊城市安全生产监督管理局"
    assert list(at.dataframe[0].value["主动公开"]) == ["1,000（累计）"]
    assert at.info[0].value == "这个机构在当前筛选下只有一年的报告，无法比较年度之间的重复。"


def test_thousands_of_agencies_are_found_by_search_and_the_url_agency_stays_offered(bundled_frame):
    import pandas as pd

    from components.filters import OPTIONS_CAP

    many = pd.concat([bundled_frame.assign(agency_key=[f"第{i}{j}号安监局" for j in range(5)],
                                           agency_label=[f"第{i}{j}号" for j in range(5)],
                                           file=[f"{i}_{j}.txt" for j in range(5)]) for i in range(60)],
                     ignore_index=True)  # 300 agencies
    at = run_view("agency_page", many, query={"page": "第594号安监局"})
    box = at.selectbox(key="agency_page")
    assert len(box.options) == OPTIONS_CAP and box.value == "第594号安监局"
    assert at.caption[0].value.startswith("另有 100 个机构未列出")
    at.text_input(key="agency_page_q").input("第3").run()
    assert at.selectbox(key="agency_page").value == "第594号安监局"  # the open page is kept while searching
    offered = at.selectbox(key="agency_page").options
    assert offered[0] == "第594号（第594号安监局）" and sorted(offered[1:]) == sorted(
        [f"第3{j}号（第3{j}号安监局）" for j in range(5)] + [f"第3{i}{j}号（第3{i}{j}号安监局）" for i in range(10)
                                                       for j in range(5)])
