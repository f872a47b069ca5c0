"""components/themes_view.py (问题主题): themes per report and year, problems paired with the measures that
answer them, and the view on the bundled corpus."""

from view_helpers import run_view

from components.views.themes_view import pairs, prevalence, theme_rows


def test_prevalence_counts_reports_per_theme_and_year(bundled_frame):
    rows = theme_rows(bundled_frame)
    share, counts, per_year = prevalence(bundled_frame, rows, "problem")
    assert per_year.to_dict() == {"2009年": 1, "2018年": 3, "2023年": 1}
    assert counts.loc["及时性不够"].to_dict() == {"2009年": 1, "2018年": 2, "2023年": 0}
    assert share.loc["便民性不足"].to_dict() == {"2009年": 1.0, "2018年": 1 / 3, "2023年": 1.0}


def test_problems_are_paired_with_the_measures_that_answer_them(bundled_frame):
    table = pairs(theme_rows(bundled_frame))
    assert table.iloc[0].to_dict() == {"问题主题": "便民性不足", "报告数": 3, "同一报告有对应措施": 1,
                                       "对应措施主题": "便民服务"}


def test_the_view_lists_the_sentences_of_the_first_theme(bundled_frame):
    at = run_view("themes_view", bundled_frame)
    assert at.selectbox(key="theme_pick").value == "人员力量不足"
    assert list(at.dataframe[0].value["年份"]) == ["2018年", "2023年"]

    assert not any(s.value == "问题与对应的改进措施" for s in at.subheader)  # the second part's


def test_the_second_part_pairs_problems_with_measures_and_lists_shared_sentences(bundled_frame):
    at = run_view("themes_view", bundled_frame, query={"tp": "问题与措施、套话"})
    assert at.get("button_group")[0].value == "问题与措施、套话"
    assert [s.value for s in at.subheader] == ["问题与对应的改进措施", "多份报告共用的句子（套话）"]
    first = at.dataframe[0].value.iloc[0]
    assert (first["问题主题"], first["报告数"], first["对应措施主题"]) == ("便民性不足", 3, "便民服务")
    assert not at.get("plotly_chart")  # the heatmap is the first part's


def test_theme_rows_repeat_each_reports_columns_for_each_of_its_hits(bundled_frame):
    rows = theme_rows(bundled_frame)
    per_report = rows.groupby(["file", "side"], observed=True).size().to_dict()
    assert len(rows) == 43 and per_report[("002_31cc29bab18448a3.txt", "measure")] == 10
    assert per_report[("004_b34427a2f19d7753.txt", "problem")] == 4
    first = rows.iloc[0]
    assert (first["file"], first["机构"], first["year"], first["年份"], first["省份"], first["side"], first["code"],
            first["主题"]) == ("003_dd0aca17394d444a.txt", "罗庄区安监", 2018, "2018年", "山东省", "problem", "P02",
                             "公开内容不全面")
    assert first["句子"].endswith("一是公开内容不全面,还未实现非公开事项以外的事项全部公开;")
    assert theme_rows(bundled_frame.iloc[0:0]).empty


def test_a_report_of_unknown_province_is_grouped_as_unknown_not_a_crash(bundled_frame):
    """A missing province is NaN (or pd.NA) in the frame: it once became a null category (ValueError)."""
    import numpy as np
    import pandas as pd

    frame = bundled_frame.assign(province=bundled_frame["province"].astype(object))
    frame.loc[frame["file"].str.startswith("003"), "province"] = np.nan
    frame.loc[frame["file"].str.startswith("004"), "province"] = pd.NA
    rows = theme_rows(frame)
    by_file = rows.drop_duplicates("file").set_index("file")["省份"].astype(str).to_dict()
    assert by_file == {"000_b48a33d21bd5f171.txt": "山东省", "001_4faf77f426963b58.txt": "山东省",
                       "002_31cc29bab18448a3.txt": "山东省", "003_dd0aca17394d444a.txt": "（不明）",
                       "004_b34427a2f19d7753.txt": "（不明）"}
    at = run_view("themes_view", frame)
    assert at.selectbox(key="theme_pick").value == "人员力量不足"


def test_the_sentences_are_shown_whole_not_cut_at_the_columns_edge(bundled_frame):
    from view_helpers import sentence_fits

    at = run_view("themes_view", bundled_frame, query={"theme": "便民性不足"})
    table = at.dataframe[0]
    assert table.value["句子"].str.len().max() > 36  # longer than one line of the column
    assert table.proto.row_height == 73 and sentence_fits(table, "句子")


def test_years_of_fewer_than_five_reports_are_a_faded_layer_of_the_heatmap(bundled_frame):
    import json

    import pandas as pd

    twice = pd.concat([bundled_frame, bundled_frame.assign(file="b_" + bundled_frame["file"])], ignore_index=True)
    at = run_view("themes_view", twice)  # 2018: six reports with a problems part; 2009 and 2023: two each
    heat = json.loads(at.get("plotly_chart")[0].proto.spec)
    solid, faint = heat["data"]
    row = solid["y"].index("及时性不够")

    def grid(z):  # plotly packs a 2-D array as {dtype, bdata, shape}; a missing cell is NaN, shown as None
        import base64

        import numpy as np

        values = np.frombuffer(base64.b64decode(z["bdata"]), dtype=z["dtype"]).reshape(
            [int(s) for s in str(z["shape"]).split(",")])
        return [[None if np.isnan(v) else round(float(v), 1) for v in r] for r in values]

    assert grid(solid["z"])[row] == [None, round(4 / 6 * 100, 1), None]  # 2018 only
    assert grid(faint["z"])[row] == [100.0, None, 0.0] and faint["opacity"] == 0.35
    assert solid["text"][row] == ["", "4/6", ""] and faint["text"][row] == ["2/2", "", "0/2"]  # text once a cell
    assert heat["layout"]["xaxis"]["ticktext"] == ["2009年<br>n=2", "2018年<br>n=6", "2023年<br>n=2"]
    assert solid["customdata"][row] == ["2 份报告（少于 5 份，仅供参考）", "6 份报告", "2 份报告（少于 5 份，仅供参考）"]
