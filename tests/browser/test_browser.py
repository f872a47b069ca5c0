"""End to end: the dashboard in a real Chromium, against the bundled reports in data/.

Every screen is checked for Streamlit exception boxes and browser-side errors, and a screenshot is
saved under artifacts/screenshots/. Run just these with `pytest -m browser`. The user guide's images
(docs/images/) are taken by test_guide_screenshot: `DOCS_SCREENSHOTS=1 pytest tests/browser -k guide`.
"""

from __future__ import annotations

import os
import re
import time
import urllib.parse
from pathlib import Path

import pytest

try:
    from playwright.sync_api import Locator, Page, expect
except ImportError:  # pragma: no cover - depends on the environment
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
        raise
    pytest.skip("playwright is not installed", allow_module_level=True)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SEED_COUNT = len(list((ROOT / "data").glob("*.txt")))
TITLE = "政府信息公开年报看板"
TABS = ["总览", "公开渠道", "关键词", "文档", "数据"]
TAB_SLUGS = {"总览": "overview", "公开渠道": "channels", "关键词": "keywords", "文档": "documents", "数据": "data"}
CHART_TABS = {"总览", "公开渠道", "关键词"}  # tabs that must draw at least one Plotly chart
METRICS = ["报告数", "写明总数", "每份报告中位数", "机构数", "覆盖年份"]
FILTERS = {  # label -> Streamlit widget test id
    "省份": "stSelectbox",
    "城市": "stSelectbox",
    "区县/功能区": "stSelectbox",
    "机构": "stMultiSelect",
    "年份范围": "stSlider",
    "报告格式": "stMultiSelect",
}
KEYWORD_BOX = "选择一个反复出现的词"
# Terms in the "problems" part of two seed reports: the 2009 and 2018 张店区 reports, and no other.
RECURRING_PROBLEM_TERMS = ["及时性", "便民性"]
ZHANGDIAN = {"city": "淄博市", "district": "张店区"}
ZHANGDIAN_POINTS = {(2009, 123), (2018, 280)}  # (year, proactive disclosures) of the two 张店区 reports

APP = '[data-testid="stApp"]'
EXCEPTION = '[data-testid="stException"]'
PLOT = ".js-plotly-plot"
PLOT_SVG = ".js-plotly-plot .main-svg"


# --------------------------------------------------------------------------- helpers


def exact(text: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def wait_idle(page: Page, settle_ms: int = 400) -> None:
    """Wait until Streamlit is connected, the script run has finished and nothing is stale.

    The short settle time first lets a widget event (some are debounced) start its rerun, so we do
    not mistake the state before the rerun for the state after it.
    """
    page.wait_for_timeout(settle_ms)
    page.wait_for_selector(f'{APP}[data-test-connection-state="CONNECTED"]', state="attached", timeout=30_000)
    page.wait_for_selector(f'{APP}[data-test-script-state="notRunning"]', state="attached", timeout=90_000)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=30_000)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_be_hidden(timeout=30_000)
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=30_000)


def open_app(page: Page, app_url: str, params: dict[str, str | list[str]] | None = None) -> None:
    query = "?" + urllib.parse.urlencode(params, doseq=True) if params else ""
    page.goto(f"{app_url}/{query}", wait_until="domcontentloaded")
    expect(page.locator(APP)).to_be_attached(timeout=30_000)
    wait_idle(page)
    assert_healthy(page, f"page {query or '/'}")
    if (params or {}).get("present"):  # presenting: no page title, the tabs come first
        expect(page.get_by_role("tab").first).to_be_visible(timeout=30_000)
    else:
        expect(page.get_by_role("heading", name=re.compile(re.escape(TITLE))).first).to_be_visible(timeout=30_000)


def assert_healthy(page: Page, where: str) -> None:
    """No Streamlit exception box and no uncaught JavaScript error on the current screen."""
    boxes = page.locator(EXCEPTION)
    if boxes.count():
        details = "\n---\n".join(boxes.nth(i).inner_text()[:1500] for i in range(boxes.count()))
        pytest.fail(f"{where}: Streamlit shows {boxes.count()} exception box(es):\n{details}", pytrace=False)
    assert not page.js_errors, f"{where}: uncaught JavaScript errors: {page.js_errors}"


def shoot(page: Page, directory: Path, name: str, target: Locator | None = None) -> Path:
    """Viewport screenshot, after scrolling target into view (the main pane scrolls inside itself)."""
    if target is not None:
        target.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
    path = directory / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def upload_in_sidebar(page: Page, report: Path) -> None:
    """Open the sidebar's 上传报告 box, choose one file, wait until the session holds it."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("上传报告", exact=True).click()
    sidebar.locator('input[type="file"]').set_input_files(str(report))
    expect(sidebar.get_by_text(re.compile("本次会话已上传 1 份"))).to_be_visible(timeout=60_000)
    wait_idle(page)


def issue_tab_names(page: Page) -> list[str]:
    """The 问题清单 tab's name as shown, with its count badge."""
    return [n.strip() for n in page.get_by_role("tab").all_inner_texts() if n.startswith("问题清单")]


def shoot_element(directory: Path, name: str, target: Locator) -> Path:
    """Screenshot of one element (e.g. a chart) only."""
    target.scroll_into_view_if_needed()
    target.page.wait_for_timeout(300)
    path = directory / f"{name}.png"
    target.screenshot(path=str(path))
    return path


def tab(page: Page, name: str) -> Locator:
    return page.get_by_role("tab", name=exact(name))


def open_tab(page: Page, name: str) -> Locator:
    """Click a tab and return its (visible) panel."""
    t = tab(page, name)
    expect(t).to_have_count(1)
    t.scroll_into_view_if_needed()
    t.click()
    expect(t).to_have_attribute("aria-selected", "true")
    wait_idle(page, settle_ms=200)
    assert_healthy(page, f"tab {name}")
    panel = page.locator('[role="tabpanel"]:visible')
    expect(panel).to_have_count(1)
    return panel


def page_of(scope: Page | Locator) -> Page:
    """`has=` locators must be page-rooted: Playwright evaluates them inside each candidate."""
    return scope if isinstance(scope, Page) else scope.page


def widget(scope: Page | Locator, testid: str, label: str) -> Locator:
    """The Streamlit widget of this kind whose label is exactly label."""
    label_loc = page_of(scope).locator('[data-testid="stWidgetLabel"]').filter(has_text=exact(label))
    w = scope.locator(f'[data-testid="{testid}"]').filter(has=label_loc)
    expect(w, f"one {testid} labelled {label!r}").to_have_count(1)
    return w


def selected_value(box: Locator) -> str:
    """The option currently shown in a closed st.selectbox (its combobox input holds the value)."""
    return box.get_by_role("combobox").input_value().strip()


def open_options(page: Page, box: Locator, typed: str) -> Locator:
    """Open a st.selectbox and type to filter it (long option lists are virtualised); the options."""
    box.scroll_into_view_if_needed()
    field = box.get_by_role("combobox")
    field.click()
    field.fill(typed)
    listbox = page.locator('[role="listbox"]:visible')
    expect(listbox, "the selectbox's option list opens").to_have_count(1)
    return listbox.locator('[role="option"]')


def choose(page: Page, box: Locator, option: str) -> None:
    """Pick option in a st.selectbox the way a user does, then wait for the rerun."""
    opt = open_options(page, box, option).filter(has_text=exact(option))
    expect(opt, f"option {option!r} in the list").to_have_count(1)
    opt.click()
    wait_idle(page)
    expect(box.get_by_role("combobox")).to_have_value(option)


def options_matching(page: Page, box: Locator, text: str) -> list[str]:
    """Options of a st.selectbox that contain text (the box is closed again afterwards)."""
    options = open_options(page, box, text)
    page.wait_for_timeout(300)
    found = [s.strip() for s in options.all_inner_texts()]
    page.keyboard.press("Escape")
    expect(page.locator('[role="listbox"]:visible')).to_have_count(0)
    return found


def metric(scope: Page | Locator, label: str) -> Locator:
    label_loc = page_of(scope).locator('[data-testid="stMetricLabel"]').filter(has_text=exact(label))
    m = scope.locator('[data-testid="stMetric"]').filter(has=label_loc)
    expect(m, f"one metric labelled {label!r}").to_have_count(1)
    return m


def metric_number(scope: Page | Locator, label: str) -> int:
    text = metric(scope, label).locator('[data-testid="stMetricValue"]').inner_text()
    digits = re.sub(r"[^\d]", "", text)
    assert digits, f"metric {label!r} shows no number: {text!r}"
    return int(digits)


def expect_charts_drawn(panel: Locator, where: str, required: bool) -> int:
    """Every Plotly chart in panel has drawn its SVG; at least one exists when required."""
    plots = panel.locator(PLOT)
    if required:
        expect(panel.locator(PLOT_SVG).first, f"{where}: a drawn Plotly chart").to_be_visible(timeout=30_000)
    n = plots.count()
    expect(panel.locator(f"{PLOT}:has(.main-svg)"), f"{where}: all {n} Plotly charts drawn").to_have_count(n)
    return n


CHART_DATA_JS = """
(panel) => Array.from(panel.querySelectorAll('.js-plotly-plot')).map((gd) => {
  const list = (v) => (v == null || typeof v === 'string') ? [] : Array.from(v);
  const traces = gd._fullData || gd.data || [];
  const title = gd.layout && gd.layout.title;
  return {
    title: (title && (title.text || title)) || '',
    traces: traces.map((t) => ({name: String(t.name || ''), type: t.type, x: list(t.x), y: list(t.y)})),
  };
})
"""


def chart_data(panel: Locator) -> list[dict]:
    return panel.evaluate(CHART_DATA_JS)


def as_year(value) -> int | None:
    text = str(value).strip()
    if re.fullmatch(r"(19|20)\d{2}(\.0+)?", text):
        return int(float(text))
    return None


def year_points(chart: dict) -> set[tuple[int, float]]:
    """(year, value) pairs of the traces whose x axis is years."""
    out = set()
    for t in chart["traces"]:
        for x, y in zip(t["x"], t["y"], strict=False):
            year = as_year(x)
            if year is not None and isinstance(y, int | float):
                out.add((year, y))
    return out


def passages_after(heading: Locator) -> list[str]:
    """Text of the markdown paragraphs after heading, within the same tab panel (the keyword view draws its
    sentences as paragraphs of one markdown block)."""
    return heading.evaluate(
        """(h) => {
          const scope = h.closest('[role="tabpanel"]') || document.body;
          return Array.from(scope.querySelectorAll('[data-testid="stMarkdownContainer"]'))
            .filter((b) => !b.contains(h) && !h.contains(b)
                    && (h.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING))
            .flatMap((b) => { const ps = b.querySelectorAll('p'); return ps.length ? Array.from(ps) : [b]; })
            .map((b) => b.innerText.trim())
            .filter((t) => t.length > 0);
        }"""
    )


# --------------------------------------------------------------------------- tests


def test_home_shows_title_filters_metrics_and_charts(page: Page, app_url: str, screenshot_dir: Path) -> None:
    open_app(page, app_url)
    assert_healthy(page, "home")
    heading = page.get_by_role("heading", name=re.compile(re.escape(TITLE))).first
    expect(heading).to_be_visible()

    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar).to_be_visible()
    for label, testid in FILTERS.items():
        expect(widget(sidebar, testid, label)).to_be_visible()
    for label in ("省份", "城市", "区县/功能区"):
        assert selected_value(widget(sidebar, "stSelectbox", label)) == "全部", f"{label} starts at 全部"

    for name in TABS:
        expect(tab(page, name)).to_be_visible()
    panel = open_tab(page, "总览")
    for label in METRICS:
        expect(metric(panel, label)).to_be_visible()
    expect(page.get_by_text("报告数", exact=True).first).to_be_visible()
    assert metric_number(panel, "报告数") == SEED_COUNT, f"all {SEED_COUNT} bundled reports are counted"
    expect_charts_drawn(panel, "总览", required=True)
    assert_healthy(page, "home / 总览")
    shoot(page, screenshot_dir, "01-home-overview-all-reports")


def test_url_filter_zhangdian_shows_its_two_reports(page: Page, app_url: str, screenshot_dir: Path) -> None:
    open_app(page, app_url, ZHANGDIAN)
    assert_healthy(page, "?city=淄博市&district=张店区")
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert selected_value(widget(sidebar, "stSelectbox", "城市")) == "淄博市"
    assert selected_value(widget(sidebar, "stSelectbox", "区县/功能区")) == "张店区"

    panel = open_tab(page, "总览")
    expect(metric(panel, "报告数").locator('[data-testid="stMetricValue"]')).to_have_text(exact("2"))
    expect(metric(panel, "覆盖年份").locator('[data-testid="stMetricValue"]')).to_have_text(exact("2009–2018"))
    expect_charts_drawn(panel, "总览 (张店区)", required=True)

    charts = chart_data(panel)
    with_years = [c for c in charts if year_points(c)]
    assert with_years, f"no chart with years on its x axis: {charts}"
    assert any(ZHANGDIAN_POINTS <= year_points(c) for c in with_years), (
        f"no chart shows 2009→123 and 2018→280: {[(c['title'], sorted(year_points(c))) for c in with_years]}"
    )
    for c in with_years:
        years = {y for y, _ in year_points(c)}
        assert years <= {2009, 2018}, f"chart {c['title']!r} shows years outside the filter: {sorted(years)}"

    shoot(page, screenshot_dir, "02-url-zhangdian-overview")
    best = next(i for i, c in enumerate(charts) if ZHANGDIAN_POINTS <= year_points(c))
    chart = panel.locator('[data-testid="stPlotlyChart"]').filter(has=page.locator(PLOT)).nth(best)
    shoot_element(screenshot_dir, "03-url-zhangdian-chart-2009-123-2018-280", chart)


def test_sidebar_selection_filters_and_updates_url(page: Page, app_url: str, screenshot_dir: Path) -> None:
    open_app(page, app_url)
    sidebar = page.locator('[data-testid="stSidebar"]')
    choose(page, widget(sidebar, "stSelectbox", "城市"), "淄博市")
    assert_healthy(page, "城市 = 淄博市")
    choose(page, widget(sidebar, "stSelectbox", "区县/功能区"), "张店区")
    assert_healthy(page, "区县/功能区 = 张店区")

    expect(page).to_have_url(re.compile(r"[?&]city=" + re.escape(urllib.parse.quote("淄博市"))))
    expect(page).to_have_url(re.compile(r"[?&]district=" + re.escape(urllib.parse.quote("张店区"))))
    panel = open_tab(page, "总览")
    expect(metric(panel, "报告数").locator('[data-testid="stMetricValue"]')).to_have_text(exact("2"))
    shoot(page, screenshot_dir, "04-sidebar-picked-zibo-zhangdian")

    # The shared link reproduces the view.
    url = page.url
    page.goto("about:blank")
    page.goto(url, wait_until="domcontentloaded")
    wait_idle(page)
    panel = open_tab(page, "总览")
    expect(metric(panel, "报告数").locator('[data-testid="stMetricValue"]')).to_have_text(exact("2"))
    assert_healthy(page, "reloaded shared link")


@pytest.mark.parametrize("name", TABS, ids=[TAB_SLUGS[t] for t in TABS])
def test_tab_renders_without_errors(page: Page, app_url: str, screenshot_dir: Path, name: str) -> None:
    open_app(page, app_url)
    panel = open_tab(page, name)
    n = expect_charts_drawn(panel, name, required=name in CHART_TABS)
    images = panel.locator('[data-testid="stImage"] img')
    for i in range(images.count()):
        img = images.nth(i)
        img.scroll_into_view_if_needed()
        expect(img).to_be_visible()
        ok = img.evaluate("(el) => el.complete && el.naturalWidth > 0")
        assert ok, f"{name}: image {i} did not load"
    assert_healthy(page, f"tab {name}")
    stem = f"{TABS.index(name) + 5:02d}-tab-{TAB_SLUGS[name]}"
    shoot(page, screenshot_dir, f"{stem}-top", target=tab(page, name))
    if n > 1:  # the last chart is usually below the fold
        shoot(page, screenshot_dir, f"{stem}-last-chart", target=panel.locator(PLOT).last)


def test_tabs_beyond_the_contract_render_too(page: Page, app_url: str, screenshot_dir: Path) -> None:
    """Any further tab the app grows gets the same no-exception / charts-drawn check."""
    open_app(page, app_url)
    names = [n.strip() for n in page.get_by_role("tab").all_inner_texts()]
    assert [t for t in TABS if t not in names] == [], f"tabs shown: {names}"
    extra = [n for n in names if n not in TABS]
    for i, name in enumerate(extra, start=1):
        panel = open_tab(page, name)
        expect_charts_drawn(panel, name, required=False)
        assert_healthy(page, f"tab {name}")
        shoot(page, screenshot_dir, f"11-extra-tab-{i}", target=tab(page, name))


def test_keyword_in_context(page: Page, app_url: str, screenshot_dir: Path) -> None:
    open_app(page, app_url)
    panel = open_tab(page, "关键词")
    # the tab opens on its clouds; the recurring terms and their context are its second part
    panel.locator('[data-testid="stButtonGroup"]').get_by_role("radio", name="反复出现的词与上下文").click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"[?&]kw="))
    box = widget(panel, "stSelectbox", KEYWORD_BOX)
    initial = selected_value(box)
    assert initial, "the keyword selectbox has a term selected"

    term = None
    for candidate in RECURRING_PROBLEM_TERMS:
        if candidate in options_matching(page, box, candidate):
            term = candidate
            break
    assert term, f"none of {RECURRING_PROBLEM_TERMS} is offered in {KEYWORD_BOX!r}"
    choose(page, box, term)
    assert_healthy(page, f"关键词 = {term}")

    panel = page.locator('[role="tabpanel"]:visible')
    heading = panel.get_by_role("heading", name=re.compile(r"关键词上下文")).filter(has_text=term)
    expect(heading).to_have_count(1)
    expect(heading).to_be_visible()

    passages = [p for p in passages_after(heading) if term in p]
    assert len(passages) >= 2, f"expected sentences with {term!r} from two reports, got {passages}"
    for p in passages:  # both terms occur only in the two 张店区 reports
        assert re.search(r"(19|20)\d{2}", p), f"passage without a year: {p!r}"
        assert "张店区" in p, f"passage without its agency (张店区…): {p!r}"
    years = {m.group(0) for p in passages for m in re.finditer(r"(?:19|20)\d{2}", p)}
    assert {"2009", "2018"} <= years, f"{term!r} is in the 2009 and 2018 张店区 reports; passages: {passages}"
    shoot(page, screenshot_dir, "10-keyword-in-context", target=heading)


def test_server_log_has_no_tracebacks(app_url: str, server_log: Path) -> None:
    """Runs last: anything the sessions above made the server print as a Python traceback."""
    text = server_log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback (most recent call last)" not in text, f"server log has a traceback:\n{text[-4000:]}"


def test_uploaded_report_appears_in_the_charts(page: Page, app_url: str, screenshot_dir: Path, tmp_path: Path) -> None:
    """A user drops a GB18030 report in the uploader; it joins this session's charts (not saved to data/)."""
    seed = (ROOT / "data" / "003_dd0aca17394d444a.txt").read_text(encoding="utf-8")
    report = tmp_path / "兰山区安监局2018年报.txt"
    report.write_bytes(seed.replace("罗庄区", "兰山区").replace("共57条", "共66条").encode("gb18030"))
    before = sorted(p.name for p in (ROOT / "data").iterdir())

    open_app(page, app_url)
    upload_in_sidebar(page, report)
    assert_healthy(page, "after upload")
    assert metric_number(page, "报告数") == SEED_COUNT + 1

    panel = open_tab(page, "总览")
    expect_charts_drawn(panel, "总览 after upload", required=True)
    names = {t["name"] for chart in chart_data(panel) for t in chart["traces"]}
    assert "兰山区安监" in names, names  # the short name, full name in hover
    points = {(t["name"], str(x), y) for chart in chart_data(panel) for t in chart["traces"]
              for x, y in zip(t["x"], t["y"], strict=False)}
    assert ("兰山区安监", "2018", 66) in points
    shoot(page, screenshot_dir, "12-uploaded-report-in-overview")
    assert sorted(p.name for p in (ROOT / "data").iterdir()) == before  # nothing written until saved


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)], ids=["1280x720", "1024x768"])
def test_presentation_mode_fits_a_projector(chromium, app_url: str, screenshot_dir: Path, size) -> None:
    """?present=1 at projector sizes: sidebar collapsed, first chart above the fold, KPIs not cut,
    the 累计 figure marked on the chart, legends below the plot."""
    width, height = size
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    try:
        open_app(page, app_url, {"present": "1", "city": "聊城市"})
        assert_healthy(page, f"presentation {width}x{height}")
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar).to_have_attribute("data-collapsed", "true")
        panel = open_tab(page, "总览")
        expect(panel.locator(PLOT_SVG).first).to_be_visible(timeout=30_000)
        box = panel.locator(PLOT).first.bounding_box()
        assert box is not None and box["y"] + 200 < height, f"first chart starts at {box} in a {height}px window"
        for value in panel.locator('[data-testid="stMetricValue"]').all():
            cut = value.evaluate("(el) => { const t = el.querySelector('div,p,span') || el;"
                                 " return t.scrollWidth > t.clientWidth + 1; }")
            assert not cut, f"KPI cut at {width}px: {value.inner_text()!r}"
        shoot(page, screenshot_dir, f"20-presentation-{width}x{height}")
        labels = panel.locator(".js-plotly-plot .bartext").evaluate_all("(els) => els.map((e) => e.textContent)")
        assert "1,000累计" in labels, labels  # "1,000" and "累计" on two lines of one label
        font = panel.locator(".js-plotly-plot .xtick text").first.evaluate(
            "(el) => parseFloat(getComputedStyle(el).fontSize)")
        assert font >= 18, f"axis text {font}px"
        shoot(page, screenshot_dir, f"20-presentation-{width}x{height}")
    finally:
        context.close()


def test_two_quick_downloads_both_arrive(page: Page, app_url: str, tmp_path: Path) -> None:
    """下载 CSV then 下载 Excel at once: both files arrive (deferred files once went missing)."""
    open_app(page, app_url, {"tab": "数据"})
    panel = open_tab(page, "数据")
    csv_button = panel.get_by_role("button", name="下载 CSV")
    excel_button = panel.get_by_role("button", name="下载 Excel")
    expect(csv_button).to_be_visible()
    arrived = []
    page.on("download", lambda download: arrived.append(download))  # both clicks at once; the files may arrive in either order
    csv_button.click()
    excel_button.click()
    deadline = time.monotonic() + 60
    while len(arrived) < 2 and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    by_name = {d.suggested_filename: d for d in arrived}
    assert sorted(by_name) == ["公开年报记录.csv", "公开年报记录.xlsx"], [d.suggested_filename for d in arrived]
    csv_path, excel_path = tmp_path / "a.csv", tmp_path / "b.xlsx"
    by_name["公开年报记录.csv"].save_as(csv_path)
    by_name["公开年报记录.xlsx"].save_as(excel_path)
    text = csv_path.read_bytes().decode("utf-8-sig")
    assert "淄博市张店区安全生产监督管理局" in text and "280" in text
    assert excel_path.read_bytes()[:2] == b"PK"  # an .xlsx is a zip
    assert_healthy(page, "two quick downloads")


def test_the_meeting_brief_downloads_as_word_and_pdf(page: Page, app_url: str, tmp_path: Path) -> None:
    open_app(page, app_url, {"tab": "数据"})
    panel = open_tab(page, "数据")
    panel.get_by_role("button", name="生成会议简报（Word 和 PDF）").click()
    word = panel.get_by_role("button", name="下载会议简报（Word）")
    expect(word).to_be_visible(timeout=60_000)
    with page.expect_download() as first:
        word.click()
    with page.expect_download() as second:
        panel.get_by_role("button", name="下载会议简报（PDF）").click()
    first.value.save_as(tmp_path / "b.docx")
    second.value.save_as(tmp_path / "b.pdf")
    assert (tmp_path / "b.docx").read_bytes()[:2] == b"PK"
    assert (tmp_path / "b.pdf").read_bytes()[:5] == b"%PDF-"
    assert_healthy(page, "meeting brief")


def test_two_browsers_one_uploads_the_other_sees_only_the_bundled_corpus(chromium, app_url: str,
                                                                          tmp_path: Path) -> None:
    """Browser A uploads a second 罗庄区 2018 report (a conflict); browser B, at the same time, uploads nothing
    and keeps exactly the bundled corpus: its issue count and its overview do not move."""
    seed = (ROOT / "data" / "003_dd0aca17394d444a.txt").read_text(encoding="utf-8")
    report = tmp_path / "罗庄区另一份.txt"
    report.write_text(seed.replace("共57条", "共66条"), encoding="utf-8")
    contexts = [chromium.new_context(viewport={"width": 1600, "height": 1000}, locale="zh-CN") for _ in range(2)]
    try:
        a, b = (c.new_page() for c in contexts)
        for p in (a, b):
            p.js_errors = []
            p.on("pageerror", lambda exc, p=p: p.js_errors.append(str(exc)))
        open_app(b, app_url)
        badge_before = issue_tab_names(b)
        open_app(a, app_url)
        upload_in_sidebar(a, report)
        assert metric_number(a, "报告数") == SEED_COUNT + 1
        assert issue_tab_names(a) != badge_before, "A's own conflict shows in A's issue count"

        b.reload(wait_until="domcontentloaded")
        expect(b.locator(APP)).to_be_attached(timeout=30_000)
        wait_idle(b)
        assert metric_number(b, "报告数") == SEED_COUNT
        assert issue_tab_names(b) == badge_before
        assert_healthy(b, "browser B after A's upload")
    finally:
        for c in contexts:
            c.close()


# --------------------------------------------------------------------------- the real folder (../shared/realdev)

REAL_TABS = ["总览", "公开渠道", "关键词", "问题主题", "机构档案", "依申请与复议诉讼", "质量检查", "问题清单", "文档", "数据"]
REAL_PARTS = [("关键词", "kw", "反复出现的词与上下文"), ("问题主题", "tp", "问题与措施、套话")]
REAL_SHOTS = {"总览": "overview", "公开渠道": "channels", "关键词": "keywords", "问题主题": "themes"}


def real_page(chromium, width: int = 1440, height: int = 900):
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="zh-CN",
                                   timezone_id="Asia/Shanghai")
    context.set_default_timeout(20_000)
    pg = context.new_page()
    pg.js_errors = []
    pg.on("pageerror", lambda exc: pg.js_errors.append(str(exc)))
    return context, pg


def test_the_real_folder_every_tab_and_part_at_1440(chromium, real_app_url: str, real_folder: Path,
                                                     screenshot_dir: Path) -> None:
    """The 51 real reports at 1440×900: every tab (clicked, as a user does) and every part opens without an
    exception box or a browser error, and every chart on it is drawn."""
    context, page = real_page(chromium)
    try:
        open_app(page, real_app_url)
        assert metric_number(page, "报告数") == len(list(real_folder.glob("*.txt")))
        for name in REAL_TABS:
            t = page.get_by_role("tab", name=re.compile(rf"^\s*{re.escape(name)}"))
            expect(t).to_have_count(1)
            t.click()
            expect(t).to_have_attribute("aria-selected", "true")
            wait_idle(page, settle_ms=200)
            assert_healthy(page, f"real folder, tab {name}")
            panel = page.locator('[role="tabpanel"]:visible')
            expect_charts_drawn(panel, f"real folder, {name}", required=name in ("总览", "公开渠道", "问题主题"))
            if name in REAL_SHOTS:
                shoot(page, screenshot_dir, f"30-real-{REAL_SHOTS[name]}-1440x900")
        for name, param, part in REAL_PARTS:
            open_app(page, real_app_url, {"tab": name, param: part})
            assert_healthy(page, f"real folder, {name} / {part}")
            expect_charts_drawn(page.locator('[role="tabpanel"]:visible'), f"real folder, {name} / {part}",
                                required=False)
    finally:
        context.close()


def test_the_real_folders_server_log_has_no_tracebacks(real_server_log: Path) -> None:
    text = real_server_log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback (most recent call last)" not in text, f"server log has a traceback:\n{text[-4000:]}"


VISIBLE_TEXT_JS = """
(root) => {
  const out = [];
  const walk = (el) => {
    if (el.dataset && el.dataset.testid === 'stIconMaterial') return;  // an icon's ligature, not words
    const style = getComputedStyle(el);
    for (const node of el.childNodes) {
      if (node.nodeType === 3 && node.textContent.trim() && parseFloat(style.fontSize) > 0
          && style.visibility !== 'hidden') out.push(node.textContent.trim());
      if (node.nodeType === 1) walk(node);
    }
    const after = getComputedStyle(el, '::after').content;
    if (after && after !== 'none' && after !== 'normal') out.push(after.replace(/^"|"$/g, ''));
  };
  walk(root);
  return out;
}
"""


def test_the_uploader_speaks_chinese(page: Page, app_url: str, screenshot_dir: Path) -> None:
    """Streamlit's English (Upload, 20MB per file • TXT, …) is not drawn; the Chinese is."""
    open_app(page, app_url)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("上传报告", exact=True).click()
    zone = sidebar.locator('[data-testid="stFileUploaderDropzone"]')
    expect(zone).to_be_visible()
    shown = zone.evaluate(VISIBLE_TEXT_JS)
    assert shown == ["选择文件", "单个文件不超过 20 MB；支持 txt、md、html、htm、docx、pdf"], shown
    shoot_element(screenshot_dir, "31-uploader-in-chinese", sidebar.locator('[data-testid="stFileUploader"]'))
# The images of docs/用户指南.md and the README: name → (URL parameters, viewport or None for the default,
# whether the open tab must draw a chart). tests/docs/test_docs.py checks that every image the docs show is
# one of these, so the docs' screenshots are always the app as this test saw it.
GUIDE_VIEWPORT = {"width": 1440, "height": 900}
GUIDE_SHOTS = {
    "overview": ({"city": "淄博市", "district": "张店区", "tab": "总览"}, None, True),
    "presentation": ({"present": "1", "tab": "总览"}, {"width": 1280, "height": 720}, True),
    "tab-overview": ({"tab": "总览"}, None, True),
    "tab-channels": ({"tab": "公开渠道"}, None, True),
    "tab-keywords": ({"tab": "关键词"}, None, True),
    "tab-themes": ({"tab": "问题主题"}, None, True),
    "tab-agency": ({"tab": "机构档案", "city": "淄博市", "district": "张店区"}, None, False),
    "tab-applications": ({"tab": "依申请与复议诉讼"}, None, False),
    "tab-checks": ({"tab": "质量检查"}, None, False),
    "tab-issues": ({"tab": "问题清单"}, None, False),
    "tab-document": ({"tab": "文档"}, None, False),
    "tab-data": ({"tab": "数据"}, None, False),
}


@pytest.mark.parametrize("name", list(GUIDE_SHOTS))
def test_guide_screenshot(chromium, app_url: str, guide_dir: Path, name: str) -> None:
    """Each screenshot of the user guide, opened by its link as a reader would, checked healthy, then saved."""
    params, viewport, charts = GUIDE_SHOTS[name]
    context = chromium.new_context(viewport=viewport or GUIDE_VIEWPORT, locale="zh-CN", timezone_id="Asia/Shanghai")
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    try:
        open_app(page, app_url, params)
        selected = page.get_by_role("tab", selected=True)
        expect(selected).to_have_count(1)
        assert selected.inner_text().strip().startswith(params["tab"]), f"{name}: {selected.inner_text()!r} is open"
        panel = page.locator('[role="tabpanel"]:visible')
        expect_charts_drawn(panel, name, required=charts)
        images = panel.locator('[data-testid="stImage"] img')
        for i in range(images.count()):
            expect(images.nth(i)).to_have_js_property("complete", True)
        assert_healthy(page, f"guide screenshot {name}")
        page.wait_for_timeout(500)  # let the charts' transitions finish
        path = shoot(page, guide_dir, name)
        assert path.stat().st_size > 20_000, f"{path} is too small to be a screenshot of the app"
    finally:
        context.close()


ADDRESS = re.compile(r"(?:https?://|www\.)[A-Za-z0-9./_-]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)


def test_an_address_in_a_report_is_plain_text_not_a_live_link(page: Page, app_url: str) -> None:
    """文档 shows web and e-mail addresses of the text as text (code), never as links (the README promises
    plain text); a report of the bundled folder that holds one is opened."""
    from parsing import parse_file

    holding = {p.name: ADDRESS.findall(parse_file(p).text) for p in sorted((ROOT / "data").glob("*.txt"))}
    name, addresses = next((n, a) for n, a in holding.items() if a)
    open_app(page, app_url, {"tab": "文档", "doc": name})
    panel = page.locator('[role="tabpanel"]:visible')
    expect(panel.get_by_role("heading", name=re.compile("报告全文"))).to_be_visible()
    opening = panel.locator('[data-testid="stExpander"] summary').filter(has_text=re.compile(r"^前文"))
    if opening.count():  # the text before the highlighted field is folded
        opening.click()
        page.wait_for_timeout(500)
    links = panel.locator('[data-testid="stMarkdownContainer"] a').evaluate_all(
        "(els) => els.map((a) => a.getAttribute('href'))")
    links = [href for href in links if not href.startswith("#")]  # the headings' own anchors
    assert links == [], f"live links in the report's text: {links}"
    codes = panel.locator('[data-testid="stMarkdownContainer"] code').all_text_contents()
    assert set(addresses) <= set(codes), (addresses, codes[:10])


PRESENT_TABS = ["总览", "公开渠道", "关键词", "问题主题"]
PRESENT_SIZES = [(1280, 720), (1024, 768)]


def assert_first_chart_fits(chromium, base: str, tab: str, size: tuple[int, int], screenshot_dir: Path,
                            name: str) -> None:
    """?present=1: the KPIs and the whole first chart (title, axes, legend) inside the window, unscrolled, and
    the chart's title not cut."""
    width, height = size
    context, page = real_page(chromium, width, height)
    try:
        open_app(page, base, {"present": "1", "tab": tab})
        panel = page.locator('[role="tabpanel"]:visible')
        expect(panel.locator(PLOT_SVG).first).to_be_visible(timeout=30_000)
        page.wait_for_timeout(500)
        box = panel.locator(PLOT).first.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height, (
            f"{name} {tab} {width}x{height}: first chart at {box}")
        for kpi in panel.locator('[data-testid="stMetric"]').all():
            k = kpi.bounding_box()
            assert k["y"] + k["height"] <= box["y"], f"{tab}: a KPI below the chart's top: {k}"
        title = panel.locator(PLOT).first.locator(".gtitle")
        if title.count():
            t = title.bounding_box()
            assert t["x"] + t["width"] <= box["x"] + box["width"] + 1, f"{tab}: the chart's title is cut: {t}"
        assert_healthy(page, f"{name} presenting {tab} {width}x{height}")
        shoot(page, screenshot_dir, f"40-present-{name}-{PRESENT_TABS.index(tab)}-{width}x{height}")
    finally:
        context.close()


@pytest.mark.parametrize("size", PRESENT_SIZES, ids=["1280x720", "1024x768"])
@pytest.mark.parametrize("tab", PRESENT_TABS)
def test_presenting_the_first_chart_fits_the_window_bundled(chromium, app_url: str, screenshot_dir: Path, tab,
                                                            size) -> None:
    assert_first_chart_fits(chromium, app_url, tab, size, screenshot_dir, "bundled")


@pytest.mark.parametrize("size", PRESENT_SIZES, ids=["1280x720", "1024x768"])
@pytest.mark.parametrize("tab", PRESENT_TABS)
def test_presenting_the_first_chart_fits_the_window_real_folder(chromium, real_app_url: str, screenshot_dir: Path,
                                                                tab, size) -> None:
    assert_first_chart_fits(chromium, real_app_url, tab, size, screenshot_dir, "real")


@pytest.mark.parametrize("width", [1280, 1440])
def test_no_kpi_is_cut_with_the_sidebar_open_real_folder(chromium, real_app_url: str, width: int) -> None:
    context, page = real_page(chromium, width, 900)
    try:
        open_app(page, real_app_url)
        expect(page.locator('[data-testid="stSidebar"]')).to_have_attribute("data-collapsed", "false")
        values = page.locator('[data-testid="stMetricValue"]')
        expect(values.first).to_be_visible()
        for value in values.all():
            text, scroll, client = value.evaluate("(el) => { const t = el.querySelector('div,p,span') || el;"
                                                  " return [t.innerText, t.scrollWidth, t.clientWidth]; }")
            assert scroll <= client + 1, f"KPI cut at {width}px: {text!r} needs {scroll}px, has {client}px"
    finally:
        context.close()
