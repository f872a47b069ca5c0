import io

import pandas as pd
import pytest
from conftest import DATA

from components.frame import to_frame
from components.views.data_table import neutralise, tidy, to_csv, to_excel
from parsing.corpus.build import load_corpus


@pytest.mark.parametrize(("cell", "expected"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1+1", "'+1+1"), ("-2", "'-2"),
    ("@SUM(A1)", "'@SUM(A1)"), ("张店区", "张店区"), (280, 280), (None, None),
])
def test_formula_cells_are_neutralised(cell, expected):
    assert neutralise(cell) == expected


def test_exports_round_trip_the_filtered_table():
    table = tidy(to_frame(load_corpus([DATA], use_cache=False, workers=1)).assign(source="数据文件夹"))
    csv_back = pd.read_csv(io.BytesIO(to_csv(table)), encoding="utf-8-sig")
    xlsx_back = pd.read_excel(io.BytesIO(to_excel(table)))
    for back in (csv_back, xlsx_back):
        assert list(back["主动公开条数"]) == [57, 123, 280, 1000, 47]
        assert back.loc[0, "机构"] == "临沂市罗庄区安全生产监督管理局"


def test_the_on_screen_grid_keeps_figures_as_numbers_and_blanks_missing_ones():
    """The export writes a missing figure as an empty cell; the grid turns the figures back into numbers, so a
    column sorts 9 < 10 and Streamlit's Arrow conversion does not repair a mixed column on every rerun."""
    import pyarrow as pa

    from components.frame import to_frame
    from components.style import number_table
    from components.views.data_table import LONG_TEXT, labelled
    from parsing.corpus import load_corpus

    frame = to_frame(load_corpus([DATA], use_cache=False, workers=1)).assign(source="数据文件夹")
    grid = number_table(labelled(frame).drop(columns=list(LONG_TEXT)))
    assert str(grid["主动公开条数"].dtype) == "Int64"
    assert sorted(grid["主动公开条数"].tolist()) == [47, 57, 123, 280, 1000]
    assert grid["上年结转申请数"].isna().all()  # 004 fills 表三 but its 总计 column is blank: missing, not 0
    pa.Table.from_pandas(grid)  # one type per column: converts without repair


def test_tidy_neutralises_formulas_in_any_text_column_and_leaves_numbers_alone():
    """Column-wise neutralising gives what a per-cell pass gives: every text that starts like a formula gets a
    leading ', wherever it is; figures stay figures."""
    from components.views.data_table import labelled

    frame = to_frame(load_corpus([DATA], use_cache=False, workers=1)).assign(source="数据文件夹")
    frame.loc[0, "agency"] = "=HYPERLINK(\"http://example.invalid\")"
    frame.loc[1, "problems"] = "+1 存在的问题"
    frame.loc[2, "file"] = "@evil.txt"
    table = tidy(frame)
    assert table.loc[0, "机构"] == "'=HYPERLINK(\"http://example.invalid\")"
    assert table.loc[1, "存在的问题"] == "'+1 存在的问题"
    assert table.loc[2, "文件"] == "'@evil.txt"
    assert list(table["主动公开条数"]) == [57, 123, 280, 1000, 47]
    per_cell = labelled(frame).astype(object)
    per_cell = per_cell.where(per_cell.notna(), "").map(neutralise)
    assert to_csv(table) == to_csv(per_cell)  # the same file, cell for cell


def test_a_long_view_draws_its_first_rows_and_builds_its_files_when_asked(bundled_frame, bundled_corpus,
                                                                         monkeypatch):
    from streamlit.testing.v1 import AppTest

    from components.views import data_table

    monkeypatch.setattr(data_table, "GRID_ROWS", 2)
    monkeypatch.setattr(data_table, "CSV_AT_ONCE", 3)
    monkeypatch.setattr(data_table, "EXCEL_AT_ONCE", 3)

    def app(frame, corpus):
        from components.views import data_table

        data_table.render(frame, corpus)

    at = AppTest.from_function(app, args=(bundled_frame.assign(source="数据文件夹"), bundled_corpus),
                               default_timeout=60).run()
    assert len(at.dataframe[0].value) == 2 and list(at.dataframe[0].value["主动公开条数"]) == [57, 123]
    assert any("前 2 份报告（共 5 份）" in c.value for c in at.caption)
    assert [b.proto.label for b in at.get("download_button")] == []  # nothing built on open
    at.button(key="csv_make").click().run()
    assert [b.proto.label for b in at.get("download_button")] == ["下载 CSV"]
    at.button(key="excel_make").click().run()
    assert [b.proto.label for b in at.get("download_button")] == ["下载 CSV", "下载 Excel"]  # the CSV stays
    back = pd.read_csv(io.BytesIO(data_table._csv_bytes.__wrapped__("k", bundled_frame.assign(source="数据文件夹"))),
                       encoding="utf-8-sig")
    assert list(back["主动公开条数"]) == [57, 123, 280, 1000, 47]  # every report of the view, not the grid's two


def test_the_cells_csv_carries_how_each_template_cell_was_known():
    import template_forms as tf

    from components.views.data_table import template_cells
    from parsing import parse_text

    t3, t4 = tf.grid(3, "2021")
    record = parse_text(tf.render(t3, t4, "crawler", "2021"), file="a.txt").record
    cells = template_cells(pd.DataFrame([{"file": "a.txt", "agency": record.agency, "year": record.year,
                                          "tables": record.tables}]))
    t3_cells = cells[cells["表"] == "表三"]
    assert len(t3_cells) == 25 * 7 and len(cells[cells["表"] == "表四"]) == 15
    derived = t3_cells[t3_cells["来源"].str.startswith("推定")]
    read = t3_cells[t3_cells["来源"] == "原文印出"]
    assert len(derived) + len(read) == 175  # every 表三 cell of this grid is known
    first = derived.iloc[0]
    assert first["值"] == t3[first["行"]][tf.COLS.index(first["列"])] and "按合计关系" in first["说明"]
    assert (read["说明"] == "").all()
