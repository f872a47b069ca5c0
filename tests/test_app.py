"""AppTest: every view, driven the way a user drives it, checked on the charts' own data."""

import base64
import json
import shutil

import numpy as np
import pytest
from conftest import DATA, ROOT
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "app.py")


def run_app(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    if query:
        for key, value in query.items():
            at.query_params[key] = value
    return at.run()


def values(array) -> list:
    """plotly 7 packs arrays as {'dtype','bdata'}; unpack to a list."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=np.dtype(array["dtype"])).tolist()
    return list(array)


def chart(at: AppTest, key: str) -> dict:
    for element in at.get("plotly_chart"):
        if element.proto.id.endswith(key) or key in element.proto.id:
            return json.loads(element.proto.spec)
    raise AssertionError(f"no chart {key}; have {[e.proto.id for e in at.get('plotly_chart')]}")


def bar_points(fig: dict) -> dict[tuple[str, str], int]:
    """(trace name, x) → y for every bar."""
    out = {}
    for trace in fig["data"]:
        for x, y in zip(values(trace["x"]), values(trace["y"]), strict=True):
            out[(trace["name"], str(x))] = y
    return out


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


TABS = ["总览", "公开渠道", "关键词", "问题主题", "机构档案", "依申请与复议诉讼", "质量检查", "问题清单", "文档", "数据"]


@pytest.mark.parametrize("tab", TABS)
def test_every_tab_renders_without_exceptions(tab):
    at = run_app({"tab": tab})
    assert not at.exception
    assert at.get("plotly_chart") or at.dataframe


def test_overview_kpis_never_sum_across_years():
    at = run_app()
    assert metrics(at)["报告数"] == "5"
    assert metrics(at)["写明总数"] == "5 / 5"
    # plain figures only: 123 (张店区 2009), 57 (罗庄区 2018), 47 (度假区 2023); 280 and 1000 are 累计
    assert metrics(at)["每份报告中位数"] == "57 条"
    assert metrics(at)["机构数"] == "4"
    assert metrics(at)["覆盖年份"] == "2009–2023"
    assert "主动公开信息合计" not in metrics(at)
    assert [t.label.split(" :")[0] for t in at.tabs] == TABS
    # 001's categories cover 138 of its 1000 items; 000 and 002 state no statistics period (PERIOD-STATED)
    assert at.tabs[7].label == "问题清单 :red-badge[3]"


def test_changing_a_filter_keeps_the_open_tab():
    at = run_app({"tab": "公开渠道"})
    at.sidebar.selectbox(key="f_city").select("临沂市").run()
    assert not at.exception
    assert at.query_params["tab"] in ("公开渠道", ["公开渠道"])
    assert at.query_params["city"] in ("临沂市", ["临沂市"])
    at.sidebar.selectbox(key="f_city").select("全部").run()
    assert "city" not in at.query_params


def test_open_tab_lives_in_the_url():
    at = run_app({"tab": "公开渠道", "city": "聊城市"})
    assert at.query_params["tab"] in ("公开渠道", ["公开渠道"])
    assert at.query_params["city"] in ("聊城市", ["聊城市"])
    assert any(s.value == "报告中写明的渠道数量" for s in at.subheader)


def test_city_filter_leaves_exactly_the_liaocheng_reports():
    at = run_app()
    at.sidebar.selectbox(key="f_city").select("聊城市").run()
    assert not at.exception
    assert metrics(at)["报告数"] == "2"
    fig = chart(at, "overview_bar")
    points = bar_points(fig)
    assert {k: v for k, v in points.items() if v is not None} == {("聊城市安监", "2018"): 1000,
                                                                  ("江北水城旅游度假区安监", "2023"): 47}
    # 1000 is worded 累计: hatched, labelled, and explained in the legend
    city = next(t for t in fig["data"] if t["name"] == "聊城市安监")
    assert city["text"] == ["1,000<br>累计"] and city["marker"]["pattern"]["shape"] == ["/"]
    zone = next(t for t in fig["data"] if t["name"] == "江北水城旅游度假区安监")
    assert zone["text"] == ["47"] and zone["marker"]["pattern"]["shape"] == [""]
    assert any(t["name"].startswith("斜纹：表述为“累计”") for t in fig["data"])
    assert at.query_params["city"] in ("聊城市", ["聊城市"])


def test_district_filter_shows_zhangdian_trend_2009_to_2018():
    at = run_app()
    at.sidebar.selectbox(key="f_city").select("淄博市").run()
    at.sidebar.selectbox(key="f_district").select("张店区").run()
    trend = chart(at, "overview_trend")
    assert len(trend["data"]) == 1  # by default the line joins plain figures only: 280 is 累计
    assert values(trend["data"][0]["x"]) == [2009]
    assert values(trend["data"][0]["y"]) == [123]
    at.toggle(key="trend_flagged").set_value(True).run()
    trend = chart(at, "overview_trend")
    assert values(trend["data"][0]["x"]) == [2009, 2018]
    assert values(trend["data"][0]["y"]) == [123, 280]
    assert trend["data"][0]["text"] == ["123", "280（累计）"]
    assert trend["data"][0]["marker"]["symbol"] == ["circle", "circle-open"]
    assert trend["layout"]["yaxis"]["rangemode"] == "tozero"  # a count axis starts at 0


def test_query_params_prefill_filters():
    at = run_app({"city": "淄博市", "district": "张店区"})
    assert at.sidebar.selectbox(key="f_city").value == "淄博市"
    assert at.sidebar.selectbox(key="f_district").value == "张店区"
    assert metrics(at)["报告数"] == "2"


def test_year_range_from_url():
    at = run_app({"year_from": "2018", "year_to": "2018"})
    assert metrics(at)["报告数"] == "3"
    assert at.sidebar.slider(key="f_years").value == (2018, 2018)


def test_unknown_query_values_fall_back_to_everything():
    at = run_app({"city": "不存在市"})
    assert not at.exception
    assert metrics(at)["报告数"] == "5"


def test_empty_state_when_nothing_matches():
    at = run_app()
    at.sidebar.multiselect(key="f_format").select("template2019").run()
    at.sidebar.selectbox(key="f_city").select("淄博市").run()
    assert not at.exception
    assert any("没有符合当前筛选条件的报告" in i.value for i in at.info)
    assert not at.main.get("plotly_chart")  # the sidebar keeps its year-count chart


def test_channels_view_heatmap_and_counts():
    at = run_app({"tab": "公开渠道"})
    heat = chart(at, "channels_heatmap")["data"][0]
    assert "政务微信" in values(heat["x"])
    counts = bar_points(chart(at, "channels_counts"))
    assert counts[("罗庄区安监 2018年", "政务微信")] == 78
    assert counts[("聊城市安监 2018年", "新闻发布会")] == 1


def test_keyword_view_lists_recurring_term_and_its_sentences():
    at = run_app({"tab": "关键词", "kw": "反复出现的词与上下文"})
    box = at.selectbox(key="kw_term")
    assert "便民性" in box.options
    box.select("便民性").run()
    text = "\n".join(m.value for m in at.markdown)
    assert "张店区安监 2018年" in text and "张店区安监 2009年" in text
    assert "便民性" in text
    assert any("关键词上下文：便民性" in s.value for s in at.subheader)


def test_document_view_lists_values_with_evidence():
    at = run_app({"doc": "003_dd0aca17394d444a.txt", "tab": "文档"})
    assert at.selectbox(key="doc_file").value == "003_dd0aca17394d444a.txt"
    table = next(d.value for d in at.dataframe if "字段" in d.value.columns)
    row = table[table["字段"] == "主动公开条数"].iloc[0]
    assert row["值"] == "57" and "57条" in row["原文依据"]


def test_data_view_offers_csv_and_excel():
    at = run_app({"tab": "数据"})
    labels = [b.proto.label for b in at.get("download_button")]
    assert "下载 CSV" in labels and "下载 Excel" in labels


def test_broken_file_is_listed_and_the_rest_still_renders(tmp_path, monkeypatch):
    for p in DATA.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / "broken.txt").write_bytes(b"")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 8)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    at = run_app()
    assert not at.exception
    banner = "\n".join(w.value for w in at.warning).replace("\\", "")
    assert "2 个文件无法读取" in banner and "问题清单" in banner  # one line, details in the list
    assert "broken.txt：文件为空" in banner
    assert metrics(at)["报告数"] == "5"
    at = run_app({"tab": "问题清单"})
    table = at.dataframe[0].value
    unreadable = table[table["严重程度"] == "无法读取"]
    assert sorted(unreadable["文件"]) == ["broken.txt", "junk.txt"]
    reasons = dict(zip(unreadable["文件"], unreadable["内容"], strict=True))
    assert "文件为空" in reasons["broken.txt"] and "二进制" in reasons["junk.txt"]


@pytest.mark.parametrize(("hostile", "escaped"), [
    ("<script>alert(1)</script>", "\\<script\\>"),
    ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert\\(1\\)\\>"),
    ("[点我](javascript:alert(1))", "\\[点我\\]\\(javascript\\:alert\\(1\\)\\)"),
])
def test_report_text_is_escaped(tmp_path, monkeypatch, hostile, escaped):
    src = (DATA / "002_31cc29bab18448a3.txt").read_text(encoding="utf-8")
    (tmp_path / "x.txt").write_text(src.replace("2009年，我局没有受理", f"{hostile}2009年，我局没有受理"),
                                    encoding="utf-8")
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    at = run_app({"doc": "x.txt", "tab": "文档"})
    assert not at.exception
    body = [m.value for m in at.markdown if "没有受理" in m.value][0]
    assert hostile not in body  # escaped, so the raw markup never reaches the page
    assert escaped in body


def test_quality_view_counts_the_seed_checks():
    at = run_app({"tab": "质量检查"})
    # seed 004 carries 6 numbers per 表三 row for 7 columns: its 总计 column is blank, so every table rule that
    # needs it cannot be judged (15 PASS, 28 NOT_ASSESSABLE among its table checks) and none fails. The
    # checklist adds: 2 警告 (000 and 002 state no 统计期限) and 5 提示 (a problem theme without a measure).
    assert metrics(at) == {"通过": "36", "不符": "0", "警告": "2", "提示": "5", "无法判断": "37"}
    table = next(d.value for d in at.dataframe if "原文" in d.value.columns)
    tables = table[table["规则"].str.startswith(("表三", "表四", "正文与表格"))]
    assert set(tables["报告"]) == {"江北水城旅游度假区安监 2023"}
    assert set(table[table["规则"] == "写明统计期限"]["结果"]) == {"√ 通过", "! 警告"}
    link = table[table["规则"] == "表四合计（行政复议）"]["原文"].iloc[0]
    assert "tab=%E6%96%87%E6%A1%A3" in link and "doc=004_b34427a2f19d7753.txt" in link and "ev=" in link


def test_applications_view_draws_table_four_results():
    at = run_app({"tab": "依申请与复议诉讼"})
    fig = chart(at, "appeals_results")
    assert len(fig["data"]) == 12  # 3 blocks × 4 results
    assert all(values(trace["y"]) == [0] for trace in fig["data"])
    assert values(fig["data"][0]["x"]) == ["江北水城旅游度假区安监 2023"]


def test_document_view_highlights_the_evidence_of_a_check():
    at = run_app({"tab": "文档", "doc": "004_b34427a2f19d7753.txt", "ev": "2000-2100"})
    assert any(i.value.startswith("质量检查所指的原文") for i in at.info)


def _copy_seeds(tmp_path):
    for p in DATA.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)


def test_uploaded_report_joins_the_session_and_can_be_saved(tmp_path, monkeypatch):
    _copy_seeds(tmp_path)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    src = (DATA / "003_dd0aca17394d444a.txt").read_text(encoding="utf-8")
    report = src.replace("罗庄区", "兰山区").replace("共57条", "共66条").encode("gb18030")
    at = run_app()
    at.sidebar.file_uploader(key="uploader").set_value(("../兰山区.txt", report, "text/plain")).run()
    assert not at.exception
    assert metrics(at)["报告数"] == "6"
    points = bar_points(chart(at, "overview_bar"))
    assert points[("兰山区安监", "2018")] == 66
    assert not (tmp_path / "兰山区.txt").exists()  # not on disk until saved
    at.sidebar.button(key="save_uploads").click().run()
    assert (tmp_path / "兰山区.txt").read_bytes() == report
    assert not (tmp_path.parent / "兰山区.txt").exists()
    at.run()  # the next rerun reads it from the folder, no longer from the upload
    assert metrics(at)["报告数"] == "6"
    assert set(at.session_state["uploaded_reports"]) == set()


def test_oversized_upload_is_refused_with_the_limit(tmp_path, monkeypatch):
    _copy_seeds(tmp_path)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.setenv("REPORT_MAX_MB", "0.05")  # 51.2 KB: the seeds fit, the upload does not
    at = run_app()
    at.sidebar.file_uploader(key="uploader").set_value(("big.txt", b"x" * 100_000, "text/plain")).run()
    assert any("big\\.txt" in e.value and "超过上限 51.2 KB" in e.value for e in at.error)
    assert metrics(at)["报告数"] == "5"


def test_a_file_added_to_the_folder_is_picked_up_on_reload(tmp_path, monkeypatch):
    _copy_seeds(tmp_path)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    assert metrics(run_app())["报告数"] == "5"
    src = (DATA / "003_dd0aca17394d444a.txt").read_text(encoding="utf-8")
    (tmp_path / "new.txt").write_text(src.replace("罗庄区", "兰山区"), encoding="utf-8")
    changed = tmp_path / "002_31cc29bab18448a3.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("共主动公开政府信息123条", "共主动公开政府信息124条"),
                       encoding="utf-8")
    at = run_app()  # a browser reload is a new session
    assert metrics(at)["报告数"] == "6"
    assert bar_points(chart(at, "overview_bar"))[("张店区安监", "2009")] == 124


def test_a_conflicting_pair_is_drawn_side_by_side_never_summed(tmp_path, monkeypatch):
    _copy_seeds(tmp_path)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    src = (DATA / "003_dd0aca17394d444a.txt").read_text(encoding="utf-8")
    (tmp_path / "罗庄区另一份.txt").write_text(src.replace("共57条", "共66条"), encoding="utf-8")
    at = run_app({"city": "临沂市"})
    fig = chart(at, "overview_bar")
    bars = {t["name"]: (values(t["y"]), t["text"]) for t in fig["data"] if values(t["y"]) != [None]}
    assert bars == {"罗庄区安监 · 003_dd0aca17394d444a.txt": ([57], ["57<br>冲突"]),
                    "罗庄区安监 · 罗庄区另一份.txt": ([66], ["66<br>冲突"])}
    assert any(t["name"].startswith("叉纹：同一机构同一年份有两份不同文件") for t in fig["data"])
    trend = chart(at, "overview_trend")
    assert [(t["name"], t["mode"]) for t in trend["data"]] == [("罗庄区安监（冲突，不连线）", "markers+text")]
    assert sorted(values(trend["data"][0]["y"])) == [57, 66]
    assert metrics(at)["每份报告中位数"] == "—"  # neither conflicting figure is a plain one


def test_issue_list_holds_every_warning_of_the_corpus_worst_first():
    from parsing import parse_file

    at = run_app({"tab": "问题清单"})
    assert not at.exception
    assert at.query_params["tab"] in ("问题清单", ["问题清单"])  # the tab's name, never its badge
    assert at.tabs[7].label == "问题清单 :red-badge[3]"
    at.multiselect(key="issue_severity").set_value(["不符", "冲突", "无法读取", "警告", "提示"]).run()
    table = at.dataframe[0].value
    records = [parse_file(p).record for p in sorted(DATA.glob("*.txt"))]
    expected = sorted([(r.file, w) for r in records for w in r.warnings]
                      + [(r.file, f"{c['rule']}：{c['detail']}") for r in records for c in r.checks
                         if c["status"] == "FAIL"])
    assert sorted(zip(table["文件"], table["内容"], strict=True)) == expected
    warned = table[table["严重程度"] == "警告"]
    assert list(table["严重程度"])[:3] == ["警告"] * 3  # worst first
    assert sorted(warned["内容"].str[:10]) == ["写明统计期限：报告没", "写明统计期限：报告没", "分类数量合计138条"]
    assert all(link.startswith("?") and "tab=%E6%96%87%E6%A1%A3" in link for link in table["原文"])


def test_reset_button_clears_every_filter_and_the_url():
    at = run_app({"city": "淄博市", "district": "张店区"})
    assert metrics(at)["报告数"] == "2"
    at.sidebar.button(key="reset_filters").click().run()
    assert not at.exception
    assert metrics(at)["报告数"] == "5"
    assert "city" not in at.query_params and "district" not in at.query_params
    assert at.sidebar.selectbox(key="f_city").value == "全部"


def test_presentation_mode_lives_in_the_url_and_enlarges_chart_text():
    at = run_app({"present": "1"})
    assert not at.exception
    assert at.sidebar.toggle(key="present").value is True
    fig = chart(at, "overview_bar")
    assert fig["layout"]["font"]["size"] == 22 and fig["layout"]["font"]["color"] == "#111418"
    assert fig["layout"]["legend"]["orientation"] == "h"  # legend below the chart
    at.sidebar.toggle(key="present").set_value(False).run()
    assert "present" not in at.query_params
    assert chart(at, "overview_bar")["layout"]["font"]["size"] == 18


def test_one_sessions_upload_never_changes_what_another_session_sees(tmp_path, monkeypatch):
    """Session A uploads a second 罗庄区 2018 report (a conflict); session B, on the same server, uploads
    nothing and must see exactly the bundled corpus: no 冲突 warning, the same checks."""
    _copy_seeds(tmp_path)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    b_before = run_app({"tab": "问题清单"})
    before = b_before.dataframe[0].value.copy()
    a = run_app({"tab": "问题清单"})
    src = (DATA / "003_dd0aca17394d444a.txt").read_text(encoding="utf-8")
    a.sidebar.file_uploader(key="uploader").set_value(("另一份.txt", src.replace("共57条", "共66条").encode(),
                                                       "text/plain")).run()
    assert not a.exception
    assert "冲突" in set(a.dataframe[0].value["严重程度"])  # A sees its own conflict
    b = run_app({"tab": "问题清单"})  # B: a new session on the same server (shared caches)
    after = b.dataframe[0].value
    assert "冲突" not in set(after["严重程度"])
    assert after.equals(before)


def test_another_sessions_upload_adds_no_cross_year_checks_to_mine(tmp_path, monkeypatch):
    """Session A uploads last year's report of the bundled 2023 template report's agency: A gets cross-year
    checks; B, uploading nothing, keeps exactly the bundled corpus's 15 / 0 / 28."""
    _copy_seeds(tmp_path)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    src = (DATA / "004_b34427a2f19d7753.txt").read_text(encoding="utf-8")
    last_year = src.replace("2023", "2022").encode()
    a = run_app()  # on 总览: the shared records' checks are not read yet
    a.sidebar.file_uploader(key="uploader").set_value(("2022年报.txt", last_year, "text/plain")).run()
    assert not a.exception
    b = run_app({"tab": "质量检查"})
    assert metrics(b) == {"通过": "36", "不符": "0", "警告": "2", "提示": "5", "无法判断": "37"}
    assert not any(r.startswith("跨年衔接") for r in b.dataframe[-1].value["规则"])


def test_the_shared_folder_records_stay_untouched_by_a_sessions_upload(tmp_path, monkeypatch):
    """What st.cache_resource holds for every session is never changed in place by one session's upload."""
    import hashlib

    from components.loader import _load_folder, default_cache_dir, fingerprint
    from parsing.corpus.fingerprint import parser_fingerprint

    _copy_seeds(tmp_path)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    src = (DATA / "003_dd0aca17394d444a.txt").read_text(encoding="utf-8")
    template = (DATA / "004_b34427a2f19d7753.txt").read_text(encoding="utf-8")
    a = run_app({"tab": "质量检查"})
    a.sidebar.file_uploader(key="uploader").set_value([
        ("另一份.txt", src.replace("共57条", "共66条").encode(), "text/plain"),   # a conflict with 003
        ("2022年报.txt", template.replace("2023", "2022").encode(), "text/plain"),  # last year of 004
    ]).run()
    assert not a.exception
    key = hashlib.sha256(repr((fingerprint(tmp_path), parser_fingerprint())).encode()).hexdigest()
    shared, frame = _load_folder(str(tmp_path), key, str(default_cache_dir()))
    for parsed in shared.reports:
        assert not any(w.startswith("冲突") for w in parsed.record.warnings), parsed.record.file
        assert not any(c["rule"].startswith("跨年衔接") for c in parsed.record.checks), parsed.record.file
    for checks in frame["checks"]:
        assert not any(c["rule"].startswith("跨年衔接") for c in checks)


def test_a_non_report_upload_is_refused_on_save_and_a_saved_file_can_be_removed(tmp_path, monkeypatch):
    _copy_seeds(tmp_path)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    at = run_app()
    at.sidebar.file_uploader(key="uploader").set_value(("junk.txt", bytes(range(256)) * 8, "text/plain")).run()
    assert any("junk\\.txt" in e.value and "不能保存：无法读取" in e.value for e in at.sidebar.error)
    assert at.sidebar.button(key="save_uploads").disabled  # the button says why: nothing it could save
    assert not (tmp_path / "junk.txt").exists()

    at = run_app()
    at.sidebar.selectbox(key="remove_name").select("002_31cc29bab18448a3.txt").run()
    assert at.sidebar.button(key="remove_report").disabled  # not before the confirmation
    at.sidebar.checkbox(key="remove_confirm").check().run()
    at.sidebar.button(key="remove_report").click().run()
    assert not at.exception
    assert not (tmp_path / "002_31cc29bab18448a3.txt").exists()
    assert (tmp_path / ".trash" / "002_31cc29bab18448a3.txt").read_bytes() == \
        (DATA / "002_31cc29bab18448a3.txt").read_bytes()
    assert metrics(run_app())["报告数"] == "4"


def test_agency_page_shows_zhangdian_restating_its_2009_problem_in_2018():
    at = run_app({"tab": "机构档案", "page": "淄博市张店区安全生产监督管理局"})
    assert not at.exception
    history, repeated, problems = (d.value for d in at.dataframe[:3])
    assert list(history["年份"]) == ["2009年", "2018年"]
    assert list(history["主动公开"]) == ["123", "280（累计）"]
    assert history["不再提到"].iloc[1] == "广播电视、报刊、服务窗口"
    assert repeated.iloc[0].to_dict() == {"年份": "2018年", "对比年份": "2009年", "问题部分重复": "67%",
                                          "措施部分重复": "11%"}
    assert list(problems["2018年"]) == ["但政府机构主动公开政府信息的内容与公众对安全生产的需求还存在一些差距",
                                        "公开的及时性、便民性还需要进一步提高"]
    assert list(problems["2009年"])[1] == "在政府信息公开的及时性、便民性上还需要进一步提高"
    assert at.query_params["page"] in ("淄博市张店区安全生产监督管理局", ["淄博市张店区安全生产监督管理局"])


def test_theme_view_shows_timeliness_in_both_zhangdian_years():
    at = run_app({"tab": "问题主题", "theme": "及时性不够", "city": "淄博市"})
    assert not at.exception
    heat = chart(at, "theme_heat")
    # each cell's text is in the layer that draws it: the years of fewer than 5 reports are the faded layer
    texts = [["".join(cells) for cells in zip(*rows, strict=True)]
             for rows in zip(*(layer["text"] for layer in heat["data"]), strict=True)]
    rows = dict(zip(heat["data"][0]["y"], texts, strict=True))
    assert rows["及时性不够"] == ["1/1", "1/1"] and rows["便民性不足"] == ["1/1", "1/1"]  # 2009 and 2018
    sentences = at.dataframe[0].value
    assert set(sentences["年份"]) == {"2009年", "2018年"}
    assert all("及时性" in s for s in sentences["句子"])


def test_free_search_finds_any_phrase_and_puts_it_in_the_url():
    at = run_app({"tab": "关键词", "kw": "反复出现的词与上下文"})
    at.text_input(key="kw_free").input("依申请").run()
    assert not at.exception
    assert any(s.value == "关键词上下文：依申请（全文）" for s in at.subheader)
    assert at.query_params["q"] in ("依申请", ["依申请"])
    assert "scope" not in at.query_params  # 全文, the default
    at.get("button_group")[1].set_value("改进措施").run()
    assert any(s.value == "关键词上下文：依申请（改进措施）" for s in at.subheader)
    assert at.query_params["scope"] in ("改进措施", ["改进措施"])
    at.get("button_group")[1].set_value("全文").run()
    aligned = at.dataframe[-1].value
    assert set(aligned["词"]) == {"依申请"} and len(aligned) >= 1
    assert all(len(left) == 20 for left in aligned["左文"])  # fixed width, padded


def test_a_review_and_a_switched_off_rule_survive_a_restart(tmp_path, monkeypatch):
    _copy_seeds(tmp_path)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    at = run_app({"tab": "问题清单"})
    assert at.tabs[7].label == "问题清单 :red-badge[3]"
    labels = at.selectbox(key="review_pick").options
    first = next(i for i, label in enumerate(labels) if "分类数量合计138条" in label)
    at.selectbox(key="review_pick").set_value(first).run()
    at.text_input(key="review_reason").input("已与原文核对：其余为未分类信息").run()
    at.button(key="review_save").click().run()
    assert not at.exception
    at.multiselect(key="rules_off").set_value(["PERIOD-STATED"])
    at.button(key="rules_off_save").click().run()
    assert (tmp_path / ".reviews.json").exists()

    again = run_app({"tab": "问题清单"})  # a restart: a new session reads the file beside the data
    assert again.tabs[7].label == "问题清单 :red-badge[0]"
    again.multiselect(key="issue_severity").set_value(["不符", "冲突", "无法读取", "警告", "提示"]).run()
    table = again.dataframe[0].value
    marked = table[table["内容"].str.startswith("分类数量合计138条")]
    assert list(marked["核对"]) == ["已核对：已与原文核对：其余为未分类信息"]  # still listed, marked
    assert not table["内容"].str.startswith("写明统计期限").any()  # the switched-off rule's findings are gone


def test_the_meeting_brief_is_built_on_request_for_the_current_filters():
    at = run_app({"tab": "数据", "city": "聊城市"})
    assert not at.exception
    assert not [b for b in at.get("download_button") if "会议简报" in b.proto.label]  # nothing built yet
    at.button(key="brief_make").click().run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert "下载会议简报（Word）" in labels and "下载会议简报（PDF）" in labels


def test_requests_view_sums_by_year_and_says_all_zero():
    at = run_app({"tab": "依申请与复议诉讼"})
    assert not at.exception
    summary = at.dataframe[0].value
    assert list(summary["年份"]) == ["2009年", "2018年", "2023年"]
    assert list(summary["收到申请"]) == [0, 0, 0] and list(summary["报告数"]) == [1, 3, 1]
    assert any("全部为 0" in i.value for i in at.info)


def test_channel_shares_by_year():
    at = run_app({"tab": "公开渠道"})
    trend = chart(at, "channels_trend")
    # every bundled year has fewer than 5 reports (1, 3, 1): no line is drawn, the shares are faded points
    lines = {t["name"]: values(t["y"]) for t in trend["data"] if t["mode"] == "lines+markers"}
    assert lines["政府网站"] == [None, None, None]
    faint = {t["name"]: dict(zip(values(t["x"]), values(t["y"]), strict=True)) for t in trend["data"]
             if t["mode"] == "markers"}
    assert faint["政府网站（少于 5 份报告）"] == {"2009年": 100.0, "2018年": 100.0, "2023年": 100.0}
    assert faint["政务微博（少于 5 份报告）"]["2018年"] == round(100 / 3, 1)  # 聊城市 2018 of the three 2018 reports
    assert all(t.get("opacity") == 0.35 for t in trend["data"] if t["mode"] == "markers")
    assert trend["layout"]["xaxis"]["ticktext"] == ["2009<br>n=1", "2018<br>n=3", "2023<br>n=1"]
    web = [t for t in trend["data"] if t["legendgroup"] == "政府网站"]
    assert len({t["marker"]["color"] for t in web}) == 1  # the line and its faded points in one colour
    hover = next(t for t in trend["data"] if t["name"] == "政府网站（少于 5 份报告）")["customdata"]
    assert values(hover)[1] == "3 份报告（少于 5 份，仅供参考，不连线）"


def test_the_first_tab_leaves_no_tab_in_the_url():
    at = run_app({"tab": "公开渠道"})
    at.session_state["tab"] = "总览"  # as a click on the first tab sets it
    at.run()
    assert "tab" not in at.query_params
    assert metrics(at)["报告数"] == "5"


def test_one_report_left_shows_its_single_year():
    at = run_app({"city": "临沂市"})  # 罗庄区 2018 only
    assert metrics(at)["报告数"] == "1"
    assert metrics(at)["覆盖年份"] == "2018"  # not 2018–2018
    assert not at.sidebar.slider


def test_an_empty_folder_names_every_supported_format(tmp_path, monkeypatch):
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    at = run_app()
    assert not at.exception
    message = at.info[0].value.replace("\\", "")
    assert "没有可读取的报告" in message and "（txt、md、html、htm、docx、pdf 文件）" in message


def test_the_uploaders_english_is_replaced_by_chinese():
    at = run_app()
    styles = "\n".join(e.proto.body for e in at.get("html"))
    assert 'content: "选择文件"' in styles
    assert 'content: "单个文件不超过 20 MB；支持 txt、md、html、htm、docx、pdf"' in styles
    help_text = at.sidebar.file_uploader(key="uploader").help
    assert help_text == "支持 txt、md、html、htm、docx、pdf；单个文件不超过 20 MB。"


def test_quality_and_issue_list_counts_agree_or_say_what_the_other_adds():
    """质量检查 says 警告 2, 问题清单 警告 3: each page says in one line where the difference comes from, and the
    numbers add up (the checks' findings + the parser's and the folder's = the list)."""
    quality = run_app({"tab": "质量检查"})
    issues = run_app({"tab": "问题清单"})
    q, i = metrics(quality), metrics(issues)
    assert (q["警告"], i["警告"]) == ("2", "3") and (q["提示"], i["提示"]) == ("5", "11")
    assert ("本页的不符、警告、提示在“问题清单”中计数相同；问题清单另列出解析提示和文件夹提示（警告 1、提示 6），"
            "所以那里的计数更多。") in [c.value for c in quality.caption]
    line = next(c.value for c in issues.caption if c.value.startswith("来自质量检查"))
    assert line == ("来自质量检查的不符、警告、提示（警告 2、提示 5）与“质量检查”页的计数相同；此外本页还列出解析提示"
                    "（警告 1、提示 6，如分类合计与总数不一致、累计数、约数）。")
    assert int(i["警告"]) == int(q["警告"]) + 1 and int(i["提示"]) == int(q["提示"]) + 6  # the numbers add up
