"""Saving uploads: safe names, no overwriting, atomic writes, duplicates and conflicts in a corpus."""

import os

import pytest
from conftest import DATA

from parsing.corpus.build import parse_many
from parsing.corpus.store import safe_name, save_report

SEED = (DATA / "002_31cc29bab18448a3.txt").read_bytes()


@pytest.mark.parametrize(("raw", "expected"), [
    ("../../etc/passwd", "passwd.txt"),
    ("..\\..\\Windows\\system.ini", "system.ini.txt"),
    ("/abs/path/报告.txt", "报告.txt"),
    ("报告 2018 <script>.html", "报告_2018_script.html"),
    ("..", None), ("", None), (".hidden.txt", "hidden.txt"),
    ("a\x00b.pdf", "ab.pdf"),
])
def test_safe_name_never_leaves_the_folder(raw, expected):
    name = safe_name(raw, SEED)
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    if expected is None:
        assert name.startswith("report_") and name.endswith(".txt")
    else:
        assert name == expected


def test_save_writes_inside_the_folder_and_never_overwrites(tmp_path):
    (tmp_path / "passwd.txt").write_bytes(b"mine")
    path, created = save_report(tmp_path, "../../passwd.txt", SEED)
    assert created and path.parent == tmp_path and path.name == "passwd-1.txt"
    assert (tmp_path / "passwd.txt").read_bytes() == b"mine"
    assert path.read_bytes() == SEED
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".upload-")]


def test_saving_the_same_bytes_twice_writes_once(tmp_path):
    first, created = save_report(tmp_path, "a.txt", SEED)
    again, created_again = save_report(tmp_path, "b.txt", SEED)
    assert created and not created_again and again == first
    assert len(list(tmp_path.iterdir())) == 1


def test_a_failed_write_leaves_no_half_file(tmp_path, monkeypatch):
    def boom(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        save_report(tmp_path, "a.txt", SEED)
    assert list(tmp_path.iterdir()) == []


def test_same_file_twice_is_counted_once():
    corpus = parse_many([("a.txt", SEED), ("copy.txt", SEED)])
    assert len(corpus.reports) == 1
    assert corpus.notes == ["“copy.txt”与“a.txt”内容完全相同（sha256 相同），只计一次"]


def test_two_files_for_one_agency_and_year_are_both_kept_and_flagged():
    other = SEED.decode("utf-8").replace("123条", "124条").encode("utf-8")
    corpus = parse_many([("a.txt", SEED), ("b.txt", other)])
    assert [p.record.proactive_total for p in corpus.reports] == [123, 124]
    assert "冲突：与“b.txt”是同一机构同一年份的不同文件" in corpus.reports[0].record.warnings
    assert any("淄博市张店区安全生产监督管理局 2009年有 2 份不同的文件" in n for n in corpus.notes)


def test_not_a_report_gets_no_numbers_and_says_so():
    text = ("本文介绍如何种植番茄。番茄喜欢阳光，每天浇水一次，共种植123株，收获约50公斤。" * 6).encode("utf-8")
    corpus = parse_many([("tomato.txt", text)])
    record = corpus.reports[0].record
    assert record.proactive_total is None and record.applications_received is None
    assert any("看起来不是政府信息公开工作年度报告" in w for w in record.warnings)


def test_truncated_report_keeps_what_is_there_and_warns():
    text = SEED.decode("utf-8")
    cut = text[: text.index("三、依申请公开政府信息情况")].encode("utf-8")
    record = parse_many([("cut.txt", cut)]).reports[0].record
    assert record.proactive_total == 123 and record.year == 2009
    assert record.applications_received is None
    assert "未找到依申请公开的申请数量" in record.warnings
    assert "未找到“存在的问题及改进措施”部分" in record.warnings


def test_only_files_that_read_as_reports_can_be_saved():
    from parsing.corpus.store import refusal

    report = (DATA / "002_31cc29bab18448a3.txt").read_bytes()
    assert refusal("002.txt", report) is None
    assert refusal("junk.txt", bytes(range(256)) * 8).startswith("无法读取：")
    recipe = ("番茄炒蛋的做法：先把鸡蛋打散，加少许盐。番茄切块备用。锅中放油，倒入蛋液炒熟盛出。"
              "再放番茄翻炒出汁，加入鸡蛋，调味后出锅。这道菜酸甜可口，适合家常。" * 3).encode()
    assert refusal("recipe.txt", recipe) == "内容不是政府信息公开工作年度报告（没有该类报告的标志性用语）"


def test_a_removed_report_goes_to_the_trash_never_deleted(tmp_path):
    from parsing.corpus.store import move_to_trash

    (tmp_path / "a.txt").write_bytes(b"first")
    first = move_to_trash(tmp_path, "a.txt")
    (tmp_path / "a.txt").write_bytes(b"second")
    second = move_to_trash(tmp_path, "a.txt")
    assert not (tmp_path / "a.txt").exists()
    assert (first.read_bytes(), second.read_bytes()) == (b"first", b"second")  # nothing replaced
    assert first.parent == second.parent == tmp_path / ".trash"
    with pytest.raises(ValueError):
        move_to_trash(tmp_path, "../etc/passwd")


def test_two_sessions_saving_one_name_at_once_both_keep_their_file(tmp_path):
    import threading

    from parsing.corpus.store import save_report

    results = []
    barrier = threading.Barrier(8)

    def save(i: int) -> None:
        barrier.wait()
        results.append(save_report(tmp_path, "同名.txt", f"报告{i}".encode()))

    threads = [threading.Thread(target=save, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    paths = {p for p, created in results if created}
    assert len(paths) == 8  # eight distinct files, none lost, none overwritten
    assert sorted(p.read_bytes().decode() for p in paths) == sorted(f"报告{i}" for i in range(8))


def test_a_runaway_parse_is_stopped_with_a_reason(monkeypatch):
    """Uploads are parsed in a child process with a time and memory limit, never in the server."""
    import time

    from parsing.corpus import build as corpus_module
    from parsing.corpus.sandbox import parse_isolated

    def slow(item):
        time.sleep(30)
        return {"error": "never"}, ""

    monkeypatch.setattr(corpus_module, "parse_payload", slow)  # the forked child sees the patched function
    payload, text = parse_isolated(("slow.txt", b"x"), seconds=1)
    assert payload["error"].startswith("解析超过 1 秒仍未完成，已停止") and text == ""


def test_a_memory_hungry_parse_is_stopped(monkeypatch):
    from parsing.corpus import build as corpus_module
    from parsing.corpus.sandbox import parse_isolated

    def greedy(item):
        blocks = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GB
        return {"error": str(len(blocks))}, ""

    monkeypatch.setattr(corpus_module, "parse_payload", greedy)
    payload, _text = parse_isolated(("big.txt", b"x"), seconds=30, memory_mb=512)
    assert "内存" in payload["error"]


def test_an_isolated_parse_gives_the_same_record():
    from parsing.corpus.build import parse_payload
    from parsing.corpus.sandbox import parse_isolated

    item = ("002.txt", (DATA / "002_31cc29bab18448a3.txt").read_bytes())
    assert parse_isolated(item) == parse_payload(item)


def test_a_runaway_file_in_the_data_folder_is_stopped_and_the_rest_load(tmp_path, monkeypatch):
    """The data folder is parsed by supervised workers: the file that overruns its time is killed and
    named; every other report is still read, in order, by a fresh worker."""
    import time

    from parsing.corpus import build as corpus_module
    from parsing.corpus import sandbox

    real = corpus_module.parse_payload

    def sometimes_slow(item):
        if item[0].startswith("hang"):
            time.sleep(60)
        return real(item)

    for src in sorted(DATA.glob("*.txt"))[:3]:
        (tmp_path / src.name).write_bytes(src.read_bytes())
    (tmp_path / "hang.txt").write_bytes("某某局2020年政府信息公开工作年度报告".encode())
    monkeypatch.setattr(corpus_module, "parse_payload", sometimes_slow)
    monkeypatch.setattr(sandbox, "TIME_LIMIT_S", 2.0)
    started = time.monotonic()
    corpus = corpus_module.load_corpus([tmp_path], use_cache=False, workers=2)
    assert time.monotonic() - started < 30
    assert [e.file for e in corpus.errors] == ["hang.txt"]
    assert corpus.errors[0].reason.startswith("解析超过 2 秒仍未完成，已停止")
    assert sorted(p.record.file for p in corpus.reports) == [p.name for p in sorted(DATA.glob("*.txt"))[:3]]


def test_supervised_workers_give_the_records_of_a_serial_parse():
    from parsing.corpus.build import parse_payload
    from parsing.corpus.sandbox import parse_supervised

    items = [(p.name, p.read_bytes()) for p in sorted(DATA.glob("*.txt"))]
    assert parse_supervised(items, workers=2) == [parse_payload(item) for item in items]
