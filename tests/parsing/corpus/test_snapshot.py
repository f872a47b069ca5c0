"""parsing/corpus/snapshot.py: a warm load reads the corpus from Parquet (no record objects, no JSON decoded)
and gives exactly the records, frame, terms and texts of a fresh parse; any change of the folder, the parser or
the cache leads back to the slower path, never to stale records."""

import shutil

import orjson
import pandas as pd
import pytest
from conftest import DATA

from components.frame import to_frame
from parsing.corpus import snapshot as snapshots
from parsing.corpus.build import LazyReports, load_corpus
from parsing.corpus.snapshot import JsonDict, snapshot_key
from parsing.schema import LoadError, check_outcomes


def _same(x, y) -> bool:
    missing = [v is None or v is pd.NA or (isinstance(v, float) and v != v) for v in (x, y)]
    return all(missing) if any(missing) else x == y


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def test_a_warm_load_is_the_snapshot_and_equals_a_fresh_parse(folder, tmp_path):
    cache = tmp_path / "cache"
    fresh = load_corpus([folder], use_cache=False, workers=1)
    load_corpus([folder], cache_dir=cache, workers=1)  # cold: parses, writes the cache and the snapshot
    warm = load_corpus([folder], cache_dir=cache, workers=1)
    assert isinstance(warm.reports, LazyReports) and warm.snapshot is not None
    assert len(warm.reports) == 5 and not warm.reports.loaded  # counting does not rebuild the records

    a, b = to_frame(fresh), to_frame(warm)
    assert not warm.reports.loaded  # the frame came from the columns
    assert list(a.columns) == list(b.columns) and dict(a.dtypes) == dict(b.dtypes)
    for column in a.columns:
        assert all(_same(x, y) for x, y in zip(a[column], b[column], strict=True)), column
    row = b[b["file"] == "003_dd0aca17394d444a.txt"].iloc[0]
    assert (row["agency"], row["year"], row["proactive_total"]) == ("临沂市罗庄区安全生产监督管理局", 2018, 57)
    assert isinstance(row["evidence"], JsonDict) and "57条" in row["evidence"]["proactive_total"]["text"]

    assert dict(warm.terms) == dict(fresh.terms)
    assert warm.text_of("003_dd0aca17394d444a.txt") == fresh.text_of("003_dd0aca17394d444a.txt")
    # the very same records, down to their types (a float field holding 0 prints as 0, not 0.0)
    assert [orjson.dumps(p.record.to_dict()) for p in warm.reports] == [
        orjson.dumps(p.record.to_dict()) for p in fresh.reports]


def test_a_changed_folder_misses_the_snapshot_and_gets_a_new_one(folder, tmp_path):
    cache = tmp_path / "cache"
    load_corpus([folder], cache_dir=cache, workers=1)
    (folder / "004_b34427a2f19d7753.txt").unlink()  # one report taken out
    changed = load_corpus([folder], cache_dir=cache, workers=1)  # the old snapshot minus that report
    assert isinstance(changed.reports, LazyReports) and len(changed.reports) == 4
    again = load_corpus([folder], cache_dir=cache, workers=1)
    assert isinstance(again.reports, LazyReports) and len(again.reports) == 4
    assert len(list((cache / "snapshots").iterdir())) == 2


def test_unreadable_files_and_notes_come_back_with_the_snapshot(folder, tmp_path):
    cache = tmp_path / "cache"
    (folder / "empty.txt").write_bytes(b"")
    shutil.copy(folder / "003_dd0aca17394d444a.txt", folder / "copy.txt")  # the same bytes twice
    cold = load_corpus([folder], cache_dir=cache, workers=1)
    warm = load_corpus([folder], cache_dir=cache, workers=1)
    assert isinstance(warm.reports, LazyReports)
    assert warm.errors == cold.errors and [e.file for e in warm.errors] == ["empty.txt"]
    assert warm.notes == cold.notes and any("内容完全相同" in n for n in warm.notes)


@pytest.mark.parametrize(("other", "same"), [
    (("fp", [("a.txt", "k1"), ("b.txt", "k2")], []), True),  # the order of the listing does not matter
    (("fp2", [("a.txt", "k1"), ("b.txt", "k2")], []), False),  # another parser
    (("fp", [("a.txt", "k1"), ("b.txt", "k3")], []), False),  # changed contents
    (("fp", [("a.txt", "k1"), ("c.txt", "k2")], []), False),  # renamed
    (("fp", [("a.txt", "k1"), ("b.txt", "k2")], [LoadError("x.txt", "文件为空")]), False),  # an unreadable file
    (("fp", [("a.txt", "k1"), ("b.txt", "k2")], [], "another layout"), False),  # snapshot.py changed
])
def test_the_key_covers_parser_names_contents_and_unreadable_files(other, same):
    base = snapshot_key("fp", [("b.txt", "k2"), ("a.txt", "k1")], [])
    assert (snapshot_key(*other) == base) is same


def test_a_damaged_snapshot_is_removed_and_the_load_takes_the_slow_path(folder, tmp_path):
    cache = tmp_path / "cache"
    load_corpus([folder], cache_dir=cache, workers=1)
    (snapshot,) = (cache / "snapshots").iterdir()
    (snapshot / "records.parquet").write_bytes(b"not parquet")
    corpus = load_corpus([folder], cache_dir=cache, workers=1)
    assert len(corpus.reports) == 5 and corpus.snapshot._source is None  # from the cache rows, not a file
    assert snapshots.read(cache, snapshot.name) is not None  # and written again, whole


def test_a_rebuilt_or_outdated_cache_drops_the_snapshots(folder, tmp_path, monkeypatch):
    import parsing.corpus.build as build

    cache = tmp_path / "cache"
    load_corpus([folder], cache_dir=cache, workers=1)
    (before,) = (cache / "snapshots").iterdir()
    monkeypatch.setattr(build, "parser_fingerprint", lambda: "another-parser")
    corpus = load_corpus([folder], cache_dir=cache, workers=1)
    assert any("解析器版本已更新" in n for n in corpus.notes)
    (after,) = (cache / "snapshots").iterdir()  # the old one dropped, the new parser's written
    assert after.name != before.name and corpus.snapshot.path == after and len(corpus.reports) == 5


def test_a_json_field_reads_as_the_dict_it_holds():
    value = JsonDict('{"表三": {"rows": {"总计": [1, 2]}}}')
    assert value == {"表三": {"rows": {"总计": [1, 2]}}} and {"表三": {"rows": {"总计": [1, 2]}}} == value
    assert "表三" in value and value["表三"]["rows"]["总计"] == [1, 2] and len(value) == 1
    assert value.get("表四") is None and not JsonDict("{}") and list(value) == ["表三"]


def test_a_warm_frame_reads_the_big_columns_only_when_a_view_asks(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(snapshots, "ROW_GROUP", 2)  # five reports in three row groups: rows 0-1, 2-3, 4
    cache = tmp_path / "cache"
    fresh = load_corpus([folder], use_cache=False, workers=1)
    load_corpus([folder], cache_dir=cache, workers=1)
    warm = load_corpus([folder], cache_dir=cache, workers=1)
    frame = to_frame(warm)
    assert warm.snapshot._lazy == {} and warm.snapshot._groups == {}  # evidence, tables, checks: not read yet
    assert warm.snapshot._group_starts == [0, 2, 4]
    assert set(snapshots.LAZY) == {"evidence", "tables", "year_checks", "outcomes", "check_rules", "check_results"}
    shutil.rmtree(cache / "snapshots")  # pruned by another load meanwhile: the mapped file is still read
    row = frame[frame["file"] == "003_dd0aca17394d444a.txt"].iloc[0]
    assert row["evidence"]["proactive_total"]["text"].count("57条") == 1
    stored_row = warm.snapshot.rows_array(["003_dd0aca17394d444a.txt"])[0].as_py()
    assert warm.snapshot._lazy == {}  # one report's evidence reads its row group only
    assert set(warm.snapshot._groups) == {("evidence", stored_row // 2)}
    by_file = {p.record.file: p.record.to_dict() for p in fresh.reports}
    for file, evidence, tables, checks in zip(frame["file"], frame["evidence"], frame["tables"], frame["checks"],
                                              strict=True):
        assert evidence == by_file[file]["evidence"] and tables == by_file[file]["tables"]
        assert check_outcomes(checks) == check_outcomes(by_file[file]["checks"])  # from the stored summary
        assert list(checks) == list(by_file[file]["checks"])
    assert {name for name, _group in warm.snapshot._groups} == {"evidence", "tables", "year_checks", "outcomes"}
    assert len(warm.snapshot._groups) == 4 * 3
    assert warm.snapshot.column("evidence").to_pylist() == [  # the whole column, when asked, replaces its groups
        warm.snapshot.cell("evidence", i) for i in range(5)]
    assert "evidence" in warm.snapshot._lazy and ("evidence", 0) not in warm.snapshot._groups


def test_a_damaged_big_column_is_no_half_snapshot(folder, tmp_path):
    """A snapshot whose columns are not this version's is not read (its small columns alone would not do)."""
    import pyarrow.parquet as pq

    cache = tmp_path / "cache"
    load_corpus([folder], cache_dir=cache, workers=1)
    (snapshot,) = (cache / "snapshots").iterdir()
    table = pq.read_table(snapshot / "records.parquet")
    pq.write_table(table.drop_columns(["evidence"]), snapshot / "records.parquet")
    assert snapshots.read(cache, snapshot.name) is None and not snapshot.exists()
    corpus = load_corpus([folder], cache_dir=cache, workers=1)
    assert len(corpus.reports) == 5 and snapshots.read(cache, snapshot.name) is not None


def test_a_cold_load_is_served_from_the_snapshot_it_writes(folder, tmp_path):
    fresh = load_corpus([folder], use_cache=False, workers=1)
    cold = load_corpus([folder], cache_dir=tmp_path / "cache", workers=1)
    assert isinstance(cold.reports, LazyReports) and not cold.reports.loaded  # the records let go
    assert cold.snapshot.path.parent == tmp_path / "cache" / "snapshots"
    a, b = to_frame(fresh), to_frame(cold)
    assert list(a.columns) == list(b.columns) and dict(a.dtypes) == dict(b.dtypes)
    for column in a.columns:
        assert all(_same(x, y) for x, y in zip(a[column], b[column], strict=True)), column
    assert cold.errors == fresh.errors and sorted(cold.notes) == sorted(fresh.notes)
    assert [orjson.dumps(p.record.to_dict()) for p in cold.reports] == [
        orjson.dumps(p.record.to_dict()) for p in fresh.reports]


def test_check_codes_give_every_rows_rules_and_outcomes_from_the_file_and_from_the_tables_in_hand(
        folder, tmp_path, monkeypatch):
    """Each row group's dictionary is its own: the codes are one numbering over all of them."""
    monkeypatch.setattr(snapshots, "ROW_GROUP", 2)
    cache = tmp_path / "cache"
    cold = load_corpus([folder], cache_dir=cache, workers=1).snapshot  # Snapshot.of: the lists as strings
    warm = load_corpus([folder], cache_dir=cache, workers=1).snapshot  # read back, dictionary-encoded
    assert cold._source is None and warm._source is not None and warm._group_starts == [0, 2, 4]

    def decoded(snap):
        c = snap.check_codes()
        assert not c.rules.flags.writeable and c.counts.sum() == len(c.rules) == len(c.results)
        return [[(c.rule_names[r], c.result_names[o]) for r, o in zip(c.rules[s:s + n], c.results[s:s + n],
                                                                      strict=True)]
                for s, n in zip(c.offsets, c.counts, strict=True)]

    expected = [list(zip(r, o, strict=True)) for r, o in zip(warm.column("check_rules").to_pylist(),
                                                             warm.column("check_results").to_pylist(), strict=True)]
    assert decoded(warm) == expected == decoded(cold)
    assert [len(e) for e in expected] == [7, 7, 7, 7, 52]  # four prose reports, one 2019-template report


def test_an_unchanged_listing_takes_the_snapshot_without_the_stat_index(folder, tmp_path, monkeypatch):
    from parsing.corpus.cache import ParseCache

    cache = tmp_path / "cache"
    cold = load_corpus([folder], cache_dir=cache, workers=1)
    (snapshot,) = (cache / "snapshots").iterdir()
    assert (snapshot / snapshots.STATS).is_file()  # the listing it was made from
    looked_up = []
    real = ParseCache.known_digests
    monkeypatch.setattr(ParseCache, "known_digests", lambda self, stats: looked_up.append(1) or real(self, stats))
    warm = load_corpus([folder], cache_dir=cache, workers=1)
    assert looked_up == [] and warm.snapshot.path == snapshot  # the folder as listed: nothing looked up
    assert to_frame(warm).equals(to_frame(load_corpus([folder], cache_dir=cache, workers=1)))
    assert [p.record.proactive_total for p in warm.reports] == [p.record.proactive_total for p in cold.reports]

    report = folder / "003_dd0aca17394d444a.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("共57条", "共58条"), encoding="utf-8")
    changed = load_corpus([folder], cache_dir=cache, workers=1)
    assert looked_up == [1]  # a changed file: the usual path, which reads it again
    assert 58 in [p.record.proactive_total for p in changed.reports]
    assert changed.snapshot.path != snapshot and (changed.snapshot.path / snapshots.STATS).is_file()


@pytest.mark.parametrize("change", ["fingerprint", "size limit", "stats", "missing"])
def test_a_listing_from_another_parser_limit_or_folder_does_not_match(folder, tmp_path, change):
    from parsing.corpus.files import max_bytes
    from parsing.corpus.fingerprint import parser_fingerprint

    cache = tmp_path / "cache"
    corpus = load_corpus([folder], cache_dir=cache, workers=1)
    stats = {str(p): (p.stat().st_size, p.stat().st_mtime_ns, p.stat().st_ctime_ns, p.stat().st_ino)
             for p in sorted(folder.iterdir())}
    key = f"{parser_fingerprint()}|{max_bytes()}"
    assert snapshots.listing_matches(corpus.snapshot, stats, key)
    if change == "fingerprint":
        assert not snapshots.listing_matches(corpus.snapshot, stats, f"1.0+another|{max_bytes()}")
    elif change == "size limit":
        assert not snapshots.listing_matches(corpus.snapshot, stats, f"{parser_fingerprint()}|{max_bytes() + 1}")
    elif change == "stats":
        first = next(iter(stats))
        stats[first] = (stats[first][0] + 1, *stats[first][1:])
        assert not snapshots.listing_matches(corpus.snapshot, stats, key)
    else:
        (corpus.snapshot.path / snapshots.STATS).unlink()
        assert not snapshots.listing_matches(corpus.snapshot, stats, key)


def test_an_unreadable_file_is_listed_and_named_again_from_the_listing(folder, tmp_path, monkeypatch):
    from parsing.corpus.cache import ParseCache

    cache = tmp_path / "cache"
    (folder / "empty.txt").write_bytes(b"")  # the same error while it stays as it is
    cold = load_corpus([folder], cache_dir=cache, workers=1)
    (snapshot,) = (cache / "snapshots").iterdir()
    assert (snapshot / snapshots.STATS).is_file()
    monkeypatch.setattr(ParseCache, "known_digests", lambda self, stats: pytest.fail("the listing should do"))
    warm = load_corpus([folder], cache_dir=cache, workers=1)
    assert warm.errors == cold.errors and [e.file for e in warm.errors] == ["empty.txt"]


def test_a_file_that_failed_to_open_keeps_no_listing(folder, tmp_path, monkeypatch):
    import parsing.corpus.build as build

    real = build.read_report_bytes

    def flaky(path):
        if str(path).endswith("003_dd0aca17394d444a.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(build, "read_report_bytes", flaky)
    cache = tmp_path / "cache"
    corpus = load_corpus([folder], cache_dir=cache, workers=1)
    assert [e.file for e in corpus.errors] == ["003_dd0aca17394d444a.txt"]
    (snapshot,) = (cache / "snapshots").iterdir()
    assert not (snapshot / snapshots.STATS).exists()  # a failure of the moment is not what this listing gives
    monkeypatch.setattr(build, "read_report_bytes", real)
    again = load_corpus([folder], cache_dir=cache, workers=1)
    assert again.errors == [] and 57 in [p.record.proactive_total for p in again.reports]



def test_terms_are_read_after_the_snapshot_folder_was_pruned(tmp_path):
    """A later load prunes old snapshots; a corpus still served from one reads its terms from the map it opened
    (the keyword tab raised FileNotFoundError on terms.parquet when another folder had been loaded meanwhile)."""
    files = sorted(p.name for p in DATA.iterdir() if p.is_file())
    load_corpus([DATA], cache_dir=tmp_path / "cache")  # cold: writes the snapshot
    warm = load_corpus([DATA], cache_dir=tmp_path / "cache")  # warm: served from it
    fresh = load_corpus([DATA], cache_dir=tmp_path / "other")
    shutil.rmtree(warm.snapshot.path)  # what a later load's prune does
    got = warm.snapshot.term_lists("problems", files).to_pylist()
    assert got == fresh.snapshot.term_lists("problems", files).to_pylist()
    assert sum(bool(terms) for terms in got) >= 3  # the seeds' problems parts have terms
