"""parsing/corpus/build.py: a corpus from many files — identical bytes counted once, two files for one
agency-year both kept and flagged, a parallel parse giving the serial parse's records."""

import os

import pytest
from conftest import DATA
from corpus_helpers import totals

from parsing.corpus.build import load_corpus, parse_many

SEED = (DATA / "002_31cc29bab18448a3.txt").read_bytes()


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


def test_parallel_parse_gives_the_same_records(folder, tmp_path):
    for i in range(45):  # enough distinct files to use the process pool
        text = (DATA / "002_31cc29bab18448a3.txt").read_text(encoding="utf-8").replace("123条", f"{200 + i}条")
        (folder / f"variant_{i:02d}.txt").write_text(text, encoding="utf-8")
    parallel = load_corpus([folder], use_cache=False, workers=2)
    serial = load_corpus([folder], use_cache=False, workers=1)
    assert totals(parallel) == totals(serial)
    assert ("variant_44.txt", 244) in totals(parallel)


def test_a_parallel_cached_load_gives_the_records_and_checks_of_a_serial_uncached_one(folder, tmp_path):
    """Workers hand over the checks as JSON text that goes into the cache undecoded; read back, they are the
    checks a serial parse makes (the 2023 template report has its 表三 sums)."""
    parallel = load_corpus([folder], cache_dir=tmp_path / "c", workers=2)
    serial = load_corpus([folder], use_cache=False, workers=1)
    records = [p.record.to_dict() for p in parallel.reports]
    assert records == [p.record.to_dict() for p in serial.reports]
    rules = {c["rule"] for r in records for c in r["checks"]}
    assert "表三勾稽关系（总计列）" in rules and "表三办理结果合计（总计列）" in rules


def test_a_warm_load_reads_no_report_file_and_a_changed_file_is_read_again(tmp_path, monkeypatch):
    import shutil

    import parsing.corpus.build as build

    folder, cache = tmp_path / "data", tmp_path / "cache"
    shutil.copytree(DATA, folder)
    cold = load_corpus([folder], cache_dir=cache, workers=1)
    reads = []
    real = build.read_report_bytes
    monkeypatch.setattr(build, "read_report_bytes", lambda path: reads.append(os.path.basename(path)) or real(path))
    warm = load_corpus([folder], cache_dir=cache, workers=1)
    assert reads == []  # every file known by its path, size, times and inode
    assert [r.record.to_dict() for r in warm.reports] == [r.record.to_dict() for r in cold.reports]
    assert totals(warm) == totals(cold)

    changed = folder / "003_dd0aca17394d444a.txt"  # 罗庄区 2018, 57 条: the same size, another figure
    changed.write_bytes(changed.read_bytes().replace("共57条".encode(), "共58条".encode()))
    again = load_corpus([folder], cache_dir=cache, workers=1)
    assert reads == ["003_dd0aca17394d444a.txt"]
    assert {r.record.file: r.record.proactive_total for r in again.reports}["003_dd0aca17394d444a.txt"] == 58


def test_a_file_gone_after_the_listing_is_named_and_the_rest_still_load(tmp_path, monkeypatch):
    import shutil

    import parsing.corpus.build as build

    folder, cache = tmp_path / "data", tmp_path / "cache"
    shutil.copytree(DATA, folder)
    load_corpus([folder], cache_dir=cache, workers=1)
    (folder / "extra.txt").write_bytes((folder / "003_dd0aca17394d444a.txt").read_bytes() + "。".encode())

    def vanish(path):  # deleted between the folder listing and the read
        raise FileNotFoundError(path)

    monkeypatch.setattr(build, "read_report_bytes", vanish)
    corpus = load_corpus([folder], cache_dir=cache, workers=1)
    assert [(e.file, e.reason) for e in corpus.errors] == [("extra.txt", "文件不存在")]
    assert len(corpus.reports) == 5  # the five known files come from the index and the cache


def test_two_empty_files_are_both_named_with_a_cache(tmp_path):
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_empty.txt").write_bytes(b"")
    for _ in range(2):  # cold, then warm (from the snapshot)
        corpus = load_corpus([folder], cache_dir=tmp_path / "cache", workers=1)
        assert [e.file for e in corpus.errors] == ["a_empty.txt", "b_empty.txt"] and len(corpus.reports) == 5


def _state(corpus):
    import orjson

    from components.frame import to_frame

    frame = to_frame(corpus)
    return ([orjson.dumps(p.record.to_dict()) for p in corpus.reports], corpus.errors,
            [n for n in corpus.notes if "缓存" not in n], {f: dict(t) for f, t in dict(corpus.terms).items()},
            [(r.file, r.agency_label, r.total_quality, len(r.checks), [c["rule"] for c in r.checks if c["status"] == "FAIL"])
             for r in frame.itertuples()])


def _change_conflict(folder):  # a second, different file for 罗庄区 2018: both get a 冲突 warning
    (folder / "zz_conflict.txt").write_bytes((folder / "003_dd0aca17394d444a.txt").read_bytes() + "。补充".encode())


def _change_new_agency(folder):
    text = (folder / "003_dd0aca17394d444a.txt").read_text(encoding="utf-8").replace("罗庄", "兰山")
    (folder / "zz_new.txt").write_text(text, encoding="utf-8")


def _change_remove(folder):
    (folder / "001_4faf77f426963b58.txt").unlink()


def _change_edit(folder):
    path = folder / "002_31cc29bab18448a3.txt"
    path.write_bytes(path.read_bytes().replace("共主动公开政府信息123条".encode(), "共主动公开政府信息124条".encode()))


def _change_year_before(folder):  # 江北水城 2022 beside its 2023 template report: checks between the years
    text = (folder / "004_b34427a2f19d7753.txt").read_text(encoding="utf-8").replace("2023", "2022")
    (folder / "zz_2022.txt").write_text(text, encoding="utf-8")


def _change_bad(folder):
    (folder / "zz_binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "zz_copy.txt").write_bytes((folder / "000_b48a33d21bd5f171.txt").read_bytes())  # a duplicate


@pytest.mark.parametrize("workers", [1, 2])  # 2: the new files go to worker processes, one started ahead
@pytest.mark.parametrize("change", [_change_conflict, _change_new_agency, _change_remove, _change_edit,
                                    _change_year_before, _change_bad])
def test_an_incremental_load_equals_a_fresh_parse(tmp_path, change, workers):
    import shutil

    from parsing.corpus.build import LazyReports

    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    cache = tmp_path / "cache"
    load_corpus([folder], cache_dir=cache, workers=workers)  # cold: writes the snapshot the next load starts from
    change(folder)
    incremental = load_corpus([folder], cache_dir=cache, workers=workers)
    assert isinstance(incremental.reports, LazyReports)  # came from the old snapshot plus the change
    assert _state(incremental) == _state(load_corpus([folder], use_cache=False, workers=1))
    assert _state(load_corpus([folder], cache_dir=cache, workers=1)) == _state(incremental)  # and warm again
    if change is _change_year_before:  # the checks between the two years are there, computed on the corpus
        checks = next(p.record.checks for p in incremental.reports if p.record.file.startswith("004"))
        assert any(c.get("scope") == "years" for c in checks)


def test_a_file_added_goes_to_the_worker_started_ahead_and_a_warm_load_leaves_no_worker(tmp_path, monkeypatch):
    """With a snapshot in the cache, a load starts one worker before it knows what changed (so that its
    ~0.4 s first-parse warm-up overlaps the listing): a warm load stops it unused, a load with one new file
    parses that file in it and starts no other."""
    import multiprocessing
    import shutil

    from parsing.corpus import sandbox

    folder, cache = tmp_path / "data", tmp_path / "cache"
    shutil.copytree(DATA, folder)
    load_corpus([folder], cache_dir=cache, workers=2)
    started: list[bool] = []
    real_init = sandbox._Slot.__init__

    def counting_init(self, context, memory_mb, split_checks=False, warm=False):
        started.append(warm)
        real_init(self, context, memory_mb, split_checks, warm)

    monkeypatch.setattr(sandbox._Slot, "__init__", counting_init)
    warm = load_corpus([folder], cache_dir=cache, workers=2)
    assert started == [True] and multiprocessing.active_children() == []
    assert len(warm.reports) == 5
    _change_new_agency(folder)
    started.clear()
    added = load_corpus([folder], cache_dir=cache, workers=2)
    assert started == [True] and multiprocessing.active_children() == []
    assert _state(added) == _state(load_corpus([folder], use_cache=False, workers=1))
    assert "兰山区" in {p.record.district for p in added.reports}


def test_another_folder_sharing_the_cache_starts_from_nothing_it_does_not_hold(tmp_path):
    import shutil

    one, other = tmp_path / "one", tmp_path / "other"
    shutil.copytree(DATA, one)
    other.mkdir()
    for path in sorted(DATA.glob("*.txt"))[:2]:
        shutil.copy(path, other / f"renamed_{path.name}")  # the same bytes under other names: no row is reused
    cache = tmp_path / "cache"
    load_corpus([one], cache_dir=cache, workers=1)
    shared = load_corpus([other], cache_dir=cache, workers=1)
    assert _state(shared) == _state(load_corpus([other], use_cache=False, workers=1))


def test_the_collector_is_paused_inside_and_comes_back_as_it_was():
    import gc

    from parsing.corpus.build import paused_gc

    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():  # nested: the inner block does not switch it back on early
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()
    try:
        with paused_gc():
            raise ValueError("a failing load")
    except ValueError:
        pass
    assert gc.isenabled()


def _slow_for(monkeypatch, prefix: str, seconds: float = 30) -> None:
    """parse_payload sleeps for files whose name starts with prefix; the worker processes, forked after this, do
    the same: the stand-in for a runaway file."""
    import time

    import parsing.corpus.build as build

    real = build.parse_payload

    def slow(item):
        if item[0].startswith(prefix):
            time.sleep(seconds)
        return real(item)

    monkeypatch.setattr(build, "parse_payload", slow)


def test_the_data_folder_is_parsed_in_the_supervised_worker_even_on_one_core(folder, tmp_path, monkeypatch):
    """One way to parse an untrusted file: the worker with its time limit, also where the machine has one core
    (there the load parsed in the server's own process, without any limit)."""
    import parsing.corpus.sandbox as sandbox

    _slow_for(monkeypatch, "slow")
    monkeypatch.setattr(sandbox, "TIME_LIMIT_S", 2.0)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    (folder / "slow.txt").write_text("2019年，我局主动公开政府信息12条。", encoding="utf-8")
    corpus = load_corpus([folder], cache_dir=tmp_path / "c")
    assert [(e.file, e.reason) for e in corpus.errors] == [
        ("slow.txt", "解析超过 2 秒仍未完成，已停止（文件可能过大、嵌套过深或已损坏）")]
    assert len(corpus.reports) == 5


def test_a_file_stopped_at_a_limit_is_tried_again_on_the_next_load(folder, tmp_path, monkeypatch):
    """A timeout is a limit of the moment (a busy machine), not the file's: never cached, so it does not hide the
    report for good."""
    import parsing.corpus.sandbox as sandbox

    (folder / "late.txt").write_text("2019年，我局主动公开政府信息12条。", encoding="utf-8")
    with monkeypatch.context() as patch:
        _slow_for(patch, "late")
        patch.setattr(sandbox, "TIME_LIMIT_S", 2.0)
        first = load_corpus([folder], cache_dir=tmp_path / "c", workers=2)
    assert [e.file for e in first.errors] == ["late.txt"]
    again = load_corpus([folder], cache_dir=tmp_path / "c", workers=2)
    assert again.errors == [] and ("late.txt", 12) in totals(again)
