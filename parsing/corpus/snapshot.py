"""The loaded corpus as columnar files (Parquet through pyarrow), so a warm load builds no record objects.

A snapshot is keyed by the parser's fingerprint and the folder's contents (each file's name and cache key,
and the files that could not be read): the same folder with the same parser gives the same key. It holds:

- `records.parquet`: one row per report, every field of parsing.schema.FIELDS but the checks (those stay in
  the parse cache, read on demand), the derived columns of parsing.corpus.figures, the report's cache key and
  the corpus-level checks between years; nested fields (tables, evidence, breakdowns) as JSON text, decoded
  only when something looks at them; every check's rule and outcome as two Arrow lists (check_rules,
  check_results), which 质量检查 counts and sorts in Arrow without a Python string per check;
- `terms.parquet`: each report's segmented problems and measures terms (the keyword view's tokens);
- `meta.json`: the unreadable files, the corpus notes (duplicates, conflicts), and the epoch of the parse cache it
  was built against (a snapshot is used only with that database: parsing/corpus/build.py).

Nothing here knows Streamlit or pandas: the app turns the records table into its frame
(components/frame.py), and Report objects are rebuilt from it only when asked (uploads, the brief, the CLI).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
import time
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from parsing.corpus.figures import agency_label, review_figures, total_quality
from parsing.schema import FIELDS, LazyChecks, LoadError, ParsedReport, Report, check_outcomes, failed_checks

FORMAT = 6  # bump when the files' layout changes: older snapshots are then never read
KEEP = 3  # snapshots kept per cache folder (each about 10 MB at 10,000 reports)
# nested fields, and floats: a float field may hold an int (fees 0 and 0.0 read alike, print differently)
JSON_FIELDS = tuple(f.name for f in FIELDS if f.kind in ("dict", "float"))
LIST_FIELDS = tuple(f.name for f in FIELDS if f.kind == "list" and f.name != "checks")
ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "bool": pa.bool_()}
DERIVED_TYPES = {"agency_label": pa.string(), "agency_key": pa.string(), "total_quality": pa.string(),
                 "review_corrected": pa.int64(), "review_total": pa.int64()}
DERIVED = tuple(DERIVED_TYPES)
CHECK_LISTS = ("check_rules", "check_results")  # every check's (rule, outcome), those between years included
STORED = [f.name for f in FIELDS if f.name != "checks"] + list(DERIVED) + ["cache_key", "year_checks", "failed",
                                                                        "outcomes", *CHECK_LISTS]
# read from the file when first asked for (Snapshot.column): the evidence, tables and checks between years
# (nine tenths of the bytes), and every check's outcome (5 million short strings at 100,000 reports)
LAZY = ("evidence", "tables", "year_checks", "outcomes", *CHECK_LISTS)
HIDDEN = ("cache_key", "year_checks", "failed", "outcomes", *CHECK_LISTS)  # not columns of the app's frame


LAYOUT = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]  # this module (not in the parser's fingerprint)


class CheckCodes(NamedTuple):
    """Every stored check as two codes (rule, outcome), the rows' checks one after another: row i's checks are
    rules[offsets[i]:offsets[i] + counts[i]]. Read-only arrays, shared by every session."""

    offsets: np.ndarray  # int64, per row
    counts: np.ndarray  # int64, per row
    rules: np.ndarray  # int32 codes into rule_names
    rule_names: tuple[str, ...]
    results: np.ndarray  # int32 codes into result_names
    result_names: tuple[str, ...]


def _codes_of(chunks, names: dict[str, int]) -> np.ndarray:
    """The flattened values of list<string or dictionary> chunks as codes into names (grown as met)."""
    out = []
    for chunk in chunks:
        flat = pc.list_flatten(chunk)
        if not pa.types.is_dictionary(flat.type):
            flat = pc.dictionary_encode(flat)
        local = np.array([names.setdefault(v, len(names)) for v in flat.dictionary.to_pylist()], dtype=np.int32)
        out.append(local[flat.indices.to_numpy(zero_copy_only=False)] if len(flat) else np.empty(0, np.int32))
    return np.concatenate(out) if out else np.empty(0, np.int32)


def _frozen(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


def snapshot_key(fingerprint: str, files: list[tuple[str, str]], errors: list[LoadError], layout: str = LAYOUT) -> str:
    """files: (name, cache key) of every readable file; errors: the files that could not be read; layout: the
    digest of the code that writes and reads snapshots."""
    h = hashlib.sha256(f"{FORMAT}|{layout}|{fingerprint}".encode())
    h.update("".join([f"\n{name}\t{key}" for name, key in sorted(files)]).encode())  # one update: same digest
    for err in sorted(errors, key=lambda e: (e.file, e.reason)):
        h.update(f"\n!{err.file}\t{err.reason}".encode())
    return h.hexdigest()


def derived(row: dict[str, Any]) -> dict[str, Any]:
    """The columns the app adds to a record: its short label, its grouping key, its figure's quality."""
    corrected, total = review_figures(row["tables"])
    return {"agency_label": agency_label(row), "agency_key": row["agency"] or f"（机构不明）{row['file']}",
            "total_quality": total_quality(row), "review_corrected": corrected, "review_total": total}


def _schema() -> pa.Schema:
    fields = []
    for f in FIELDS:
        if f.name == "checks":
            continue
        if f.name in JSON_FIELDS:
            fields.append(pa.field(f.name, pa.string()))  # JSON text
        elif f.kind in ARROW_TYPES:
            fields.append(pa.field(f.name, ARROW_TYPES[f.kind]))
        elif f.kind == "list":
            fields.append(pa.field(f.name, pa.list_(pa.string())))
    fields += [pa.field(name, DERIVED_TYPES[name]) for name in DERIVED]
    fields += [pa.field("cache_key", pa.string()), pa.field("year_checks", pa.string()), pa.field("failed", pa.string()),
               pa.field("outcomes", pa.string())]
    fields += [pa.field(name, pa.list_(pa.string())) for name in CHECK_LISTS]
    return pa.schema(fields)


BATCH = 1000  # rows turned into Arrow at a time
ROW_GROUP = 4096  # rows per Parquet row group: one report's evidence is read with its group, not the column


def records_table(reports: list[ParsedReport], keys: list[str]) -> pa.Table:
    """The records table of reports (keys: each one's cache key, in the same order). Built BATCH rows at a
    time: the Python columns of all rows at once were 240 MB at 10,000 reports, the Arrow table is a tenth."""
    if len(reports) != len(keys):
        raise ValueError("one cache key per report")
    pieces = [_records_batch(reports[i:i + BATCH], keys[i:i + BATCH]) for i in range(0, len(reports), BATCH)]
    return pa.concat_tables(pieces) if pieces else _records_batch([], [])


def _records_batch(reports: list[ParsedReport], keys: list[str]) -> pa.Table:
    columns: dict[str, list] = {name: [] for name in STORED}
    for parsed, cache_key in zip(reports, keys, strict=True):
        row = parsed.record.to_dict(lazy_checks=True)
        for name in JSON_FIELDS:
            columns[name].append(orjson.dumps(row[name]).decode())
        for f in FIELDS:
            if f.name != "checks" and f.name not in JSON_FIELDS:
                columns[f.name].append(row[f.name])
        for name, value in derived(row).items():
            columns[name].append(value)
        columns["cache_key"].append(cache_key)
        checks = row["checks"]
        across = checks.extra if isinstance(checks, LazyChecks) else [c for c in checks if c.get("scope") == "years"]
        columns["year_checks"].append(orjson.dumps(across).decode())
        stored_failed = [c for c in failed_checks(checks) if c.get("scope") != "years"]
        columns["failed"].append(orjson.dumps(stored_failed).decode())
        pairs = check_outcomes(checks)  # the stored checks' outcomes: those between years are year_checks
        columns["outcomes"].append(orjson.dumps(pairs[:len(pairs) - len(across)] if across else pairs).decode())
        columns["check_rules"].append([rule for rule, _outcome in pairs])
        columns["check_results"].append([outcome for _rule, outcome in pairs])
    return pa.table(columns, schema=_schema())


TERMS_SCHEMA = pa.schema([("file", pa.string()), ("problems", pa.list_(pa.string())),
                          ("measures", pa.list_(pa.string()))])


def terms_table(terms: Mapping[str, dict[str, list[str]]]) -> pa.Table:
    files = list(terms)
    return pa.table({"file": files, "problems": [terms[f].get("problems", []) for f in files],
                     "measures": [terms[f].get("measures", []) for f in files]}, schema=TERMS_SCHEMA)


def write_tables(folder: Path, key: str, records: pa.Table, terms: pa.Table, errors: list[LoadError],
                 notes: list[str], epoch: str = "") -> Path | None:
    """Write a snapshot's files into a temporary folder, then rename it: a reader never sees half of one.
    None when it could not be written (a full or read-only disk only means the next load is slower)."""
    target = Path(folder) / "snapshots" / key
    if target.exists():
        return target
    staging = target.with_name(f".{key}.{os.getpid()}.{time.time_ns()}")
    try:
        staging.mkdir(parents=True)
        pq.write_table(records, staging / "records.parquet", compression="zstd", row_group_size=ROW_GROUP,
                       write_page_checksum=True)
        pq.write_table(terms, staging / "terms.parquet", compression="zstd", write_page_checksum=True)
        (staging / "meta.json").write_bytes(orjson.dumps({
            "format": FORMAT, "errors": [[e.file, e.reason] for e in errors], "notes": notes, "epoch": epoch}))
        staging.rename(target)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        return None if not target.exists() else target
    _prune(target.parent, keep=target)
    return target


STATS = "stats.parquet"  # the listing a snapshot was made from (written beside it when every file had a stat)
STAT_COLUMNS = ("where", "size", "mtime_ns", "ctime_ns", "ino")


def _stats_table(stats: Mapping[str, tuple[int, int, int, int]]) -> pa.Table:
    wheres = sorted(stats)
    columns = {"where": pa.array(wheres, type=pa.string())}
    for i, name in enumerate(STAT_COLUMNS[1:]):
        columns[name] = pa.array([stats[w][i] for w in wheres], type=pa.int64())
    return pa.table(columns)


def write_stats(path: Path, stats: Mapping[str, tuple[int, int, int, int]], fingerprint: str) -> None:
    """Keep the folder's listing (each file's path, size, times, inode) with the snapshot at path, so a load
    that lists the same folder unchanged can take the snapshot without the stat index or the key (0.5 s at
    100,000 reports). Written whole or not at all; a failure only means the usual warm path next time."""
    table = _stats_table(stats).replace_schema_metadata({"fingerprint": fingerprint, "layout": LAYOUT,
                                                         "format": str(FORMAT)})
    staging = Path(path) / f".{STATS}.{os.getpid()}.{time.time_ns()}"
    try:
        pq.write_table(table, staging)
        os.replace(staging, Path(path) / STATS)
    except OSError:
        staging.unlink(missing_ok=True)


def listing_matches(snapshot: Snapshot, stats: Mapping[str, tuple[int, int, int, int]], fingerprint: str) -> bool:
    """Whether the snapshot was made, by this parser and this layout, from exactly this listing."""
    try:
        stored = pq.read_table(Path(snapshot.path) / STATS)
    except (OSError, pa.ArrowException):
        return False
    meta = {k.decode(): v.decode() for k, v in (stored.schema.metadata or {}).items()}
    if meta != {"fingerprint": fingerprint, "layout": LAYOUT, "format": str(FORMAT)} or stored.num_rows != len(stats):
        return False
    return stored.replace_schema_metadata(None).equals(_stats_table(stats))


def exists(folder: Path) -> bool:
    """Whether the cache folder holds any snapshot (a load may then be warm or incremental)."""
    try:
        return any(not p.name.startswith(".") for p in (Path(folder) / "snapshots").iterdir())
    except OSError:
        return False


def latest(folder: Path, notes: list[str] | None = None) -> Snapshot | None:
    """The newest readable snapshot of the cache folder (the base of an incremental load), or None."""
    try:
        found = sorted((p for p in (Path(folder) / "snapshots").iterdir() if not p.name.startswith(".")),
                       key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return None
    for path in found:
        snap = read(folder, path.name, notes)
        if snap is not None:
            return snap
    return None


def _prune(folder: Path, keep: Path) -> None:
    """Only the newest KEEP snapshots stay; half-written ones of crashed writers are removed too."""
    try:
        done = sorted((p for p in folder.iterdir() if not p.name.startswith(".")), key=lambda p: p.stat().st_mtime)
        for old in done[:-KEEP]:
            if old != keep:
                shutil.rmtree(old, ignore_errors=True)
        for stale in (p for p in folder.iterdir() if p.name.startswith(".")):
            if time.time() - stale.stat().st_mtime > 3600:
                shutil.rmtree(stale, ignore_errors=True)
    except OSError:
        pass


def _open_map(path: Path) -> pa.MemoryMappedFile | None:
    try:
        return pa.memory_map(str(path))
    except (OSError, pa.ArrowException):
        return None


class Snapshot:
    """A snapshot read back: the records as Arrow columns, terms, errors, notes.

    The big columns (LAZY) are read from the memory-mapped file only when something asks for them
    (column()), so a warm load reads the small ones. The file stays mapped: pruned by another load later, it is still readable here."""

    def __init__(self, path: Path):
        self.path = path
        meta = orjson.loads((path / "meta.json").read_bytes())
        problem = meta_problem(meta)
        if problem:
            raise ValueError(problem)
        self.errors = [LoadError(f, r) for f, r in meta["errors"]]
        self.notes = list(meta["notes"])
        self.epoch = meta["epoch"]
        self._map = pa.memory_map(str(path / "records.parquet"))
        self._source = pq.ParquetFile(self._map, page_checksum_verification=True)
        names = self._source.schema_arrow.names
        if set(names) != set(STORED) or not self._source.schema_arrow.equals(_schema()):
            raise ValueError("snapshot columns differ from this version's")
        self._small = self._source.read(columns=[n for n in names if n not in LAZY])
        self._names = names
        self._lazy: dict[str, pa.ChunkedArray] = {}
        self._full: pa.Table | None = None
        self._lock = threading.RLock()
        self._terms: dict[str, dict[str, list[str]]] | None = None
        meta = self._source.metadata
        self._group_starts = [0]
        for g in range(meta.num_row_groups - 1):
            self._group_starts.append(self._group_starts[-1] + meta.row_group(g).num_rows)
        self._groups: dict[tuple[str, int], pa.Array] = {}
        self._chunks: dict[str, tuple[list[int], list[pa.Array]]] = {}
        self._codes: CheckCodes | None = None
        self._terms_table: pa.Table | None = None
        # opened now, read when asked: a later load may prune this folder, and an open map outlives the unlink
        self._terms_map = _open_map(path / "terms.parquet")

    @classmethod
    def of(cls, path: Path, records: pa.Table, errors: list[LoadError], notes: list[str], epoch: str = "") -> Snapshot:
        """The snapshot just written to path, from the tables in hand (not read back)."""
        snap = cls.__new__(cls)
        snap.path, snap.errors, snap.notes, snap.epoch = path, list(errors), list(notes), epoch
        snap._source, snap._small, snap._full, snap._names = None, records, records, records.column_names
        snap._lazy, snap._lock = {}, threading.RLock()
        snap._terms = None
        snap._group_starts, snap._groups, snap._chunks, snap._codes, snap._map = [0], {}, {}, None, None
        snap._terms_table = None
        snap._terms_map = _open_map(path / "terms.parquet")
        return snap

    @property
    def num_rows(self) -> int:
        return self._small.num_rows

    def column(self, name: str) -> pa.ChunkedArray:
        """One column of the records; a LAZY one is read from the file the first time it is asked for."""
        if name not in LAZY or self._full is not None:
            return (self._full if self._full is not None else self._small).column(name)
        with self._lock:  # sessions share a loaded corpus: one read per column
            if name not in self._lazy:
                self._lazy[name] = self._source.read(columns=[name]).column(name)
                for group in [k for k in self._groups if k[0] == name]:  # the whole column serves them now
                    del self._groups[group]
            return self._lazy[name]

    def cell(self, name: str, row: int):
        """One row's value of a column. A LAZY column not yet read is read one row group at a time (a report's
        evidence reads 4,096 rows of it, not the 227 MB column at 100,000 reports)."""
        if name in LAZY and self._full is None and name not in self._lazy:
            group = bisect_right(self._group_starts, row) - 1
            with self._lock:
                part = self._groups.get((name, group))
                if part is None:
                    part = self._source.read_row_group(group, columns=[name]).column(name).combine_chunks()
                    self._groups[(name, group)] = part
            return part[row - self._group_starts[group]].as_py()
        return _cell(self._chunks, name, self.column(name), row)

    def check_codes(self) -> CheckCodes:
        """CHECK_LISTS as codes, made once: Parquet gives them dictionary-encoded row group by row group (0.09 s
        at 100,000 reports, against 0.7 s to read them as 5 million strings)."""
        with self._lock:
            if self._codes is None:
                self._codes = self._read_codes()
            return self._codes

    def _read_codes(self) -> CheckCodes:
        if self._source is not None:
            source = pq.ParquetFile(self._map, read_dictionary=[f"{name}.list.element" for name in CHECK_LISTS])
            groups = [source.read_row_group(g, columns=list(CHECK_LISTS))
                      for g in range(source.metadata.num_row_groups)]
            chunks = {name: [c for t in groups for c in t.column(name).chunks] for name in CHECK_LISTS}
        else:  # just built: the lists in hand, as strings
            chunks = {name: self.column(name).chunks for name in CHECK_LISTS}
        lengths = [pc.list_value_length(c).fill_null(0).to_numpy(zero_copy_only=False) for c in chunks["check_rules"]]
        counts = np.concatenate(lengths).astype(np.int64) if lengths else np.zeros(0, np.int64)
        offsets = np.cumsum(counts) - counts
        rule_names: dict[str, int] = {}
        result_names: dict[str, int] = {}
        rules, results = _codes_of(chunks["check_rules"], rule_names), _codes_of(chunks["check_results"], result_names)
        if len(counts) != self.num_rows or len(rules) != len(results) or len(rules) != counts.sum():
            raise ValueError("check lists do not match the records")
        return CheckCodes(_frozen(offsets), _frozen(counts), _frozen(rules), tuple(rule_names), _frozen(results),
                          tuple(result_names))

    def table(self, names: list[str]) -> pa.Table:
        """Some columns of the records as one table."""
        return pa.table({name: self.column(name) for name in names})

    @property
    def records(self) -> pa.Table:
        """Every column, in the stored order (an incremental load, Report objects): the lazy ones read now."""
        if self._full is None:
            columns = {name: self.column(name) for name in self._names}
            self._full = pa.table(columns, schema=self._source.schema_arrow)
        return self._full

    def rows_array(self, files) -> pa.Array:
        """The snapshot's row of each file (a file not in it: KeyError), looked up in Arrow (a dict of 100,000
        names took 0.6 s to build)."""
        rows = pc.index_in(pa.array(files, type=pa.string()), value_set=self.column("file").combine_chunks())
        if rows.null_count:
            raise KeyError(pa.array(files, type=pa.string()).filter(rows.is_null())[0].as_py())
        return rows.cast(pa.int64())

    def cache_key_of(self, file: str) -> str:
        """The parse-cache key of one report of the snapshot (to read its text or checks)."""
        return self.column("cache_key")[self.rows_array([file])[0].as_py()].as_py()

    def _terms_arrow(self) -> pa.Table:
        """terms.parquet, read once for both term_lists and terms."""
        with self._lock:
            if self._terms_table is None:
                source = self._terms_map if self._terms_map is not None else self.path / "terms.parquet"
                self._terms_table = pq.read_table(source).combine_chunks()
            return self._terms_table

    def term_lists(self, part: str, files: list[str]) -> pa.ListArray:
        """Each file's terms of part (problems, measures) from terms.parquet; null for a file not here."""
        table = self._terms_arrow()
        rows = pc.index_in(pa.array(files, type=pa.string()), value_set=table.column("file").chunk(0)
                           if table.num_rows else pa.array([], pa.string()))
        return table.column(part).take(rows).combine_chunks() if table.num_rows else pa.array(
            [None] * len(files), type=pa.list_(pa.string()))

    @property
    def terms(self) -> dict[str, dict[str, list[str]]]:
        if self._terms is None:
            table = self._terms_arrow()
            files, problems, measures = (table.column(c).to_pylist() for c in ("file", "problems", "measures"))
            self._terms = {f: {"problems": p, "measures": m} for f, p, m in zip(files, problems, measures,
                                                                                   strict=True)}
        return self._terms


def _cell(index: dict, name: str, column: pa.ChunkedArray, row: int):
    """column[row] without joining its chunks (a cold snapshot's columns come in 1,000-row chunks)."""
    if name not in index:
        starts, chunks = [], []
        for chunk in (c for c in column.chunks if len(c)):
            starts.append(starts[-1] + len(chunks[-1]) if chunks else 0)
            chunks.append(chunk)
        index[name] = (starts, chunks)
    starts, chunks = index[name]
    i = bisect_right(starts, row) - 1
    return chunks[i][row - starts[i]].as_py()


def meta_problem(meta) -> str | None:
    """Why a snapshot's meta.json is not one this version writes, or None."""
    if not isinstance(meta, dict) or meta.keys() != {"format", "errors", "notes", "epoch"}:
        return "meta.json 的字段不符"
    if meta["format"] != FORMAT:
        return f"快照格式为 {meta['format']}，当前为 {FORMAT}"
    if not (isinstance(meta["errors"], list) and all(isinstance(e, list) and len(e) == 2
                                                      and all(isinstance(x, str) for x in e) for e in meta["errors"])):
        return "meta.json 中无法读取的文件列表格式不符"
    if not (isinstance(meta["notes"], list) and all(isinstance(n, str) for n in meta["notes"])):
        return "meta.json 中提示的格式不符"
    if not isinstance(meta["epoch"], str):
        return "meta.json 中缓存纪元的格式不符"
    return None


def read(folder: Path, key: str, notes: list[str] | None = None) -> Snapshot | None:
    """The snapshot of key, or None when there is none (or it cannot be read: the slower path then rebuilds, and
    notes, a list the caller passes, says so)."""
    path = Path(folder) / "snapshots" / key
    if not (path / "meta.json").is_file():
        return None
    try:
        return Snapshot(path)
    except (OSError, ValueError, KeyError, TypeError, pa.ArrowException) as exc:
        # a damaged snapshot is never trusted: removed, and rebuilt from the parse cache by this load
        shutil.rmtree(path, ignore_errors=True)
        if notes is not None:
            notes.append(f"缓存中的语料快照无法使用（{exc}），已删除并由缓存重建")
        return None


class JsonDict(Mapping):
    """A nested field (tables, evidence) kept as its JSON text until something reads it. raw: the text, or the
    snapshot column whose row it is (read only when the first of its rows is)."""

    __slots__ = ("_raw", "_row", "_value")

    def __init__(self, raw: str | _Deferred, row: int = -1):
        self._raw, self._row, self._value = raw, row, None

    def _load(self) -> dict:
        if self._value is None:
            self._value = orjson.loads(self._raw if isinstance(self._raw, str) else self._raw.text(self._row))
        return self._value

    def __getitem__(self, key):
        return self._load()[key]

    def __iter__(self) -> Iterator:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __eq__(self, other) -> bool:
        return self._load() == (dict(other) if isinstance(other, Mapping) else other)

    __hash__ = None

    def __repr__(self) -> str:
        return repr(self._load())


class _Deferred:
    """One LAZY column of a snapshot, whose rows are read when asked for (Snapshot.cell)."""

    def __init__(self, snapshot, name: str):
        self._snapshot, self._name = snapshot, name

    def text(self, row: int) -> str:
        return self._snapshot.cell(self._name, row)

    def decoded(self, row: int):
        raw = self.text(row)
        return [] if raw == "[]" else orjson.loads(raw)


def columns(snapshot: Snapshot, checks_loader, names: list[str] | None = None,
            order: pa.Array | None = None) -> dict[str, list]:
    """The records table as Python columns for the app's frame: small nested fields decoded, big ones
    (tables, evidence) as JsonDict over the not yet read column, checks as LazyChecks over the parse cache
    (joined with the stored checks between years, likewise read when first looked at).

    order: the rows to give, in that order (all, as stored, by default)."""
    wanted = names or [n for n in snapshot._names if n not in HIDDEN]
    rows = range(snapshot.num_rows) if order is None else order.to_pylist()

    def column(name: str) -> pa.ChunkedArray:
        return snapshot.column(name) if order is None else snapshot.column(name).take(order)

    out: dict[str, list] = {}
    for name in wanted:
        if name == "checks":
            continue
        if name in ("tables", "evidence"):
            deferred = _Deferred(snapshot, name)
            out[name] = [JsonDict(deferred, i) for i in rows]
            continue
        values = column(name).to_pylist()
        if name in JSON_FIELDS:
            values = [orjson.loads(v) for v in values]
        out[name] = values
    if "checks" in (names or ["checks"]):
        keys = column("cache_key").to_pylist()
        across = _Deferred(snapshot, "year_checks").decoded
        failed, outcomes = column("failed").to_pylist(), _Deferred(snapshot, "outcomes").text
        out["checks"] = [LazyChecks(checks_loader, k, partial(across, i), f, partial(outcomes, i))  # JSON text
                         if checks_loader is not None else across(i)
                         for i, k, f in zip(rows, keys, failed, strict=True)]
    return out


def reports(snapshot: Snapshot, checks_loader, rows: list[int] | None = None) -> list[ParsedReport]:
    """Report objects rebuilt from the snapshot, all or the given rows (seconds at 10,000: only when asked)."""
    source = snapshot if rows is None else _Rows(snapshot, rows)
    cols = columns(source, checks_loader, [f.name for f in FIELDS if f.name != "checks"])
    cols["checks"] = columns(source, checks_loader, ["checks"])["checks"]
    out = []
    for i in range(source.num_rows):
        row = {f.name: cols[f.name][i] for f in FIELDS}
        for name in ("tables", "evidence"):
            row[name] = dict(row[name])
        out.append(ParsedReport(Report.from_dict(row), ""))
    return out


class _Rows:
    """Some rows of a snapshot, shaped like one for columns()."""

    def __init__(self, snapshot: Snapshot, rows: list[int]):
        self.records = snapshot.records.take(pa.array(rows, type=pa.int64()))
        self._names, self.num_rows = self.records.column_names, self.records.num_rows
        self._chunks: dict = {}

    def column(self, name: str) -> pa.ChunkedArray:
        return self.records.column(name)

    def cell(self, name: str, row: int):
        return _cell(self._chunks, name, self.column(name), row)
