"""Figures written into the docs by the scripts that measure them.

A docs page holds prose a person writes and sections a script writes. A script's section sits between
`<!-- NAME:start -->` and `<!-- NAME:end -->`; write_section replaces only what is between its own two markers,
so several scripts share one page (docs/准确率.md: real_accuracy and table_accuracy) and the prose around them
is kept. A page without the markers gets the section appended at its end; a missing page is created.

    from docs_page import write_section, run_facts
    write_section(Path("docs/准确率.md"), "table_accuracy", run_facts(ROOT) + "\n\n| … |")
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def markers(name: str) -> tuple[str, str]:
    if not NAME.match(name):
        raise ValueError(f"section name {name!r}: use lower-case letters, digits and _ (e.g. table_accuracy)")
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def read_section(path: Path, name: str) -> str | None:
    """The text between the section's markers (stripped), or None when the page or the section is missing."""
    start, end = markers(name)
    try:
        page = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    i = page.find(start)
    j = page.find(end, i + len(start)) if i >= 0 else -1
    return page[i + len(start):j].strip() if i >= 0 and j >= 0 else None


def write_section(path: Path, name: str, text: str) -> None:
    """Put text between the section's markers in path, leaving the rest of the page as it was.

    Raises ValueError when the page holds one marker without the other, or a marker twice: a page a person
    broke is not guessed at (the error names the file and the marker)."""
    start, end = markers(name)
    path = Path(path)
    page = path.read_text(encoding="utf-8") if path.exists() else ""
    counts = page.count(start), page.count(end)
    block = f"{start}\n{text.strip()}\n{end}"
    if counts == (0, 0):
        page = (page.rstrip("\n") + "\n\n" if page.strip() else "") + block + "\n"
    elif counts == (1, 1) and page.index(start) < page.index(end):
        i, j = page.index(start), page.index(end) + len(end)
        page = page[:i] + block + page[j:]
    else:
        raise ValueError(f"{path}: the markers {start} / {end} appear {counts[0]} / {counts[1]} times or out of "
                         "order; each must appear once, start before end")
    tmp = path.with_name(f".{path.name}.tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, path)


def commit(root: Path) -> str:
    """The checkout's commit (short hash), with "+ uncommitted changes" when the tree differs from it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout.strip()

    try:
        head = git("rev-parse", "--short=10", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!docs")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return head + (" + uncommitted changes" if dirty else "")


def machine() -> str:
    """What the figures were measured on: CPU model, cores, memory, OS and Python, and how busy the machine was
    when the run started (the 1-minute load average: other work on shared cores slows every figure)."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(next(ln for ln in Path("/proc/meminfo").read_text().splitlines()
                      if ln.startswith("MemTotal")).split()[1])
        memory = f", {kb / 1024 / 1024:.1f} GB memory"
    except (OSError, StopIteration, ValueError):
        pass
    try:
        busy = f"; load average {os.getloadavg()[0]:.1f} when the run started"
    except (AttributeError, OSError):
        busy = ""
    return (f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
            f"Python {sys.version.split()[0]}{busy}")


def run_facts(root: Path, today: date | None = None) -> str:
    """The lines every figure section starts with: when, on which commit, on what machine."""
    return "\n".join([f"- 日期 · date: {(today or date.today()).isoformat()}",
                      f"- 提交 · commit: `{commit(root)}`",
                      f"- 机器 · machine: {machine()}"])
