"""Time the dashboard script server-side with AppTest: first load and a rerun after a filter change.

    python bench/app_bench.py [--repeat N]

First load = a fresh AppTest with Streamlit's caches cleared and an empty parse cache on disk
(parsing included; imports excluded by one warm-up run). Rerun = selecting 城市 = 聊城市 on a loaded app (cache warm). Medians printed.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

APP = str(ROOT / "app.py")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    AppTest.from_file(APP, default_timeout=120).run()  # warm-up: imports, jieba dictionary

    for tab in ("总览", "关键词"):
        measure(tab, args.repeat)


def measure(tab: str, repeat: int) -> None:
    first, rerun, rerun_back = [], [], []
    for _ in range(repeat):
        st.cache_data.clear()
        st.cache_resource.clear()
        os.environ["REPORT_CACHE_DIR"] = tempfile.mkdtemp(prefix="app-bench-cache-")  # an empty parse cache
        at = AppTest.from_file(APP, default_timeout=120)
        at.query_params["tab"] = tab
        t0 = time.perf_counter()
        at.run()
        first.append(time.perf_counter() - t0)
        assert not at.exception, at.exception
        box = at.sidebar.selectbox(key="f_city").select("聊城市")
        t0 = time.perf_counter()
        box.run()
        rerun.append(time.perf_counter() - t0)
        box = at.sidebar.selectbox(key="f_city").select("全部")
        t0 = time.perf_counter()
        box.run()
        rerun_back.append(time.perf_counter() - t0)
    med = statistics.median
    print(f"open tab: {tab}; repeats: {repeat} (median of each)")
    print(f"first load (cache cleared, parse included): {med(first) * 1000:.0f} ms")
    print(f"rerun after filter change (城市=聊城市):      {med(rerun) * 1000:.0f} ms")
    print(f"rerun after filter change (城市=全部):        {med(rerun_back) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
