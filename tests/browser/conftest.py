"""Fixtures for the end-to-end test: a real `streamlit run app.py` server and Debian's Chromium.

Playwright drives the system browser at /usr/bin/chromium (apt package `chromium`); browser
downloads (`playwright install`) are never needed. Chinese text needs the `fonts-noto-cjk` package.
Without Chromium the browser tests are skipped locally and fail on CI (CI=true).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
# The user guide's images: written into docs/images/ when DOCS_SCREENSHOTS=1 (to refresh the docs), else into
# artifacts/screenshots/guide/ so a plain test run never changes the repository.
GUIDE_IMAGES = ROOT / "docs" / "images"
SERVER_LOG = ROOT / "artifacts" / "streamlit-server.log"
REAL_SERVER_LOG = ROOT / "artifacts" / "streamlit-server-realdev.log"
REAL_FOLDER = ROOT.parent / "shared" / "realdev" / "reports"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 1600, "height": 1000}
STARTUP_TIMEOUT_S = 60


def _on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _unavailable(reason: str) -> None:
    """A missing browser is an error on CI and a skip on a developer machine."""
    if _on_ci():
        pytest.fail(f"{reason} (CI=true, so this is an error, not a skip)", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _log_tail(log_path: Path = SERVER_LOG, lines: int = 40) -> str:
    try:
        text = log_path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no server log)"
    return "\n".join(text.splitlines()[-lines:])


def _stop(proc: subprocess.Popen) -> None:
    """Terminate the server and everything it started (it runs in its own process group)."""
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


def _serve(log_path: Path, data_dir: Path | None = None) -> Iterator[str]:
    """Base URL (no trailing slash) of `streamlit run app.py` on a free loopback port, reading data_dir (the
    bundled data/ when None)."""
    if not (ROOT / "app.py").is_file():
        pytest.fail(f"{ROOT / 'app.py'} does not exist", pytrace=False)
    port = _free_port()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"}
    if data_dir is not None:
        env["DATA_DIR"] = str(data_dir)
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with code {proc.returncode} before answering:\n{_log_tail(log_path)}",
                            pytrace=False)
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200 and resp.read().decode().strip() == "ok":
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit did not answer /_stcore/health within {STARTUP_TIMEOUT_S} s:\n"
                            f"{_log_tail(log_path)}", pytrace=False)
            time.sleep(0.25)
        yield base
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """The app on the bundled reports (data/)."""
    yield from _serve(SERVER_LOG)


@pytest.fixture(scope="session")
def real_folder() -> Path:
    """../shared/realdev/reports: 51 real reports beside the checkout (skipped locally without it, an error on CI)."""
    if not REAL_FOLDER.is_dir():
        _unavailable(f"{REAL_FOLDER} is not here")
    return REAL_FOLDER


@pytest.fixture(scope="session")
def real_app_url(real_folder: Path) -> Iterator[str]:
    """The app on the real folder, a server of its own."""
    yield from _serve(REAL_SERVER_LOG, real_folder)


@pytest.fixture(scope="session")
def real_server_log(real_app_url: str) -> Path:
    """The real folder's server's combined stdout/stderr."""
    return REAL_SERVER_LOG


@pytest.fixture(scope="session")
def server_log(app_url: str) -> Path:
    """The server's combined stdout/stderr (artifacts/streamlit-server.log)."""
    return SERVER_LOG


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """A headless Debian Chromium driven by Playwright (sync API)."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} not found; install it with `apt-get install chromium fonts-noto-cjk`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed; `pip install -r requirements-dev.txt`")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium, app_url: str) -> Iterator[object]:
    """A fresh browser context and page per test; JS errors are collected on page.js_errors."""
    context = chromium.new_context(viewport=VIEWPORT, locale="zh-CN", timezone_id="Asia/Shanghai")
    context.set_default_timeout(20_000)
    pg = context.new_page()
    pg.js_errors = []
    pg.on("pageerror", lambda exc: pg.js_errors.append(str(exc)))
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture(scope="session")
def guide_dir() -> Path:
    """Where the user guide's screenshots go: docs/images/ with DOCS_SCREENSHOTS=1, else artifacts/."""
    folder = GUIDE_IMAGES if os.environ.get("DOCS_SCREENSHOTS", "").strip() in {"1", "true", "yes"} \
        else SCREENSHOTS / "guide"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """artifacts/screenshots/, emptied of the previous run's images."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    return SCREENSHOTS
