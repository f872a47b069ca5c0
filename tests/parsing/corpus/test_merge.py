"""parsing/corpus/merge.py: a folder split in two parts, each loaded into its own cache and snapshot, then
merged, gives the store one load of the whole folder gives (records, terms, notes, errors)."""

import shutil

import pyarrow as pa
import pytest
from conftest import DATA

from parsing.corpus import snapshot as snapshots
from parsing.corpus.build import load_corpus
from parsing.corpus.merge import merge_snapshots


def _collection(folder):
    """The bundled reports plus every corpus-level case: a conflict (罗庄区 2018 twice), a new agency, the year
    before a template report (checks between years), an unreadable file, an empty one, a duplicate kept under
    a later name, and a duplicate whose name sorts before its original (the whole load keeps the copy)."""
    shutil.copytree(DATA, folder)
    seed = (folder / "003_dd0aca17394d444a.txt").read_text(encoding="utf-8")
    (folder / "zz_conflict.txt").write_text(seed + "。补充", encoding="utf-8")
    (folder / "zz_new.txt").write_text(seed.replace("罗庄", "兰山"), encoding="utf-8")
    text = (folder / "004_b34427a2f19d7753.txt").read_text(encoding="utf-8")
    (folder / "zz_2022.txt").write_text(text.replace("2023", "2022"), encoding="utf-8")
    (folder / "zz_binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "zz_copy.txt").write_bytes((folder / "000_b48a33d21bd5f171.txt").read_bytes())
    (folder / "0000_copy.txt").write_bytes((folder / "004_b34427a2f19d7753.txt").read_bytes())
    return sorted(p.name for p in folder.iterdir())


SPLITS = {  # name index, name, all names → part 0 or 1
    "alternate": lambda i, name, names: i % 2,
    "halves": lambda i, name, names: int(i >= len(names) // 2),
    "added_apart": lambda i, name, names: int(name.startswith("zz")),  # every second file of an agency apart
    "one_part_empty_of_reports": lambda i, name, names: int(name not in ("a_empty.txt", "zz_binary.txt")),
}


def _load(folder, cache):
    corpus = load_corpus([folder], cache_dir=cache, workers=1, isolate=False)
    return corpus.snapshot, corpus.checks_loader


@pytest.mark.parametrize("split", list(SPLITS))
def test_two_parts_loaded_apart_and_merged_give_the_store_of_one_load(tmp_path, split):
    whole = tmp_path / "whole"
    names = _collection(whole)
    parts = [tmp_path / "part0", tmp_path / "part1"]
    for part in parts:
        part.mkdir()
    for i, name in enumerate(names):
        shutil.copy(whole / name, parts[SPLITS[split](i, name, names)] / name)
    one, _ = _load(whole, tmp_path / "cache_whole")
    loaded = [_load(part, tmp_path / f"cache_{part.name}") for part in parts]

    merged = merge_snapshots(loaded)

    schema = snapshots._schema()
    expected = one.records.select(schema.names).cast(schema)
    assert merged.records.column("file").to_pylist() == expected.column("file").to_pylist()
    for name in schema.names:  # column by column, so a failure names the column
        assert merged.records.column(name).to_pylist() == expected.column(name).to_pylist(), name
    assert merged.records.equals(expected)
    assert merged.terms.equals(one._terms_arrow().cast(snapshots.TERMS_SCHEMA))
    assert merged.notes == one.notes
    assert merged.errors == sorted(one.errors, key=lambda e: (e.file, e.reason))
    # the merge did real work: the parts side by side are not the whole (a conflict or a duplicate across them)
    side_by_side = pa.concat_tables([snap.records.select(schema.names).cast(schema) for snap, _ in loaded])
    if split != "one_part_empty_of_reports":
        assert side_by_side.num_rows != expected.num_rows or not side_by_side.sort_by("file").equals(expected)


def test_the_merged_store_is_read_back_as_a_snapshot(tmp_path):
    whole = tmp_path / "whole"
    names = _collection(whole)
    parts = [tmp_path / "part0", tmp_path / "part1"]
    for part in parts:
        part.mkdir()
    for i, name in enumerate(names):
        shutil.copy(whole / name, parts[i % 2] / name)
    one, _ = _load(whole, tmp_path / "cache_whole")
    merged = merge_snapshots([_load(part, tmp_path / f"cache_{part.name}") for part in parts])
    path = merged.write(tmp_path / "merged", "k")
    back = snapshots.read(tmp_path / "merged", "k")
    assert path == tmp_path / "merged" / "snapshots" / "k" and back.num_rows == one.num_rows == 8
    assert back.column("file").to_pylist() == one.column("file").to_pylist()
    assert back.terms == one.terms and back.notes == one.notes


def test_a_file_name_in_both_parts_is_refused_by_name(tmp_path):
    for part in ("p0", "p1"):
        shutil.copytree(DATA, tmp_path / part)
    loaded = [_load(tmp_path / part, tmp_path / f"cache_{part}") for part in ("p0", "p1")]
    with pytest.raises(ValueError, match="“000_b48a33d21bd5f171.txt”在两个部分中都有"):
        merge_snapshots(loaded)
