"""parsing/corpus/build.py: a corpus from many files — identical bytes counted once, two files for one
agency-year both kept and flagged, a parallel parse giving the serial parse's records."""

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
