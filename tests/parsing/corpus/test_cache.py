"""parsing/corpus/cache.py: the on-disk parse cache — reuse, invalidation by content and by parser version,
corruption, read-only and full disks. The folder / count_parses fixtures: tests/parsing/corpus/conftest.py."""

import shutil

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
    from parsing.corpus.cache import ChecksLoader

    corpus = load_corpus([folder], cache_dir=tmp_path / "c", workers=1)
    cache = ParseCache(tmp_path / "c", corpus_module.parser_fingerprint())
    loader = ChecksLoader(cache.path, cache.version)
    cache.close()
    keys = [cache_key(p.record.sha256, p.record.file) for p in corpus.reports]
    many = loader.many(keys + ["no-such-report"])
    assert set(many) == set(keys)
    assert all(many[k] == loader(k) for k in keys)
    assert any(c["rule"].startswith("表三") for k in keys for c in many[k])  # the 2023 template report's


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
