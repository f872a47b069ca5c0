"""parsing/corpus/sandbox.py: parses run in child processes with a time and a memory limit; a runaway
file is stopped and named, the others give the records a serial parse gives."""

from conftest import DATA


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


def test_workers_started_ahead_are_warmed_then_give_the_records_of_a_serial_parse():
    import multiprocessing

    from parsing.corpus.build import parse_payload
    from parsing.corpus.sandbox import Ahead, parse_supervised

    items = [(p.name, p.read_bytes()) for p in sorted(DATA.glob("*.txt"))]
    ahead = Ahead(2)
    assert parse_supervised(items, workers=2, ahead=ahead) == [parse_payload(item) for item in items]
    ahead.close()
    unused = Ahead(1)
    unused.close()  # never given a file: stopped at once, its warm-up not waited for
    assert multiprocessing.active_children() == []


def test_the_memory_cap_is_above_what_a_large_parent_already_maps():
    """A worker forked from the Streamlit server inherits gigabytes of mapped (unused) address space; a flat
    RLIMIT_AS below that made every upload fail with 内存超过上限. The cap counts from what is mapped."""
    import mmap

    from parsing.corpus.build import parse_payload
    from parsing.corpus.sandbox import parse_supervised

    reserve = mmap.mmap(-1, 3 * 1024 ** 3)  # 3 GiB of address space, never touched (no memory used)
    try:
        item = ("003.txt", (DATA / "003_dd0aca17394d444a.txt").read_bytes())
        assert parse_supervised([item], 1, seconds=60, memory_mb=512) == [parse_payload(item)]
    finally:
        reserve.close()


def _gc_state(item):
    import gc

    return {"error": f"gc={gc.isenabled()}"}, ""


def test_a_worker_forked_while_the_collector_is_paused_collects_as_usual(monkeypatch):
    import parsing.corpus.build as build
    from parsing.corpus.build import paused_gc
    from parsing.corpus.sandbox import parse_supervised

    monkeypatch.setattr(build, "parse_payload", _gc_state)  # forked: the worker sees this one
    with paused_gc():
        results = parse_supervised([("a.txt", b"x"), ("b.txt", b"y")], workers=2)
    assert [payload["error"] for payload, _text in results] == ["gc=True", "gc=True"]
