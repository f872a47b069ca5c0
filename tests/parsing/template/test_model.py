"""parsing/template/model.py: the template as data (parsing/data/template.toml) and its identities."""

import pytest

from parsing.template.model import (
    TABLE3_COLUMNS,
    TABLE3_COLUMNS_LOCAL,
    TABLE3_ROWS_2019,
    TABLE3_ROWS_2021,
    table2_column_key,
    table3_columns_ok,
    table3_row_ok,
    table4_block_ok,
)


def test_editions_differ_only_in_the_sixth_group():
    assert len(TABLE3_ROWS_2021) == 25 and len(TABLE3_ROWS_2019) == 23
    assert [k for k, _p in TABLE3_ROWS_2021 if k.startswith("（六）")] == ["（六）1", "（六）2", "（六）3"]
    assert [k for k, _p in TABLE3_ROWS_2019 if k.startswith("（六）")] == ["（六）其他处理"]


@pytest.mark.parametrize("printed, key", [
    ("本年制发件数", "本年制发"), ("本年收费金额（单位：万元）", "金额（万元）"), ("上一年年目数量", "上一年项目数量"),
    ("2019年项目数量", "项目数量"), ("本年增/减", "本年增减"), ("处理决定数量", "处理决定数量"),
    ("本年处理决定数量", "本年处理决定数量"), ("采购总金额", "采购总金额"), ("信息内容", None),
])
def test_table2_header_names(printed, key):
    assert table2_column_key(printed) == key


@pytest.mark.parametrize("row, ok", [([1, 2, 0, 0, 0, 0, 3], True), ([1, 2, 0, 0, 0, 0, 4], False),
                                     ([None, 2, None, None, None, None, 2], True)])
def test_table3_row_identity(row, ok):
    assert table3_row_ok(row, TABLE3_COLUMNS) is ok


def test_local_variant_adds_the_legal_subtotal():
    assert table3_row_ok([1, 2, 1, 0, 0, 0, 3, 4], TABLE3_COLUMNS_LOCAL)
    assert not table3_row_ok([1, 2, 1, 0, 0, 0, 2, 3], TABLE3_COLUMNS_LOCAL)


def test_table4_block_and_table3_columns():
    assert table4_block_ok([1, 0, 0, 2, 3]) and not table4_block_ok([1, 0, 0, 2, 4])
    rows = {k: [0] * 7 for k, _p in TABLE3_ROWS_2021}
    rows["一、本年新收"] = [3, 0, 0, 0, 0, 0, 3]
    rows["（一）予以公开"] = [2, 0, 0, 0, 0, 0, 2]
    rows["（七）总计"] = [2, 0, 0, 0, 0, 0, 2]
    rows["四、结转下年度"] = [1, 0, 0, 0, 0, 0, 1]
    assert table3_columns_ok(rows, "2021", 7)
    rows["四、结转下年度"] = [0] * 7
    assert not table3_columns_ok(rows, "2021", 7)
