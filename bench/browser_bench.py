"""Time every tab of the dashboard in a real Chromium on N generated reports, and count chart marks.

    python bench/browser_bench.py [--reports 2000 10000] [--repeat 3] [--workdir DIR] [--port 8765]
                                  [--clicks-only] [--markdown docs/性能.md]

For each size: generates the corpus into WORKDIR/N/corpus (unless it already holds N reports; never the project's
data/), starts `streamlit run app.py` on 127.0.0.1:PORT with DATA_DIR=WORKDIR/corpus and an emptied
REPORT_CACHE_DIR=WORKDIR/cache (--keep-cache keeps it), and loads the page once (the cold first load:
every report is parsed; its time is printed). Then, --repeat times, for each tab in a fresh browser
page (fresh Streamlit session, warm server caches): open the app on another tab, click the tab and
time from the click (a pointerdown listener in the page) to the rerun being finished and the tab's
content drawn (polled every animation frame: the browser tests' wait_idle conditions, the tab panel
shows content, every Plotly chart in it has its SVG). The first repeat is the first time the tab runs
on this server; the median is over all repeats. 文档 is the tab the warm-up load opens, so its "first
open" is already warm (the page opens on 文档 for 总览, on 总览 for the others; one more row clicks 总览
from 公开渠道, where Plotly's JavaScript is already loaded). All pages share one browser context, so the
JS bundles come from the HTTP cache, as for a returning visitor.

One session: in one page opened on 总览, a tab change (总览 → 公开渠道 → 总览) and a filter change (省份 = the
first province, then 全部) are clicked repeat + 1 times each, timed the same way: the first round apart, the
median over the others (--clicks-only measures only these). --markdown PATH writes them, with the date, the
commit, the machine and its load average, into PATH between <!-- browser_bench:start --> and its end marker.

Marks: every Plotly chart in the open tab is read in the page (`.js-plotly-plot` elements' `.data`):
points per trace = the longest of x/y/z (heatmaps: rows × cols cells; pies: values/labels). A chart
whose biggest trace reaches the number of reports shown, or whose biggest trace or total over traces
reaches 500 marks, is flagged "one mark per report?". Also timed: a filter rerun (总览, sidebar 省份 = the first option after
全部). Screenshots of every tab go to WORKDIR/shots/. The server is stopped at the end, also on errors.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from docs_page import run_facts, write_section
from playwright.sync_api import BrowserContext, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 1600, "height": 1000}
TABS = ["总览", "公开渠道", "关键词", "问题主题", "机构档案", "依申请与复议诉讼", "质量检查", "问题清单",
        "文档", "数据"]
WARMUP_TAB = "文档"
# Rows measured: (label, tab clicked, tab the fresh page opens on). 总览 starts from 文档, which draws no
# chart, so its click also loads Plotly's JavaScript into the page; the last row, measured after every
# tab has run once, starts from a chart tab instead (Plotly already loaded) to show that share.
PLOTLY_LOADED = "总览 ← 公开渠道"
ROWS = [(t, t, WARMUP_TAB if t == "总览" else "总览") for t in TABS] + [(PLOTLY_LOADED, "总览", "公开渠道")]
APP = '[data-testid="stApp"]'
EXCEPTION = '[data-testid="stException"]'
MARK_LIMIT = 500
TAB_TIMEOUT_S = 90
COLD_TIMEOUT_S = 900
HEALTH_TIMEOUT_S = 120

# --------------------------------------------------------------------------- in-page JavaScript

# Installed once per page: a capture-phase pointerdown listener records when the user's click starts
# (only while armed), and a MutationObserver on stApp's script state records when a rerun starts.
INSTALL_JS = """(app) => {
  const s = window.__bb = {armed: false, click: null, running: null, done: null, states: []};
  s.arm = () => { s.armed = true; s.click = null; s.running = null; s.finished = null; s.done = null; };
  document.addEventListener('pointerdown', () => {
    if (s.armed && s.click === null) s.click = performance.now();
  }, true);
  const el = document.querySelector(app);
  new MutationObserver(() => {
    const state = el.getAttribute('data-test-script-state');
    const now = performance.now();
    s.states.push([now, state]);
    if (s.click !== null && s.running === null && state !== 'notRunning') s.running = now;
    if (s.running !== null && state === 'notRunning') s.finished = now;
  }).observe(el, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""

# Polled every animation frame after the click: the same conditions as the browser tests' wait_idle
# (connected, notRunning, nothing stale, status widget hidden, no skeleton), plus: the selected tab is
# the one clicked, its panel shows content, and every Plotly chart in it has drawn its SVG.
READY_JS = """(arg) => {
  const s = window.__bb;
  if (!s || s.click === null) return false;
  const now = performance.now();
  const app = document.querySelector(arg.app);
  if (!app || app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (s.running === null && now - s.click < 3000) return false;  // the rerun has not started yet
  if (document.querySelector('[data-stale="true"]')) return false;
  const status = document.querySelector('[data-testid="stStatusWidget"]');
  if (status && status.checkVisibility()) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const selected = document.querySelector('[role="tab"][aria-selected="true"]');
  if (!selected || !selected.innerText.trim().startsWith(arg.tab)) return false;
  const panels = [...document.querySelectorAll('[role="tabpanel"]')].filter(p => p.checkVisibility());
  if (panels.length !== 1) return false;
  const shown = [...panels[0].querySelectorAll('[data-testid="stElementContainer"]')]
    .filter(e => e.checkVisibility());
  if (!shown.length) return false;
  for (const c of panels[0].querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!c.querySelector('.js-plotly-plot .main-svg')) return false;
  }
  s.done = now;
  return true;
}"""

# Every Plotly chart in the visible tab panel: title, traces, biggest trace (points, type), total marks.
MARKS_JS = """() => {
  const SIZES = {i1: 1, u1: 1, u1c: 1, i2: 2, u2: 2, i4: 4, u4: 4, f4: 4, f8: 8, int8: 1, uint8: 1,
                 int16: 2, uint16: 2, int32: 4, uint32: 4, float32: 4, float64: 8};
  const shapeOf = (v) => String(v.shape).split(',').map(Number).filter(n => !isNaN(n));
  const len = (v) => {
    if (v == null || typeof v === 'string') return 0;
    if (Array.isArray(v) || ArrayBuffer.isView(v)) return v.length;
    if (typeof v === 'object' && v.bdata !== undefined) {  // plotly.py's base64 typed-array spec
      if (v.shape !== undefined) return shapeOf(v)[0] || 0;
      const b = String(v.bdata), pad = b.endsWith('==') ? 2 : b.endsWith('=') ? 1 : 0;
      return Math.floor((b.length * 3) / 4 - pad) / (SIZES[v.dtype] || 8);
    }
    return 0;
  };
  const cells = (z) => {
    if (Array.isArray(z) && z.length && (Array.isArray(z[0]) || ArrayBuffer.isView(z[0]))) {
      return z.reduce((n, row) => n + row.length, 0);
    }
    if (z && typeof z === 'object' && z.bdata !== undefined && z.shape !== undefined) {
      return shapeOf(z).reduce((a, b) => a * b, 1);
    }
    return len(z);
  };
  const GRID = new Set(['heatmap', 'heatmapgl', 'contour', 'surface', 'histogram2d', 'histogram2dcontour']);
  const PARTS = new Set(['pie', 'funnelarea', 'sunburst', 'treemap', 'icicle', 'sankey']);
  const points = (t) => {
    const type = t.type || 'scatter';
    if (GRID.has(type) && t.z != null) return cells(t.z);
    if (PARTS.has(type)) return Math.max(len(t.values), len(t.labels), len(t.ids));
    return Math.max(len(t.x), len(t.y), len(t.z), len(t.lat), len(t.lon), len(t.r), len(t.theta),
                    len(t.a), len(t.b));
  };
  const panels = [...document.querySelectorAll('[role="tabpanel"]')].filter(p => p.checkVisibility());
  const scope = panels.length === 1 ? panels[0] : document;
  return [...scope.querySelectorAll('.js-plotly-plot')].map((el) => {
    const traces = el.data || [];
    const full = el._fullData || [];
    let biggest = 0, biggestType = '', total = 0;
    traces.forEach((t, i) => {
      const n = Math.max(points(t), full[i] ? points(full[i]) : 0);
      total += n;
      if (n > biggest) { biggest = n; biggestType = t.type || 'scatter'; }
    });
    const title = el.layout && el.layout.title;
    const text = typeof title === 'string' ? title : (title && title.text) || '';
    return {title: text.replace(/<[^>]*>/g, '').trim(),
            traces: traces.length, biggest, biggestType, total};
  });
}"""

# --------------------------------------------------------------------------- waiting (as in tests/browser)


def wait_idle(page: Page, settle_ms: int = 400, run_timeout_ms: int = 90_000) -> None:
    """Wait until Streamlit is connected, the script run has finished and nothing is stale.

    Copied from tests/browser/test_browser.py (run_timeout_ms added for the cold first load).
    """
    page.wait_for_timeout(settle_ms)
    page.wait_for_selector(f'{APP}[data-test-connection-state="CONNECTED"]', state="attached", timeout=30_000)
    page.wait_for_selector(f'{APP}[data-test-script-state="notRunning"]', state="attached",
                           timeout=run_timeout_ms)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=30_000)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_be_hidden(timeout=30_000)
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=30_000)


# --------------------------------------------------------------------------- corpus and server


def ensure_corpus(n: int, corpus: Path) -> None:
    have = sorted(corpus.glob("synthetic_*.txt")) if corpus.is_dir() else []
    if len(have) == n:
        print(f"corpus: {corpus} already holds {n} reports")
        return
    for old in have:  # a corpus of another size: only the generator's own files are removed
        old.unlink()
    (corpus / "truth.jsonl").unlink(missing_ok=True)
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(n), str(corpus)], check=True)


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def start_server(port: int, corpus: Path, cache: Path, log_path: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
           "--server.headless", "true", "--server.address", "127.0.0.1",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    env = {**os.environ, "DATA_DIR": str(corpus), "REPORT_CACHE_DIR": str(cache), "PYTHONUNBUFFERED": "1",
           "PYTHONIOENCODING": "utf-8"}
    with log_path.open("w", encoding="utf-8") as log:
        return subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)


def wait_health(proc: subprocess.Popen, base: str, log_path: Path) -> float:
    started = time.perf_counter()
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode}:\n{tail(log_path)}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as resp:
                if resp.status == 200 and resp.read().decode().strip() == "ok":
                    return time.perf_counter() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.perf_counter() - started > HEALTH_TIMEOUT_S:
            raise RuntimeError(f"no /_stcore/health answer within {HEALTH_TIMEOUT_S} s:\n{tail(log_path)}")
        time.sleep(0.25)


def stop_server(proc: subprocess.Popen) -> None:
    """Terminate the server and its children (it runs in its own process group)."""
    if proc.poll() is not None:
        return
    for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no server log)"


# --------------------------------------------------------------------------- measuring


@dataclass
class Open:
    seconds: float | None  # None: did not finish within TAB_TIMEOUT_S
    run_s: float | None  # click → the script run finished (server, websocket); the rest is drawing
    load_s: float  # the fresh page's own first load (goto → idle), for context
    charts: list[dict] = field(default_factory=list)
    shown: int | None = None
    errors: list[str] = field(default_factory=list)
    note: str = ""


def new_page(context: BrowserContext) -> Page:
    """A new page is a new Streamlit session; the context's HTTP cache (the JS bundles) is shared."""
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    return page


def load(page: Page, base: str, tab: str, run_timeout_ms: int = 90_000) -> float:
    """Open the app with ?tab=tab and wait until its first run is finished; seconds taken."""
    started = time.perf_counter()
    page.goto(f"{base}/?tab={urllib.parse.quote(tab)}", wait_until="domcontentloaded")
    expect(page.locator(APP)).to_be_attached(timeout=30_000)
    wait_idle(page, run_timeout_ms=run_timeout_ms)
    expect(page.get_by_role("tab").first).to_be_visible(timeout=30_000)
    elapsed = time.perf_counter() - started
    page.evaluate(INSTALL_JS, APP)
    return elapsed


def timed(page: Page, tab: str, action) -> tuple[float | None, float | None, str]:
    """Arm the click clock, do action (a click), wait until ready.

    Returns seconds from the click to ready, seconds from the click to the script run's end, a note.
    """
    page.evaluate("() => window.__bb.arm()")
    action()
    try:
        page.wait_for_function(READY_JS, arg={"app": APP, "tab": tab}, polling="raf",
                               timeout=TAB_TIMEOUT_S * 1000)
    except PlaywrightTimeout:
        return None, None, f"not finished within {TAB_TIMEOUT_S} s"
    note = ""
    state = page.evaluate("() => ({click: __bb.click, running: __bb.running, finished: __bb.finished, "
                          "done: __bb.done})")
    run_s = None if state["finished"] is None else (state["finished"] - state["click"]) / 1000
    if state["running"] is None:
        note = "no rerun seen"
    try:  # a second rerun right after the first (st.rerun) would end later: check as the tests do
        wait_idle(page, settle_ms=300)
    except (AssertionError, PlaywrightTimeout):
        return None, run_s, f"second rerun not finished within {TAB_TIMEOUT_S} s"
    later = page.evaluate("""(t) => {
      const after = __bb.states.filter(([when, s]) => when > t);
      return after.some(([, s]) => s !== 'notRunning') ? after[after.length - 1][0] : null;
    }""", state["done"])
    done = later if later is not None else state["done"]
    if later is not None:
        note = (note + "; " if note else "") + "a further rerun followed"
    return (done - state["click"]) / 1000, run_s, note


def health(page: Page) -> list[str]:
    problems = []
    boxes = page.locator(EXCEPTION)
    for i in range(boxes.count()):
        problems.append("exception box: " + boxes.nth(i).inner_text()[:300].replace("\n", " "))
    problems += [f"js error: {e}" for e in page.js_errors]
    return problems


def shown_reports(page: Page) -> int | None:
    text = page.locator(APP).inner_text()
    m = re.search(r"当前显示\s*(\d+)\s*份", text)
    return int(m.group(1)) if m else None


def open_tab(context: BrowserContext, base: str, tab: str, start_tab: str, shot: Path | None) -> Open:
    page = new_page(context)
    try:
        load_s = load(page, base, start_tab)
        end = "" if tab == "问题清单" else r"\s*$"  # 问题清单 carries a count badge
        pattern = re.compile(rf"^\s*{re.escape(tab)}{end}")
        target = page.get_by_role("tab", name=pattern)
        expect(target).to_have_count(1)
        target.scroll_into_view_if_needed()
        seconds, run_s, note = timed(page, tab, target.click)
        result = Open(seconds, run_s, load_s, note=note)
        if seconds is not None:
            result.charts = page.evaluate(MARKS_JS)
            result.shown = shown_reports(page)
        result.errors = health(page)
        if shot is not None:
            page.wait_for_timeout(300)
            page.screenshot(path=str(shot))
        return result
    finally:
        page.close()


def filter_rerun(context: BrowserContext, base: str) -> tuple[float | None, float | None, str, str]:
    """总览 in a fresh page; choose the first 省份 after 全部 in the sidebar; seconds of that rerun."""
    page = new_page(context)
    try:
        load(page, base, "总览")
        sidebar = page.locator('[data-testid="stSidebar"]')
        label = page.locator('[data-testid="stWidgetLabel"]').filter(has_text=re.compile(r"^\s*省份\s*$"))
        box = sidebar.locator('[data-testid="stSelectbox"]').filter(has=label)
        expect(box).to_have_count(1)
        box.get_by_role("combobox").click()
        listbox = page.locator('[role="listbox"]:visible')
        expect(listbox).to_have_count(1)
        option = listbox.locator('[role="option"]').nth(1)
        name = option.inner_text().strip()
        seconds, run_s, note = timed(page, "总览", option.click)
        expect(box.get_by_role("combobox")).to_have_value(name)
        errors = health(page)
        charts = page.evaluate(MARKS_JS)
        marks = max((max(c["biggest"], c["total"]) for c in charts), default=0)
        name += f" ({shown_reports(page)} shown, {len(charts)} charts, max {marks} marks)"
        return seconds, run_s, name, "; ".join(filter(None, [note, *errors]))
    finally:
        page.close()


SESSION_TABS = ("公开渠道", "总览")  # a tab change: one to the other and back, in one session


def _province_box(page: Page):
    sidebar = page.locator('[data-testid="stSidebar"]')
    label = page.locator('[data-testid="stWidgetLabel"]').filter(has_text=re.compile(r"^\s*省份\s*$"))
    box = sidebar.locator('[data-testid="stSelectbox"]').filter(has=label)
    expect(box).to_have_count(1)
    return box


def _choose(page: Page, box, index: int):
    """Open the selectbox and return (the option's text, a click on it)."""
    box.get_by_role("combobox").click()
    listbox = page.locator('[role="listbox"]:visible')
    expect(listbox).to_have_count(1)
    option = listbox.locator('[role="option"]').nth(index)
    return option.inner_text().strip(), option.click


def session_clicks(context: BrowserContext, base: str, repeat: int) -> dict[str, list]:
    """What a user clicking around one session meets: in one page opened on 总览, repeat + 1 rounds of a tab
    change (总览 → 公开渠道 → 总览) and a filter change (省份 = the first after 全部, then 全部 again). Round 0 is
    the first time each runs in the session (kept apart: "first"); the others give the medians. Each entry:
    (seconds click → settled, seconds click → the script run's end, note)."""
    page = new_page(context)
    out: dict[str, list] = {"tab": [], "filter": [], "errors": []}
    try:
        load(page, base, "总览")
        for _ in range(repeat + 1):
            for tab in SESSION_TABS:
                target = page.get_by_role("tab", name=re.compile(rf"^\s*{re.escape(tab)}\s*$"))
                out["tab"].append(timed(page, tab, target.click))
            for index in (1, 0):
                name, click = _choose(page, _province_box(page), index)
                out["filter"].append(timed(page, "总览", click))
                expect(_province_box(page).get_by_role("combobox")).to_have_value(name)
        out["errors"] = health(page)
        return out
    finally:
        page.close()


def _median(values: list) -> float | None:
    return statistics.median(values) if values and None not in values else None


def session_summary(clicks: dict[str, list]) -> dict[str, dict[str, float | None]]:
    """Per kind (tab, filter): the first round's slowest click, and the medians over the later rounds."""
    out = {}
    for kind in ("tab", "filter"):
        first, later = clicks[kind][:2], clicks[kind][2:]
        seconds = [c[0] for c in first]
        out[kind] = {"first": None if None in seconds else max(seconds), "median": _median([c[0] for c in later]),
                     "run": _median([c[1] for c in later]), "clicks": len(later)}
    return out


def markdown_section(results: list[dict], command: str, facts: str) -> str:
    """The page's browser_bench section: the run's facts and command, then one row per corpus size."""
    def s(value: float | None) -> str:
        return "timeout" if value is None else f"{value:.2f} s"

    parts = [facts, f"- 命令 · command: `{command}`", "",
             "Click → settled page in Chromium (the script run finished, nothing stale, the tab's charts drawn), in "
             "one browser session opened on 总览. Tab change: 总览 ↔ 公开渠道; filter change: sidebar 省份 = the "
             "first province and back to 全部. First: the slowest click of the session's first round (the first "
             "time each runs in it); median: over the later clicks; of which script run: click → the server's run "
             "finished, the rest is the browser drawing.", "",
             "| reports | change | first | median | of which script run | clicks | load average |",
             "|---|---|---|---|---|---|---|"]
    for r in results:
        for kind, label in (("tab", "tab 总览 ↔ 公开渠道"), ("filter", "filter 省份")):
            f = r["session"][kind]
            parts.append(f"| {r['reports']:,} | {label} | {s(f['first'])} | {s(f['median'])} | {s(f['run'])} | "
                         f"{f['clicks']} | {r['load'][0]:.1f}–{r['load'][1]:.1f} |")
    parts += ["", "Cold first load of the page (empty parse cache, every report parsed): "
              + "; ".join(f"{r['reports']:,} reports {r['cold']:.1f} s" for r in results) + "."]
    return "\n".join(parts)


# --------------------------------------------------------------------------- report


def fmt_s(value: float | None) -> str:
    return "timeout" if value is None else f"{value:.2f}"


def flag_of(opens: list[Open], reports: int) -> str:
    flags = []
    charts = opens[0].charts if opens else []
    shown = opens[0].shown or reports
    for c in charts:  # a trace with a point per report shown, or ≥ MARK_LIMIT marks in one chart
        if c["biggest"] >= shown or max(c["biggest"], c["total"]) >= MARK_LIMIT:
            flags.append(f"one mark per report? ({c['title'] or 'untitled'}: {c['total']} marks)")
    if any(o.seconds is None for o in opens):
        flags.append(f"did not finish within {TAB_TIMEOUT_S} s")
    errors = sorted({e for o in opens for e in o.errors})
    flags += errors[:2]
    notes = sorted({o.note for o in opens if o.note})
    flags += notes
    return "; ".join(flags) or "—"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, nargs="+", default=[2000],
                    help="corpus sizes, one server each (e.g. 2000 10000)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/bb"))
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--keep-cache", action="store_true",
                    help="keep WORKDIR/cache (the first load is then warm)")
    ap.add_argument("--json", type=Path, help="also write the raw measurements here")
    ap.add_argument("--clicks-only", action="store_true",
                    help="only the clicks of one session (tab change, filter change), not every tab in fresh pages")
    ap.add_argument("--markdown", type=Path, metavar="PATH",
                    help="also write the session figures into PATH (docs/性能.md), between its browser_bench markers")
    args = ap.parse_args()

    work = args.workdir.resolve()
    data = (ROOT / "data").resolve()
    if work == data or data in work.parents:
        sys.exit(f"refusing to use the project's data folder ({data}) as the work folder")
    facts = run_facts(ROOT)  # before the run: the load average says how busy the machine was when it started
    results = [measure_size(n, work / str(n), args) for n in args.reports]
    if args.markdown:
        command = " ".join(["python bench/browser_bench.py", "--reports", *map(str, args.reports), "--repeat",
                            str(args.repeat), *(["--clicks-only"] if args.clicks_only else []),
                            "--markdown", args.markdown.as_posix()])
        write_section(args.markdown, "browser_bench", markdown_section(results, command, facts))
        print(f"wrote the session figures into {args.markdown}")


def measure_size(reports: int, work: Path, args: argparse.Namespace) -> dict:
    """One corpus size: its corpus, a server of its own, the cold first load, the session's clicks (and, unless
    --clicks-only, every tab in fresh pages)."""
    corpus, cache, shots, log_path = work / "corpus", work / "cache", work / "shots", work / "server.log"
    work.mkdir(parents=True, exist_ok=True)
    ensure_corpus(reports, corpus)
    if cache.exists() and not args.keep_cache:
        shutil.rmtree(cache)
    shots.mkdir(exist_ok=True)
    for old in shots.glob("*.png"):
        old.unlink()
    if not port_free(args.port):
        sys.exit(f"port {args.port} is already in use")

    base = f"http://127.0.0.1:{args.port}"
    proc = start_server(args.port, corpus, cache, log_path)
    try:
        print(f"{reports} reports: server up in {wait_health(proc, base, log_path):.1f} s (log: {log_path})")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                context = browser.new_context(viewport=VIEWPORT, locale="zh-CN", timezone_id="Asia/Shanghai")
                context.set_default_timeout(30_000)
                return run(context, base, args, shots, reports)
            finally:
                browser.close()
    finally:
        stop_server(proc)


def run(context: BrowserContext, base: str, args: argparse.Namespace, shots: Path, reports: int) -> dict:
    page = new_page(context)
    try:
        cold = load(page, base, WARMUP_TAB, run_timeout_ms=COLD_TIMEOUT_S * 1000)
        problems = health(page)
        page.screenshot(path=str(shots / "00_warmup.png"))
    finally:
        page.close()
    print(f"cold first load (?tab={WARMUP_TAB}, every report parsed"
          f"{', cache kept' if args.keep_cache else ', empty parse cache'}): {cold:.1f} s")
    if problems:
        print("  warm-up problems: " + "; ".join(problems))

    loads = [os.getloadavg()[0]]  # the machine may be shared: the 1-minute load average, for the reader
    clicks = session_clicks(context, base, args.repeat)
    loads.append(os.getloadavg()[0])
    session = session_summary(clicks)
    for kind in ("tab", "filter"):
        f = session[kind]
        print(f"{reports} reports, one session, {kind} change: first {fmt_s(f['first'])} s, median "
              f"{fmt_s(f['median'])} s over {f['clicks']} clicks (script run {fmt_s(f['run'])} s)", flush=True)
    if clicks["errors"]:
        print("  session problems: " + "; ".join(clicks["errors"]))
    summary = {"reports": reports, "cold": cold, "session": session, "load": (min(loads), max(loads))}
    if args.clicks_only:
        return summary
    results: dict[str, list[Open]] = {label: [] for label, _, _ in ROWS}
    for r in range(args.repeat):
        for i, (label, tab, start_tab) in enumerate(ROWS):
            shot = shots / f"{i + 1:02d}_{tab}.png" if r == 0 and label in TABS else None
            try:
                o = open_tab(context, base, tab, start_tab, shot)
            except (AssertionError, PlaywrightTimeout) as exc:
                o = Open(None, None, float("nan"), errors=[f"could not open: {str(exc).splitlines()[0][:200]}"])
            results[label].append(o)
            loads.append(os.getloadavg()[0])
            biggest = max((c["total"] for c in o.charts), default=0)
            print(f"  repeat {r + 1} {label}: {fmt_s(o.seconds)} s (run {fmt_s(o.run_s)} s; page load "
                  f"{o.load_s:.2f} s; {len(o.charts)} charts, max {biggest} marks; load average {loads[-1]:.1f})"
                  f"{' ' + o.note if o.note else ''}", flush=True)

    filt = []
    for _ in range(args.repeat):
        try:
            filt.append(filter_rerun(context, base))
        except (AssertionError, PlaywrightTimeout) as exc:
            filt.append((None, None, "?", f"could not run: {str(exc).splitlines()[0][:200]}"))
        print(f"  filter rerun 省份={filt[-1][2]}: {fmt_s(filt[-1][0])} s (run {fmt_s(filt[-1][1])} s) "
              f"{filt[-1][3]}", flush=True)

    print()
    shown = results[TABS[0]][0].shown
    print(f"{reports} reports ({shown} shown), {args.repeat} repeats; open = click → rerun finished and "
          "tab drawn; script run = click → the script run's end (server + websocket), the rest is drawing")
    print("| tab | first open (s) | median open (s) | of which script run (median, s) | charts | max marks | flag |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for label, _, _ in ROWS:
        opens = results[label]
        secs = [o.seconds for o in opens]
        done = [s for s in secs if s is not None]
        med = statistics.median(done) if len(done) == len(secs) else None
        runs = [o.run_s for o in opens]
        run_med = statistics.median(runs) if None not in runs else None
        charts = opens[0].charts
        biggest = max(charts, key=lambda c: max(c["biggest"], c["total"]), default=None)
        marks = (f"{biggest['biggest']} ({biggest['biggestType']}; {biggest['total']} in chart)"
                 if biggest else "—")
        first = fmt_s(secs[0]) + {WARMUP_TAB: " ¹", PLOTLY_LOADED: " ²"}.get(label, "")
        flag = flag_of(opens, reports)
        print(f"| {label} | {first} | {fmt_s(med)} | {fmt_s(run_med)} | {len(charts)} | {marks} | {flag} |")
    print(f"¹ {WARMUP_TAB} already ran in the warm-up load, so its first open is not the server's first.")
    print(f"² {PLOTLY_LOADED}: 总览 clicked in a page opened on 公开渠道 (Plotly's JavaScript already loaded); "
          "the 总览 row starts from 文档, which draws no chart, so it includes loading Plotly into the page.")
    fsecs = [f[0] for f in filt]
    fmed = statistics.median(fsecs) if None not in fsecs else None
    fruns = [f[1] for f in filt]
    frun = statistics.median(fruns) if None not in fruns else None
    print(f"filter rerun (总览, 省份 = {filt[0][2]}): first {fmt_s(fsecs[0])} s, median {fmt_s(fmed)} s "
          f"(of which the script run: median {fmt_s(frun)} s)")
    over = [t for t in results if any(o.seconds is None or o.seconds > 1 for o in results[t])]
    print(f"tabs over 1 s in any repeat: {', '.join(over) or 'none'}")
    print(f"1-minute load average during the run: {min(loads):.1f}–{max(loads):.1f} ({os.cpu_count()} cores)")
    print()
    print("charts per tab (first repeat): title | traces | biggest trace | marks in chart")
    for tab in TABS:
        for c in results[tab][0].charts:
            title = c["title"] or "(untitled)"
            print(f"  {tab}: {title} | {c['traces']} | {c['biggest']} {c['biggestType']} | {c['total']}")
    print(f"screenshots: {shots}/")
    if args.json:
        raw: dict[str, object] = {t: [o.__dict__ for o in opens] for t, opens in results.items()}
        raw["filter_rerun"] = filt
        raw["cold_first_load_s"] = cold
        raw["session"] = clicks
        args.json.with_name(f"{args.json.stem}_{reports}{args.json.suffix}").write_text(
            json.dumps(raw, ensure_ascii=False, indent=1), encoding="utf-8")
    summary["load"] = (min(loads), max(loads))
    return summary


if __name__ == "__main__":
    main()
