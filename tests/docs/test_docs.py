"""The docs say what the code does now: each list below is read from the code, and a tab, a record field, a
checklist rule, a URL parameter, a module or a limit added without its line in docs/ fails here.

The field and rule tables of docs/字段与规则.md are generated: `UPDATE_DOCS=1 pytest tests/docs` rewrites
them from parsing/schema.py and parsing/data/rules.toml (the rest of the page is left alone)."""

from __future__ import annotations

import ast
import os
import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import docs_page  # noqa: E402

DOCS = ROOT / "docs"
PAGES = ["用户指南", "字段与规则", "准确率", "性能", "可靠性", "架构"]
GUIDE = DOCS / "用户指南.md"
FIELDS_PAGE = DOCS / "字段与规则.md"
ARCHITECTURE = DOCS / "架构.md"
RELIABILITY = DOCS / "可靠性.md"
README = ROOT / "README.md"


def page(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- what the code has

def tab_labels(source: str) -> list[str]:
    """The tabs app.py draws, in order, from its st.tabs([...]) call: a label held in a variable built by an
    f-string (问题清单 with its count badge) counts by its text before the first placeholder."""
    tree = ast.parse(source)
    assigned = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    names = assigned.get("TAB_NAMES")  # the tabs' names kept apart from their labels (badges never in URLs)
    if isinstance(names, ast.List) and all(isinstance(e, ast.Constant) for e in names.elts):
        return [e.value for e in names.elts]
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
             and n.func.attr == "tabs" and n.args and isinstance(n.args[0], ast.List)]
    assert len(calls) == 1, f"expected one st.tabs([...]) call in app.py, found {len(calls)}"
    labels = []
    for elt in calls[0].args[0].elts:
        node = assigned.get(elt.id) if isinstance(elt, ast.Name) else elt
        if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            node = node.values[0]
        assert isinstance(node, ast.Constant) and isinstance(node.value, str), \
            f"app.py line {elt.lineno}: a tab label this test cannot read; give it a literal name"
        labels.append(node.value.split()[0])
    return labels


def _strings(node: ast.AST | None, consts: dict[str, list[str]]) -> list[str] | None:
    if isinstance(node, ast.Tuple | ast.List | ast.Set) and node.elts and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
        return [e.value for e in node.elts]
    if isinstance(node, ast.Name):
        return consts.get(node.id)
    return None


def url_params(sources: dict[str, str]) -> tuple[set[str], list[str]]:
    """The URL parameters the app reads or writes: every key given to st.query_params (subscript, get, get_all,
    pop, del), a widget bound to the URL (bind="query-params", key=…), and a key passed through a helper's
    parameter (chosen_part(key, "kw", …)) or a loop over a tuple of names (for name in FILTER_PARAMS).
    Returns (keys, places it could not read): an unreadable place fails the docs test, so no key slips by."""
    trees = {name: ast.parse(src) for name, src in sources.items()}
    consts: dict[str, list[str]] = {}
    for tree in trees.values():
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                values = _strings(node.value, {})
                if values:
                    consts[node.targets[0].id] = values
    keys: set[str] = set()
    unread: list[str] = []
    forwarded: list[tuple[str, int, str, str]] = []  # (function, position, parameter, where)

    def is_params(node: ast.AST) -> bool:
        return isinstance(node, ast.Attribute) and node.attr == "query_params"

    def scan_scope(name: str, scope: ast.AST) -> None:
        params = [a.arg for a in scope.args.args] if not isinstance(scope, ast.Module) else []
        loops = {t.id: n.iter for n in ast.walk(scope) if isinstance(n, ast.For | ast.comprehension)
                 for t in [n.target] if isinstance(t, ast.Name)}
        inner = {id(n) for s in ast.walk(scope) if s is not scope
                 and isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef) for n in ast.walk(s)}

        def key(node: ast.AST, where: str) -> None:
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                keys.add(node.value)
            elif isinstance(node, ast.Name) and node.id in loops and _strings(loops[node.id], consts):
                keys.update(_strings(loops[node.id], consts))
            elif isinstance(node, ast.Name) and node.id in params:
                forwarded.append((scope.name, params.index(node.id), node.id, where))
            else:
                unread.append(where)

        for node in ast.walk(scope):
            if id(node) in inner:
                continue  # read in its own scope
            where = f"{name}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Subscript) and is_params(node.value):
                key(node.slice, where)
            elif isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Attribute) and is_params(func.value):
                    if func.attr in ("get", "get_all", "pop", "setdefault") and node.args:
                        key(node.args[0], where)
                    elif func.attr not in ("clear", "to_dict", "keys", "items", "values"):
                        unread.append(where)
                for kw in node.keywords:
                    if kw.arg == "bind" and isinstance(kw.value, ast.Constant) and kw.value.value == "query-params":
                        bound = next((k.value for k in node.keywords if k.arg == "key"), None)
                        if bound is None:
                            unread.append(where)
                        else:
                            key(bound, where)
            elif isinstance(node, ast.Compare) and any(is_params(c) for c in node.comparators):
                key(node.left, where)

    for name, tree in trees.items():
        for scope in [tree] + [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]:
            scan_scope(name, scope)
    for function, position, parameter, where in forwarded:
        calls = [n for tree in trees.values() for n in ast.walk(tree) if isinstance(n, ast.Call)
                 and getattr(n.func, "id", getattr(n.func, "attr", None)) == function]
        if not calls:
            unread.append(f"{where} ({function}() is never called)")
        for call in calls:
            arg = call.args[position] if len(call.args) > position else next(
                (k.value for k in call.keywords if k.arg == parameter), None)
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                keys.add(arg.value)
            else:
                unread.append(f"{where} (a call of {function}() whose {parameter} is not a literal)")
    return keys, unread


def app_sources() -> dict[str, str]:
    files = [ROOT / "app.py", *sorted((ROOT / "components").rglob("*.py"))]
    return {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in files}


def section(text: str, heading: str) -> str:
    """The part of a page under the level-2 heading that starts with heading, up to the next level-2 heading."""
    match = re.search(rf"^## {re.escape(heading)}.*?$(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"no '## {heading}' heading"
    return match.group(1)


def first_column(text: str) -> list[str]:
    """The first cell of every table row (header and rule rows left out), without backticks."""
    cells = [line.split("|")[1].strip() for line in text.splitlines() if line.startswith("| ")]
    return [c.strip("`") for c in cells if c and not set(c) <= {"-", ":"}][1:] if cells else []


# --------------------------------------------------------------------------- the readers of the code, tested

def test_tab_labels_are_read_from_the_tabs_call_including_a_badged_name():
    source = ('import streamlit as st\nbadge = f"问题清单 :red-badge[{n}]"\n'
              'tabs = st.tabs(["总览", "公开渠道", badge, "数据"], key="tab")\n')
    assert tab_labels(source) == ["总览", "公开渠道", "问题清单", "数据"]
    with pytest.raises(AssertionError, match="line 3: a tab label this test cannot read"):
        tab_labels('import streamlit as st\ntabs = st.tabs(["总览",\n name()])\n')


def test_url_params_are_read_through_literals_helpers_loops_and_bound_widgets():
    sources = {"a.py": (
        "import streamlit as st\n"
        "NAMES = ('province', 'city')\n"
        "def part(key, param):\n    return st.query_params.get(param)\n"
        "def draw():\n"
        "    part('k', 'kw')\n"
        "    st.query_params['doc'] = 'x'\n"
        "    st.query_params.pop('ev', None)\n"
        "    for name in NAMES:\n        del st.query_params[name]\n"
        "    '、'.join(st.query_params.get_all(k) for k in ('year_from', 'format'))\n"
        "    if 'present' in st.query_params:\n        pass\n"
        "    st.tabs(['a'], key='tab', bind='query-params')\n")}
    keys, unread = url_params(sources)
    assert keys == {"province", "city", "kw", "doc", "ev", "year_from", "format", "present", "tab"}
    assert unread == []
    keys, unread = url_params({"b.py": "import streamlit as st\nst.query_params[make()] = 1\n"
                                       "st.query_params.update({'q': 1})\n"})
    assert (keys, unread) == (set(), ["b.py:2", "b.py:3"])


def test_the_app_tabs_and_url_params_are_all_readable():
    assert tab_labels(page(ROOT / "app.py"))[0] == "总览"
    keys, unread = url_params(app_sources())
    assert unread == [], f"query_params used in a way the docs test cannot read: {unread}"
    assert {"tab", "present", "province", "doc"} <= keys


# --------------------------------------------------------------------------- the docs against the code

def test_every_page_exists_and_the_readme_links_to_each():
    readme = page(README)
    for name in PAGES:
        assert (DOCS / f"{name}.md").is_file(), f"docs/{name}.md is missing"
        assert f"](docs/{name}.md)" in readme, f"README does not link to docs/{name}.md"


def test_the_readme_is_a_front_door_of_at_most_150_lines():
    lines = page(README).splitlines()
    assert len(lines) <= 150, f"README.md has {len(lines)} lines; move detail into docs/"
    text = "\n".join(lines)
    assert "pip install -r requirements.txt && streamlit run app.py" in text
    assert "pip install -r requirements-dev.txt && pytest" in text


def test_the_guide_has_a_section_for_every_tab_in_the_app_order():
    tabs = tab_labels(page(ROOT / "app.py"))
    part = section(page(GUIDE), "页面")
    headings = [h.split(" ·")[0].strip() for h in re.findall(r"^### (.+)$", part, re.M)]
    assert headings == tabs, f"docs/用户指南.md '## 页面' headings {headings} ≠ the app's tabs {tabs}"


def test_the_guide_lists_every_url_parameter_and_no_other():
    keys, unread = url_params(app_sources())
    assert unread == []
    listed = first_column(section(page(GUIDE), "网址参数"))
    missing = sorted(keys - set(listed))
    stale = sorted(set(listed) - keys)
    assert (missing, stale) == ([], []), (
        f"docs/用户指南.md '## 网址参数': add a line for {missing}; remove {stale} (no longer in the code)")
    assert len(listed) == len(set(listed)), "a parameter is listed twice"


def _generated(name: str, text: str) -> str | None:
    """The page's generated section, rewritten first under UPDATE_DOCS=1."""
    if os.environ.get("UPDATE_DOCS"):
        docs_page.write_section(FIELDS_PAGE, name, text)
    return docs_page.read_section(FIELDS_PAGE, name)


def test_the_field_table_is_generated_from_fields():
    from parsing.schema import FIELDS, field_table

    shown = _generated("fields", field_table())
    assert shown is not None, "docs/字段与规则.md has no <!-- fields:start --> section"
    listed = first_column(shown)
    assert listed == [f.name for f in FIELDS], "docs/字段与规则.md lists other fields than FIELDS"
    assert shown == field_table(), "docs/字段与规则.md's field table is out of step: UPDATE_DOCS=1 pytest tests/docs"


def test_the_rule_table_is_generated_from_rules_toml():
    from parsing.template.checklist import rule_table, rules

    shown = _generated("rules", rule_table())
    assert shown is not None, "docs/字段与规则.md has no <!-- rules:start --> section"
    assert first_column(shown) == [r["id"] for r in rules()], "docs/字段与规则.md lists other rules than rules.toml"
    assert shown == rule_table(), "docs/字段与规则.md's rule table is out of step: UPDATE_DOCS=1 pytest tests/docs"


def test_the_command_line_points_to_the_fields_page():
    from parsing.cli import EPILOG

    assert "see docs/字段与规则.md for each field's meaning" in EPILOG and FIELDS_PAGE.is_file()


def test_the_channel_vocabulary_and_every_data_file_are_on_the_fields_page():
    from parsing.extract.channels import CHANNELS

    text = page(FIELDS_PAGE)
    assert "、".join(CHANNELS) in text, "docs/字段与规则.md: the channel list differs from parsing/extract/channels.py"
    files = sorted(p.name for p in (ROOT / "parsing" / "data").iterdir() if p.is_file())
    listed = first_column(section(text, "词表"))
    assert sorted(listed) == files, f"docs/字段与规则.md '## 词表' lists {listed}; parsing/data/ has {files}"


def test_the_architecture_page_says_where_each_field_is_read_and_which_test_pins_it():
    from parsing.schema import FIELDS

    rows = {}
    for line in section(page(ARCHITECTURE), "字段从哪里来").splitlines():
        cells = [c.strip() for c in line.split("|")[1:-1]]
        if len(cells) == 3 and cells[0].startswith("`"):
            for name in re.findall(r"`(\w+)`", cells[0]):
                rows[name] = (re.findall(r"`([\w/.]+\.py)`", cells[1]), re.findall(r"`([\w/.]+\.py)`", cells[2]))
    assert list(rows) == [f.name for f in FIELDS], "docs/架构.md '## 字段从哪里来' must have each field, in order"
    for name, (modules, tests) in rows.items():
        assert modules and tests, f"{name}: name the module that reads it and the test that pins it"
        for path in modules + tests:
            assert (ROOT / path).is_file(), f"{name}: {path} does not exist"
        assert any(name in page(ROOT / t) for t in tests), f"{name}: none of {tests} mentions it"


def test_the_architecture_page_names_every_module():
    text = page(ARCHITECTURE)
    modules = sorted(p.relative_to(ROOT).as_posix() for pkg in ("parsing", "components")
                     for p in (ROOT / pkg).rglob("*.py") if p.name != "__init__.py")
    missing = [m for m in modules if f"`{m}`" not in text]
    assert missing == [], f"docs/架构.md does not name {missing}: give each module its line"


def test_the_reliability_page_states_the_limits_the_code_sets():
    from parsing.corpus import sandbox
    from parsing.corpus.files import DEFAULT_MAX_MB
    from parsing.readers.docx import MAX_RATIO, MAX_UNPACKED_MB
    from parsing.readers.html import MAX_NESTING
    from parsing.readers.pdf import MAX_PDF_PAGES

    rows = {first: line for line in page(RELIABILITY).splitlines() if line.startswith("| ")
            for first in [line.split("|")[1].strip()]}
    expected = {"文件大小 · file size": f"{DEFAULT_MAX_MB} MB",
                "解析时间 · parse time": f"{sandbox.TIME_LIMIT_S:g} s",
                "解析内存 · parse memory": f"{sandbox.MEMORY_LIMIT_MB:,} MB",
                "PDF 页数 · PDF pages": f"{MAX_PDF_PAGES} pages",
                "Word 解压 · .docx unpacked": f"{MAX_UNPACKED_MB} MB",
                "Word 压缩比 · .docx ratio": f"{MAX_RATIO}×",
                "网页嵌套 · HTML nesting": f"{MAX_NESTING} levels"}
    for limit, value in expected.items():
        assert limit in rows, f"docs/可靠性.md has no row '| {limit} |'"
        assert f"| {value} |" in rows[limit], f"docs/可靠性.md: {limit} should read {value}: {rows[limit]}"
    config = page(ROOT / ".streamlit" / "config.toml")
    assert re.search(rf"maxUploadSize\s*=\s*{DEFAULT_MAX_MB}\b", config), "the upload limit and the file limit differ"


def test_every_image_and_link_in_the_docs_exists():
    for path in [README, *sorted(DOCS.glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page(path)):
            if target.startswith(("http://", "https://")):
                continue
            assert (path.parent / target).exists(), f"{path.relative_to(ROOT)} links to {target}, which is missing"


def guide_shots() -> list[str]:
    """The screenshot names tests/browser/test_browser.py takes for the docs (its GUIDE_SHOTS), read without
    importing it (it needs Playwright)."""
    tree = ast.parse(page(ROOT / "tests" / "browser" / "test_browser.py"))
    found = [node.value for node in tree.body if isinstance(node, ast.Assign)
             and any(isinstance(t, ast.Name) and t.id == "GUIDE_SHOTS" for t in node.targets)]
    assert len(found) == 1 and isinstance(found[0], ast.Dict), "tests/browser/test_browser.py has no GUIDE_SHOTS"
    return [k.value for k in found[0].keys]


def test_every_screenshot_in_the_docs_is_taken_by_the_browser_tests():
    shown = {target for path in [README, *DOCS.glob("*.md")]
             for target in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", page(path))}
    names = {Path(t).stem for t in shown}
    assert all(Path(t).parent.name == "images" for t in shown), f"images outside docs/images/: {shown}"
    assert names == set(guide_shots()), (
        f"shown but not taken by test_guide_screenshot: {sorted(names - set(guide_shots()))}; "
        f"taken but not shown: {sorted(set(guide_shots()) - names)}")
    stray = sorted(p.name for p in DOCS.rglob("*.png") if p.stem not in names or p.parent.name != "images")
    assert stray == [], f"images in docs/ that no page shows: {stray}"


def test_the_figure_pages_hold_a_section_written_by_their_script():
    for path, name, script in ((DOCS / "准确率.md", "real_accuracy", "bench/real_accuracy.py"),
                               (DOCS / "性能.md", "scale_bench", "bench/scale_bench.py")):
        shown = docs_page.read_section(path, name)
        assert shown is not None, f"{path.name}: run {script} --markdown {path.relative_to(ROOT)}"
        assert re.match(r"- 日期 · date: \d{4}-\d\d-\d\d\n- 提交 · commit: `[0-9a-f]{10}", shown), shown[:200]
        assert "- 机器 · machine: " in shown


HISTORY = re.compile(r"\bsession\s*\d|\bsessions?\s+(?:[0-9]|one|two|three)|\bbefore\s*→\s*after\b|"
                     r"\bin an earlier run\b|第\s*\d+\s*轮", re.I)


def test_the_docs_tell_no_history():
    """What changed and why lives in commit messages; the docs say what is true now."""
    for path in [README, *sorted(DOCS.glob("*.md"))]:
        text = page(path)
        found = HISTORY.findall(text)
        assert found == [], f"{path.relative_to(ROOT)}: {found}"
        for line in text.splitlines():
            if re.search(r"session", line, re.I):
                assert re.search(r"浏览器会话|browser session|session_state|Streamlit session", line), \
                    f"{path.relative_to(ROOT)}: 'session' outside Streamlit's browser sessions: {line}"
