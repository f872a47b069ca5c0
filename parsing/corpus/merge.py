"""Stores of parts of one collection → the store of the whole: the step a cluster engine does after parsing the
parts on separate machines (each part into its own cache and snapshot).

A report's record depends on its own bytes only (parsing.pipeline), except for what the corpus adds: a file
with the bytes of an earlier one is dropped (a note names both), two files of one agency and year are both
flagged (a 冲突 warning and a note), and a report is checked against the same agency's year before. So the
merge keeps every part's rows of an agency found in that part alone, and rebuilds only the agencies found in
two or more parts (their conflicts and checks between years computed again over all their reports), as
build._incremental does for a few changed files. Rows come in file-name order, as one load of one folder
lists them; tests/parsing/corpus/test_merge.py compares the result with that load.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

from parsing.corpus import snapshot as snapshots
from parsing.corpus.build import (
    Corpus,
    cache_key,
    clear_corpus_results,
    conflict_notes,
    duplicate_note,
    duplicate_pair,
    finish,
)
from parsing.corpus.snapshot import Snapshot
from parsing.schema import LoadError


class Merged(NamedTuple):
    """The store of the whole: what a snapshot holds (records.parquet, terms.parquet, meta.json)."""

    records: pa.Table
    terms: pa.Table
    errors: list[LoadError]  # every part's, by file name (a load lists read errors before parse errors)
    notes: list[str]  # duplicates (by the dropped file's name), then conflicts, as one load gives them

    def write(self, folder: Path, key: str) -> Path | None:
        """Written as a snapshot of folder under key (the key of the whole listing: snapshot_key)."""
        return snapshots.write_tables(folder, key, self.records, self.terms, self.errors, self.notes)


def merge_snapshots(parts: Sequence[tuple[Snapshot, Callable[[str], list[dict]] | None]]) -> Merged:
    """parts: each part's snapshot and the checks loader of its parse cache (the rebuilt agencies' checks are
    read there). A file name found in two parts is refused (ValueError naming it): one folder cannot hold both."""
    schema = snapshots._schema()
    tables = [snap.records.select(schema.names).cast(schema) for snap, _loader in parts]
    owner: dict[str, tuple[int, int]] = {}  # file → (part, row)
    dropped: dict[str, str] = {}  # a file dropped within its part as a duplicate → the file it duplicates
    for p, (table, (snap, _loader)) in enumerate(zip(tables, parts, strict=True)):
        for row, name in enumerate(table.column("file").to_pylist()):
            if name in owner:
                raise ValueError(f"“{name}”在两个部分中都有，无法合并为一个文件夹")
            owner[name] = (p, row)
        dropped.update(pair for note in snap.notes if (pair := duplicate_pair(note)) is not None)
    digests = [t.column("sha256").to_pylist() for t in tables]
    agencies = [t.column("agency").to_pylist() for t in tables]
    first: dict[str, str] = {}  # digest → the first file of it, in name order: the one a whole load keeps
    kept: list[tuple[int, int]] = []
    for name in sorted(owner):
        p, row = owner[name]
        digest = digests[p][row]
        if digest in first:
            dropped[name] = first[digest]
            continue
        first[digest] = name
        kept.append((p, row))
    digest_of = {name: digests[p][row] for name, (p, row) in owner.items()}
    for name, target in list(dropped.items()):  # the target of a part's own duplicate may be dropped itself
        while target in dropped:
            target = dropped[target]
        dropped[name] = first[digest_of[target]]
    seen_in: dict[str, set[int]] = {}
    for p, row in kept:
        if agencies[p][row]:
            seen_in.setdefault(agencies[p][row], set()).add(p)
    affected = {agency for agency, where in seen_in.items() if len(where) > 1}
    redo = [(p, row) for p, row in kept if agencies[p][row] in affected]
    rebuilt_of = {}
    for p, (snap, loader) in enumerate(parts):
        rows = [row for q, row in redo if q == p]
        if rows:
            rebuilt_of.update(zip([(p, row) for row in rows], snapshots.reports(snap, loader, rows), strict=True))
    again = [rebuilt_of[pr] for pr in redo]  # name order: the order conflicts and years are computed in
    for parsed in again:
        clear_corpus_results(parsed)
    finish(Corpus(reports=again))
    added = snapshots.records_table(again, [cache_key(p.record.sha256, p.record.file) for p in again]).cast(schema)
    every = pa.concat_tables([*tables, added])
    starts = [0]
    for table in tables:
        starts.append(starts[-1] + table.num_rows)
    at_redo = {pr: starts[-1] + i for i, pr in enumerate(redo)}
    order = [at_redo.get((p, row), starts[p] + row) for p, row in kept]
    records = every.take(pa.array(order, type=pa.int64()))
    files = records.column("file").combine_chunks()
    terms = pa.concat_tables([snap._terms_arrow().cast(snapshots.TERMS_SCHEMA) for snap, _loader in parts])
    terms = terms.take(pc.index_in(files, value_set=terms.column("file").combine_chunks()))
    notes = [duplicate_note(name, dropped[name]) for name in sorted(dropped)]
    notes += conflict_notes(zip(records.column("agency").to_pylist(), records.column("year").to_pylist(),
                                files.to_pylist(), strict=True))
    errors = sorted((e for snap, _loader in parts for e in snap.errors), key=lambda e: (e.file, e.reason))
    return Merged(records, terms, errors, notes)
