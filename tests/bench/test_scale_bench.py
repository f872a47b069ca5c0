"""bench/scale_bench.py --markdown: the figures of one run, with its command, go into the performance page."""

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import scale_bench  # noqa: E402

RUN = {"n": 2000, "reports": 1990, "errors": 10, "read": 0.04, "regex": 0.01, "cold": 9.87, "warm": 0.123,
       "incremental": 0.456, "first_run": 2.5, "rerun": 0.0874, "peak": 512.4, "warm_peak": 300.2,
       "tabs": {"公开渠道": 0.25, "问题清单": 0.1}, "profile": [("表格与检查 template/*", 0.31), ("合计（单进程）", 1.2)]}


def test_the_section_holds_the_command_and_each_figure_of_the_run():
    text = scale_bench.markdown_section([RUN], "python bench/scale_bench.py --sizes 2000 --repeat 1", 1,
                                        "- 日期 · date: 2025-03-01")
    lines = text.splitlines()
    assert lines[:2] == ["- 日期 · date: 2025-03-01",
                         "- 命令 · command: `python bench/scale_bench.py --sizes 2000 --repeat 1` (corpus sizes "
                         "2,000; one run of each load)"]
    assert "### N = 2,000" in lines
    assert "1,990 reports read, 10 unreadable (the generator writes some damaged files on purpose)." in lines
    for row in ("| 冷启动 · cold load (empty cache) | 9.87 s |", "| 热启动 · warm load (full cache) | 0.12 s |",
                "| 增量 · incremental load (one file added) | 0.46 s |",
                "| 筛选后重算 · app rerun after a filter change (server-side) | 87 ms |",
                "| 峰值内存 · peak memory, any load | 512 MB |", "| cold load ÷ floor | 197× |",
                "| 公开渠道 | 250 ms |", "| 问题清单 | 100 ms |", "| 表格与检查 template/* | 0.31 |"):
        assert row in lines, row


def test_repeated_runs_say_they_are_medians_and_each_size_has_its_table():
    text = scale_bench.markdown_section([RUN, {**RUN, "n": 10000}], "cmd", 3, "facts")
    assert "(corpus sizes 2,000, 10,000; medians of 3 runs)" in text
    assert text.count("| measure | figure |") == 2 and "### N = 10,000" in text
