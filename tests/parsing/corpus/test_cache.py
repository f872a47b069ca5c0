"""parsing/corpus/cache.py: the on-disk parse cache — reuse, invalidation by content and by parser version,
corruption, read-only and full disks. The folder / count_parses fixtures: tests/parsing/corpus/conftest.py."""

import shutil
from contextlib import contextmanager

import pytest
from conftest import DATA
from corpus_helpers import totals

import parsing.corpus.build as corpus_module
from parsing.corpus.build import load_corpus
from parsing.corpus.cache import ParseCache


def test_warm_load_parses_nothing_and_gives_the_same_records(folder, tmp_path, count_parses):
    cold = load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    assert len(count_parses) == 5
    warm = load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    assert len(count_parses) == 5
    assert [p.record.to_dict() for p in warm.reports] == [p.record.to_dict() for p in cold.reports]
    assert warm.text_of("002_31cc29bab18448a3.txt").startswith("2009年度政府信息公开工作报告")


def test_changed_and_added_files_are_the_only_ones_parsed(folder, tmp_path, count_parses):
    load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    path = folder / "003_dd0aca17394d444a.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("共57条", "共58条"), encoding="utf-8")
    shutil.copy(DATA / "000_b48a33d21bd5f171.txt", folder / "copy_of_000.txt")
    count_parses.clear()
    corpus = load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    assert count_parses == ["003_dd0aca17394d444a.txt"]  # the copy has known bytes: a duplicate, noted
    assert ("003_dd0aca17394d444a.txt", 58) in totals(corpus)
    assert any("copy_of_000.txt" in n and "只计一次" in n for n in corpus.notes)


def test_a_new_parser_version_invalidates_the_cache(folder, tmp_path, count_parses, monkeypatch):
    load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    monkeypatch.setattr(corpus_module, "parser_fingerprint", lambda: "999.0.0+0000")
    count_parses.clear()
    corpus = load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    assert len(count_parses) == 5
    assert any("解析器版本已更新" in n for n in corpus.notes)


def test_a_corrupt_cache_file_is_set_aside_and_rebuilt(folder, tmp_path, count_parses):
    load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    cache_file = tmp_path / "c" / ParseCache.FILE
    for extra in ("-wal", "-shm"):
        (tmp_path / "c" / (ParseCache.FILE + extra)).unlink(missing_ok=True)
    cache_file.write_bytes(b"this is not a database" * 100)
    count_parses.clear()
    corpus = load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    assert len(count_parses) == 5
    assert totals(corpus)[2] == ("002_31cc29bab18448a3.txt", 123)
    assert any("损坏" in n for n in corpus.notes)
    assert list((tmp_path / "c").glob(ParseCache.FILE + ".broken-*"))


def test_a_cache_row_of_another_shape_is_not_trusted(folder, tmp_path):
    load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    cache = ParseCache(tmp_path / "c", corpus_module.parser_fingerprint())
    cache.db.execute("UPDATE reports SET payload = ?", ('{"record": {"year": 1999}, "terms": {}}',))
    cache.db.commit()
    cache.close()
    corpus = load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    assert sorted(p.record.year for p in corpus.reports) == [2009, 2018, 2018, 2018, 2023]


def test_checks_are_read_from_the_cache_only_when_looked_at(tmp_path):
    import template_builder as tb

    from parsing.schema import LazyChecks

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "2021.txt").write_text(tb.report(), encoding="utf-8")
    (folder / "2022.txt").write_text(tb.report(year=2022, t2=tb.TABLE2_2022, t3=tb.table3_2022(),
                                               applications_said=21, penalties_said=98), encoding="utf-8")
    cold = load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    warm = load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    later = next(p.record for p in warm.reports if p.record.year == 2022)
    assert isinstance(later.checks, LazyChecks) and not later.checks.loaded
    from components.frame import to_frame

    frame = to_frame(warm)
    assert not later.checks.loaded  # building the app's table does not read them
    rules = {c["rule"]: c["status"] for c in later.checks}
    assert rules["跨年衔接（上年结转·总计列）"] == "PASS" and rules["表三勾稽关系（总计列）"] == "PASS"
    cold_later = next(p.record for p in cold.reports if p.record.year == 2022)
    assert list(later.checks) == cold_later.checks
    assert len(frame) == 2


def test_editing_a_vocabulary_file_reparses_the_affected_records(folder, tmp_path, count_parses, monkeypatch):
    """The documented way to extend the parser is to edit parsing/data/; the cache must notice."""
    from parsing.corpus import fingerprint
    from parsing.extract import channels as channels_module
    from parsing.pipeline import PARSER_VERSION

    data = tmp_path / "data"
    shutil.copytree(fingerprint.DATA, data)
    monkeypatch.setattr(channels_module, "DATA", data)
    monkeypatch.setattr(corpus_module, "parser_fingerprint", lambda: fingerprint.compute(PARSER_VERSION, data=data))
    channels_module.synonyms.cache_clear()
    channels_module._synonym_re.cache_clear()
    before = load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    zhangdian = next(p.record for p in before.reports if p.record.file.startswith("002"))
    assert "公众参与活动" not in zhangdian.channels

    with open(data / "channels.csv", "a", encoding="utf-8") as fh:  # a user adds a synonym
        fh.write("公众参与活动,专题会议\n")  # an artificial synonym, to see the edit take effect
    channels_module.synonyms.cache_clear()
    channels_module._synonym_re.cache_clear()
    count_parses.clear()
    after = load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    assert len(count_parses) == 5  # every record re-parsed, none served stale
    try:
        zhangdian = next(p.record for p in after.reports if p.record.file.startswith("002"))
        assert "公众参与活动" in zhangdian.channels  # 002 speaks of 专题会议 outside its problems part
    finally:
        channels_module.synonyms.cache_clear()
        channels_module._synonym_re.cache_clear()


def test_an_uncreatable_cache_folder_degrades_to_parsing_without_a_cache(folder, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    corpus = load_corpus([folder], cache_dir=blocker / "cache", workers=1)
    assert len(corpus.reports) == 5  # every record still there
    assert corpus.notes[0].startswith("缓存不可用，本次直接解析全部报告")


def test_a_valid_read_only_cache_is_still_read(folder, tmp_path, count_parses, monkeypatch):
    import os

    import parsing.corpus.cache as cache_module

    cache = tmp_path / "c"
    load_corpus([folder], cache_dir=cache, workers=1)
    before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    # CI runs as root, which ignores folder permissions: the folder is made read-only as the code sees it
    monkeypatch.setattr(cache_module.os, "access", lambda path, mode: mode != os.W_OK)
    count_parses.clear()
    (folder / "new.txt").write_text("2019年，我局主动公开政府信息12条。", encoding="utf-8")
    corpus = load_corpus([folder], cache_dir=cache, workers=1)
    assert count_parses == ["new.txt"] and len(corpus.reports) == 6  # the five come from the read-only cache
    assert any("只读" in n for n in corpus.notes)
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == before  # nothing written


def test_a_full_disk_keeps_the_cache_and_leaves_no_broken_copies(folder, tmp_path, monkeypatch):
    import sqlite3

    load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    (folder / "new.txt").write_text("2019年，我局主动公开政府信息12条。", encoding="utf-8")

    real = ParseCache._insert

    def full(self, rows):
        class Full:
            def executemany(self, *a):
                raise sqlite3.OperationalError("database or disk is full")

            def close(self):
                pass
        db, self.db = self.db, Full()
        try:
            return real(self, rows)
        finally:
            self.db = db

    monkeypatch.setattr(ParseCache, "_insert", full)
    corpus = load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    assert len(corpus.reports) == 6
    new = next(p.record for p in corpus.reports if p.record.file == "new.txt")
    assert new.proactive_total == 12
    assert isinstance(new.checks, list)  # not in the cache: its checks stay in memory, never read from it
    assert any("缓存无法写入" in n for n in corpus.notes)
    assert not list((tmp_path / "c").glob("*.broken-*"))


def test_the_checks_loader_reads_several_reports_at_once_as_it_reads_one(folder, tmp_path):
    from parsing.corpus.build import cache_key
    from parsing.corpus.cache import ChecksLoader, damaged_check

    corpus = load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    cache = ParseCache(tmp_path / "c", corpus_module.parser_fingerprint())
    loader = ChecksLoader(cache.path, cache.version)
    cache.close()
    keys = [cache_key(p.record.sha256, p.record.file) for p in corpus.reports]
    many = loader.many(keys + ["no-such-report"])
    assert set(many) == set(keys) | {"no-such-report"}
    assert all(many[k] == loader(k) for k in keys)
    assert many["no-such-report"] == [damaged_check("缓存中此报告的检查结果缺失或已损坏，已从缓存删除；下次加载时重新解析")]
    assert any(c["rule"].startswith("表三") for k in keys for c in many[k])  # the 2023 template report's


# ---- a cache that decodes but is wrong is never served, and heals: the CLI's output is --no-cache's, byte for byte

def _cli(capsys, *args) -> tuple[str, str]:
    """python -m parsing ARGS, as a run of its own: its connections to the cache closed when it ends."""
    import gc

    from parsing.cli import main

    main([*map(str, args)])
    gc.collect()
    out = capsys.readouterr()
    return out.out, out.err


@contextmanager
def _db(cache):
    """A connection that commits and is closed on leaving (sqlite3's own context manager leaves it open)."""
    import sqlite3

    db = sqlite3.connect(cache / ParseCache.FILE)
    try:
        with db:
            yield db
    finally:
        db.close()


def _settle(cache) -> None:
    """The database as a clean close leaves it: the WAL written back, the stamp that lets the next open skip its
    check (the cases below keep size and modification time, as a damaged disk does)."""
    with _db(cache) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ParseCache(cache, corpus_module.parser_fingerprint()).close()


def _template_key(cache) -> str:
    with _db(cache) as db:  # the 2023 template report: 52 checks, the longest row
        return db.execute("SELECT sha256 FROM reports ORDER BY length(checks) DESC LIMIT 1").fetchone()[0]


def _emptied(folder, cache):
    _settle(cache)
    for suffix in ("-wal", "-shm"):
        (cache / (ParseCache.FILE + suffix)).unlink(missing_ok=True)
    (cache / ParseCache.FILE).write_bytes(b"")


def _page_overwritten(folder, cache, figure: bool = True):
    """One 4 KiB page written again with one figure of one check changed (figure=False: one byte inside a Chinese
    character, which no longer decodes as UTF-8); size and modification time kept."""
    import os

    _settle(cache)
    path = cache / ParseCache.FILE
    with _db(cache) as db:
        checks = db.execute("SELECT checks FROM reports WHERE sha256=?", (_template_key(cache),)).fetchone()[0]
    raw = path.read_bytes()
    at = next(i for i in range(0, len(checks), 64) if raw.count(checks[i:i + 64].encode()) == 1
              and any("0" <= ch <= "9" for ch in checks[i:i + 64]) and not checks[i:i + 64].isascii())
    piece = checks[at:at + 64].encode()
    where = raw.index(piece)
    digit = where + next(i for i, b in enumerate(piece) if (48 <= b <= 57 if figure else b >= 0x80))
    page = digit // 4096 * 4096
    damaged = bytearray(raw[page:page + 4096])
    damaged[digit - page] = (ord("7") if raw[digit] != ord("7") else ord("8")) if figure else 0xFF
    info = path.stat()
    with open(path, "r+b") as fh:
        fh.seek(page)
        fh.write(bytes(damaged))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def _checks_wrong_shape(folder, cache):
    with _db(cache) as db:
        db.execute("UPDATE reports SET checks='{\"x\": 1}' WHERE sha256=?", (_template_key(cache),))


def _checks_wrong_shape_with_checksum(folder, cache):
    """The same, written by something that also updated the row's checksum: the shape check still refuses it."""
    from parsing.corpus.cache import digest_of

    key = _template_key(cache)
    with _db(cache) as db:
        payload, text = db.execute("SELECT payload, text FROM reports WHERE sha256=?", (key,)).fetchone()
        db.execute("UPDATE reports SET checks=?, digest=? WHERE sha256=?",
                   ('{"x": 1}', digest_of(payload, text, '{"x": 1}'), key))


def _meta_wrong_shape(folder, cache):
    import orjson

    for meta in (cache / "snapshots").glob("*/meta.json"):
        meta.write_bytes(orjson.dumps({"format": 6, "errors": 5, "notes": {"x": 1}, "epoch": 0}))


def _error_payload(folder, cache):
    """A row of one report saying it could not be read (as a stopped parse was once cached), its snapshot gone."""
    import shutil

    with _db(cache) as db:
        db.execute("UPDATE reports SET payload=? WHERE sha256=?", ('{"error": "解析超过 60 秒仍未完成，已停止"}',
                                                                   _template_key(cache)))
    shutil.rmtree(cache / "snapshots")


def _replaced(folder, cache):
    """The database put back as it was before the last file was added: the newest snapshot holds a report the
    database does not."""
    import shutil

    (folder / "004_b34427a2f19d7753.txt").rename(folder.parent / "held")
    shutil.rmtree(cache)
    load_corpus([folder], cache_dir=cache, workers=1)
    _settle(cache)
    shutil.copy(cache / ParseCache.FILE, folder.parent / "old.sqlite")
    (folder.parent / "held").rename(folder / "004_b34427a2f19d7753.txt")
    load_corpus([folder], cache_dir=cache, workers=1)
    _settle(cache)
    for suffix in ("-wal", "-shm"):
        (cache / (ParseCache.FILE + suffix)).unlink(missing_ok=True)
    shutil.copy(folder.parent / "old.sqlite", cache / ParseCache.FILE)


CACHE_DAMAGE = {  # case → (damage, a note the first run gives on stderr)
    "emptied-database": (_emptied, "缓存中的语料快照与缓存数据库不符"),
    "page-overwritten": (_page_overwritten, "缓存中有缺失或损坏的记录"),
    "byte-not-utf8": (lambda folder, cache: _page_overwritten(folder, cache, figure=False), "缓存中有缺失或损坏的记录"),
    "checks-wrong-shape": (_checks_wrong_shape, "缓存中有缺失或损坏的记录"),
    "checks-wrong-shape-with-checksum": (_checks_wrong_shape_with_checksum, "缓存中有缺失或损坏的记录"),
    "meta-wrong-shape": (_meta_wrong_shape, "缓存中的语料快照无法使用"),
    "error-payload": (_error_payload, "缓存中有 1 份报告的记录校验和不符"),
    "replaced-database": (_replaced, "缓存中的语料快照与缓存数据库不符"),
}


@pytest.mark.parametrize("case", list(CACHE_DAMAGE))
def test_a_damaged_cache_is_never_served_and_heals_on_the_next_run(case, folder, tmp_path, capsys):
    """Each damage once silently changed the output (checks emptied or altered) or stopped it with a traceback, on
    every later run. Now the first run after it prints what --no-cache prints and says what it found; the next run
    prints the same from the healed cache, with nothing to say."""
    damage, note = CACHE_DAMAGE[case]
    cache = tmp_path / "c"
    reference, _ = _cli(capsys, folder, "--no-cache")
    assert reference.count("\n") == 5 and '"rule": "表三勾稽关系（总计列）"' in reference
    assert _cli(capsys, folder, "--cache-dir", cache)[0] == reference
    damage(folder, cache)
    first, said = _cli(capsys, folder, "--cache-dir", cache)
    assert first == reference
    assert note in said
    healed, said = _cli(capsys, folder, "--cache-dir", cache)
    assert healed == reference
    assert "缓存" not in said


def _read_only(monkeypatch, cache) -> None:
    """The cache folder as a read-only file system shows it (CI runs as root, which writes anyway): not writable, and
    a database there opens only read-only (a usual open fails: it would create the WAL's -shm file beside it)."""
    import os
    import sqlite3

    import parsing.corpus.cache as cache_module

    real = sqlite3.connect

    def connect(database, *args, uri=False, **kwargs):
        if str(database).startswith(("file:" + str(cache), str(cache))) and not (uri and "mode=ro" in str(database)):
            raise sqlite3.OperationalError("unable to open database file")
        return real(database, *args, uri=uri, **kwargs)

    monkeypatch.setattr(cache_module.os, "access", lambda path, mode: mode != os.W_OK)
    monkeypatch.setattr(sqlite3, "connect", connect)


def test_a_read_only_cache_serves_whole_records_checks_included(folder, tmp_path, capsys, monkeypatch):
    """A valid cache in a read-only folder: every record's checks read as [] (their loader opened the file as a
    writable one, which failed, silently). Now the output is --no-cache's, and a file the cache does not hold is
    parsed, whole, without being stored."""
    cache = tmp_path / "c"
    (folder / "new.txt").write_text("2019年，我局主动公开政府信息12条。", encoding="utf-8")
    reference, _ = _cli(capsys, folder, "--no-cache")
    (folder / "new.txt").rename(tmp_path / "new.txt")
    _cli(capsys, folder, "--cache-dir", cache)
    _settle(cache)
    (tmp_path / "new.txt").rename(folder / "new.txt")
    before = {p.name: p.stat().st_mtime_ns for p in cache.rglob("*")}
    _read_only(monkeypatch, cache)
    out, said = _cli(capsys, folder, "--cache-dir", cache)
    assert out == reference and '"rule": "表三勾稽关系（总计列）"' in out
    assert "只读" in said
    assert {p.name: p.stat().st_mtime_ns for p in cache.rglob("*")} == before  # nothing written


def test_a_damaged_row_read_by_a_view_is_a_finding_and_is_parsed_again_next_load(folder, tmp_path):
    """The app reads checks when a view asks (质量检查, 文档): a damaged row answers with a finding that says so — never
    an empty list — and is dropped, with the snapshots leaning on it, so the next load parses that report again."""
    from parsing.corpus.cache import damaged_check

    cache = tmp_path / "c"
    reference = {p.record.file: list(p.record.checks) for p in load_corpus([folder], use_cache=False, workers=1).reports}
    load_corpus([folder], cache_dir=cache, workers=1)
    key = _template_key(cache)
    _checks_wrong_shape(folder, cache)
    warm = load_corpus([folder], cache_dir=cache, workers=1)
    template = next(p.record for p in warm.reports if p.record.file.startswith("004"))
    assert list(template.checks) == [damaged_check("缓存中此报告的检查结果缺失或已损坏，已从缓存删除；下次加载时重新解析")]
    assert not (cache / "snapshots").exists()
    with _db(cache) as db:
        assert db.execute("SELECT count(*) FROM reports WHERE sha256=?", (key,)).fetchone() == (0,)
    again = load_corpus([folder], cache_dir=cache, workers=1)
    assert {p.record.file: list(p.record.checks) for p in again.reports} == reference


def test_the_text_loader_reads_several_texts_at_once_as_it_reads_one(folder, tmp_path):
    from parsing.corpus.build import cache_key
    from parsing.corpus.cache import TextLoader

    corpus = load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    cache = ParseCache(tmp_path / "c", corpus_module.parser_fingerprint())
    loader = TextLoader(cache.path, cache.version)
    cache.close()
    keys = [cache_key(p.record.sha256, p.record.file) for p in corpus.reports]
    many = dict(loader.many(keys + ["no-such-report"], batch=2))  # three batches of at most two
    assert set(many) == set(keys) and len(keys) == 5
    assert all(many[k] == loader(k) and "年" in many[k] for k in keys)
    assert dict(TextLoader(tmp_path / "none" / "x.sqlite", cache.version).many(keys)) == {}  # no cache: nothing
