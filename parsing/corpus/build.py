"""Many reports → one corpus: parse unseen files (supervised workers, the cache), then the corpus-level steps
(duplicates, conflicts between files of one agency-year, cross-year checks)."""

from __future__ import annotations

import gc
import os
import shutil
import sqlite3
import stat
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import orjson
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from parsing.analysis.keywords import terms as keyword_terms
from parsing.corpus import snapshot as snapshots
from parsing.corpus.cache import CacheDamaged, ChecksLoader, ParseCache, default_cache_dir, slim_of
from parsing.corpus.files import listed_reports, max_bytes, read_report_bytes, sha256_of, suffix_of
from parsing.corpus.fingerprint import parser_fingerprint
from parsing.corpus.sandbox import TRANSIENT, Ahead, parse_supervised
from parsing.corpus.snapshot import Snapshot
from parsing.errors import ReportReadError
from parsing.pipeline import parse_bytes
from parsing.schema import LazyChecks, LoadError, ParsedReport, Report
from parsing.template.checklist import annotate, check_across_years
from parsing.template.checks import check_years


class LazyReports(Sequence):
    """A snapshot's reports as ParsedReport objects, rebuilt the first time anything reads them (uploads, the
    brief, the CLI); the app's tables come from the snapshot's columns and never ask. len() does not load."""

    def __init__(self, build: Callable[[], list[ParsedReport]], count: int):
        self._build, self._count = build, count
        self._items: list[ParsedReport] | None = None

    @property
    def loaded(self) -> bool:
        return self._items is not None

    def _load(self) -> list[ParsedReport]:
        if self._items is None:
            self._items = self._build()
        return self._items

    def __iter__(self) -> Iterator[ParsedReport]:
        return iter(self._load())

    def __len__(self) -> int:
        return self._count if self._items is None else len(self._items)

    def __getitem__(self, index):
        return self._load()[index]

    def __add__(self, other) -> list[ParsedReport]:
        return self._load() + list(other)

    def __radd__(self, other) -> list[ParsedReport]:
        return list(other) + self._load()

    def __eq__(self, other) -> bool:
        return self._load() == (list(other) if isinstance(other, Sequence) else other)

    __hash__ = None


@dataclass
class Corpus:
    reports: Sequence[ParsedReport] = field(default_factory=list)  # a list, or LazyReports from a snapshot
    errors: list[LoadError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # duplicates, conflicts and cache events, for the user
    terms: Mapping[str, dict[str, list[str]]] = field(default_factory=dict)  # file → part → jieba terms
    text_loader: Callable[[str], str | None] | None = field(default=None, repr=False)
    snapshot: Snapshot | None = field(default=None, repr=False)  # the columnar records of a warm load
    checks_loader: Callable[[str], list[dict]] | None = field(default=None, repr=False)
    # a file was stopped at a limit of the moment (sandbox.TRANSIENT): what this load gives is not what the folder
    # gives, so no snapshot is kept under the folder's key (the next load tries that file again)
    unsettled: bool = field(default=False, repr=False)
    _texts: dict[str, str] = field(default_factory=dict, repr=False)
    # this load's own name: views' caches are keyed by their reports' bytes and names, but a report's checks
    # between years change with the rest of the folder, so a cached table is kept per load as well
    token: str = field(default_factory=lambda: uuid.uuid4().hex, repr=False, compare=False)

    def verify(self) -> bool:
        """Read every record's checks now, each row against its checksum and shape (the CLI, which prints them all,
        asks before printing one). False when a row was missing or damaged: it is dropped from the cache (a
        writable one) and the caller loads again; an app view instead shows such a row as a finding."""
        loader = self.checks_loader
        if not isinstance(loader, ChecksLoader):
            return True
        loader.strict = True
        try:
            checks = [p.record.checks for p in self.reports]
            LazyChecks.load_all(checks)
            for c in checks:
                len(c)  # a LazyChecks the batch left (none in practice): read here, strictly too
        except CacheDamaged:
            return False
        finally:
            loader.strict = False
        return True

    def text_of(self, file: str) -> str:
        if isinstance(self.reports, LazyReports) and not self.reports.loaded and self.snapshot is not None:
            if file not in self._texts:  # one report's text, without rebuilding every record
                key = self.snapshot.cache_key_of(file)
                self._texts[file] = (self.text_loader(key) if self.text_loader is not None else None) or ""
            return self._texts[file]
        parsed = next(r for r in self.reports if r.record.file == file)
        if not parsed.text and self.text_loader is not None:
            parsed.text = self.text_loader(cache_key(parsed.record.sha256, file)) or ""
        return parsed.text


def cache_key(digest: str, name: str) -> str:
    """sha256 of the bytes plus the file type (the same bytes read as .pdf or .txt differ)."""
    return digest + suffix_of(name)


def parse_payload(item: tuple[str, bytes]) -> tuple[dict, str]:
    """One file → (payload, text). Runs in worker processes; payload is JSON-ready."""
    name, data = item
    try:
        parsed = parse_bytes(data, file=name)
    except ReportReadError as exc:
        return {"error": str(exc)}, ""
    record = parsed.record.to_dict()
    terms = {part: keyword_terms(record[part]) for part in ("problems", "measures")}
    return {"record": record, "terms": terms}, parsed.text


class Entry(NamedTuple):
    """One file to load: its bytes, or (a warm load) only its sha256 from the stat index and where to read it.
    A NamedTuple: 100,000 frozen dataclasses took 0.4 s to make."""
    name: str
    data: bytes | None
    digest: str
    path: str | Path | None = None


def parse_many(files: Iterable[tuple[str, bytes]], cache: ParseCache | None = None, workers: int = 1,
               progress: Callable[[int, int], None] | None = None, isolate: bool | None = None) -> Corpus:
    """Parse (name, bytes) pairs into a corpus; with a cache, only unseen contents are parsed.

    isolate: each file in a child process with a time and memory limit (parsing/sandbox.py); None: when workers > 1."""
    return _parse_entries([Entry(name, data, sha256_of(data)) for name, data in files], cache, workers,
                          progress, isolate)


def _parse_entries(entries: list[Entry], cache: ParseCache | None, workers: int,
                   progress: Callable[[int, int], None] | None, isolate: bool | None = None,
                   errors: list[LoadError] | None = None, corpus_steps: bool = True,
                   ahead: Ahead | None = None) -> Corpus:
    corpus = Corpus()
    unique, corpus.notes = _drop_duplicates(entries)
    cached = cache.get_many(cache_key(e.digest, e.name) for e in unique) if cache is not None else {}
    todo: list[tuple[str, bytes]] = []
    todo_keys: list[str] = []
    readable: list[Entry] = []
    for entry in unique:
        key = cache_key(entry.digest, entry.name)
        if key not in cached:
            data = _bytes_of(entry, errors if errors is not None else corpus.errors)
            if data is None:
                continue
            todo.append((entry.name, data))
            todo_keys.append(key)
            entry = Entry(entry.name, data, entry.digest, entry.path)
        readable.append(entry)
    fresh: dict[str, tuple[dict, str]] = {}
    stored: set[str] = set()  # fresh results safely in the cache: their checks and text are read back on demand
    writer = cache.writer() if cache is not None else None

    def slim(keys: list[str]) -> None:
        for key in keys:
            fresh[key] = (slim_of(fresh[key][0]), "")
            stored.add(key)

    def take(index: int, payload: dict, text: str) -> None:
        """Each result as it arrives: into the cache, then only its slim record kept (not 10,000 at once). A limit
        of the moment (a timeout, the memory limit) is never cached: the next load tries the file again."""
        key = todo_keys[index]
        fresh[key] = (payload, text)
        if writer is not None and not payload.get(TRANSIENT):
            slim(writer.add(key, payload, text))

    _run(todo, workers, progress, take, ahead, workers > 1 if isolate is None else isolate)
    del todo
    checks_loader = None
    if cache is not None:
        slim(writer.flush())
        corpus.notes.extend(cache.notes)
        corpus.text_loader = cache.text_loader()
        checks_loader = cache.checks_loader()
    for entry in readable:
        name, key = entry.name, cache_key(entry.digest, entry.name)
        payload, text = fresh[key] if key in fresh else (cached[key], "")
        if cache is not None:
            text = ""  # it is in the cache (text_loader): 10,000 texts held in memory cost ~0.3 GB
        if "error" in payload:
            corpus.errors.append(LoadError(name, payload["error"]))
            corpus.unsettled |= bool(payload.get(TRANSIENT))
            continue
        if "checks_json" in payload:  # a fresh result that is not in the cache: its checks are decoded here
            payload = {**payload, "record": {**payload["record"], "checks": orjson.loads(payload["checks_json"])}}
        # a cached payload was checked against the record's shape when read (ParseCache.get_many): one of another
        # shape was dropped there and its file parsed again with the others
        record = Report.from_dict({**payload["record"], "file": name, "sha256": key[:64]})
        if (key not in fresh or key in stored) and checks_loader is not None:  # every report has checklist results
            record.checks = LazyChecks(checks_loader, key, failed=payload.get("failed"),  # read only when looked at
                                       outcomes=payload.get("outcomes"))
        corpus.reports.append(ParsedReport(record=record, text=text))
        corpus.terms[name] = payload.get("terms", {})
    if corpus_steps:
        finish(corpus)
    return corpus


def _drop_duplicates(entries: list[Entry]) -> tuple[list[Entry], list[str]]:
    """The entries with identical bytes counted once, and a note naming each one dropped (empty files are each
    kept: every one of them is named as empty)."""
    seen: dict[str, str] = {}
    unique, notes = [], []
    for entry in entries:
        if entry.data != b"" and entry.digest in seen:
            notes.append(duplicate_note(entry.name, seen[entry.digest]))
            continue
        seen[entry.digest] = entry.name
        unique.append(entry)
    return unique, notes


DUPLICATE_TAIL = "”内容完全相同（sha256 相同），只计一次"


def duplicate_note(dropped: str, kept: str) -> str:
    return f"“{dropped}”与“{kept}{DUPLICATE_TAIL}"


def duplicate_pair(note: str) -> tuple[str, str] | None:
    """(dropped, kept) of a duplicate_note; None for any other note."""
    if not (note.startswith("“") and note.endswith(DUPLICATE_TAIL)) or note.count("”与“") != 1:
        return None
    dropped, kept = note[1:-len(DUPLICATE_TAIL)].split("”与“")
    return dropped, kept


def _bytes_of(entry: Entry, errors: list[LoadError]) -> bytes | None:
    """The entry's bytes, read now if the stat index let the load skip them; None (and the reason) if unreadable."""
    if entry.data is not None:
        return entry.data
    try:
        data = read_report_bytes(entry.path)
    except ReportReadError as exc:
        errors.append(LoadError(entry.name, str(exc)))
        return None
    except OSError as exc:
        errors.append(LoadError(entry.name, os_reason(exc)))
        return None
    if sha256_of(data) != entry.digest:  # changed between the stat and the read: its real digest decides
        errors.append(LoadError(entry.name, "文件在读取时被改动，请刷新页面重新读取"))
        return None
    return data


def _run(todo: list[tuple[str, bytes]], workers: int, progress, on_result: Callable[[int, dict, str], None],
         ahead: Ahead | None = None, isolate: bool = True) -> None:
    """Every file's (payload, text) handed to on_result as it is parsed: in worker processes, each file within the
    time and memory limit of parsing/sandbox.py, so one runaway file never stalls the whole load nor the server.
    isolate=False (asked for explicitly: tests, benches) parses in this process, without limits."""
    if not isolate:
        total = len(todo)
        if progress:
            progress(0, total)
        for i, item in enumerate(todo, 1):
            on_result(i - 1, *parse_payload(item))
            if progress and (i % 25 == 0 or i == total):
                progress(i, total)
        return
    parse_supervised(todo, max(1, workers), progress=progress, on_result=on_result, split_checks=True, ahead=ahead)


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off while a block builds many long-lived objects (a frame of 10,000
    records: each automatic collection walked the whole growing heap again, a quarter of a warm load). Objects
    are still freed by reference counting; the collector's earlier state comes back on leaving."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def load_corpus(paths: Iterable[str | Path], cache_dir: str | Path | None = None, use_cache: bool = True,
                workers: int | None = None, progress: Callable[[int, int], None] | None = None,
                isolate: bool | None = None) -> Corpus:
    """Read report files and folders; parse in parallel; reuse the on-disk cache (shared by app and CLI).

    Every file is parsed in the supervised worker processes (parsing/corpus/sandbox.py: a time and a memory limit
    per file), also on a machine of one core; only isolate=False, or workers=1 without isolate, parses in this
    process (the tests' and benches' way).

    With the cache, a file whose path, size, times and inode match the stat index is not read at all: its
    sha256 is the recorded one (a warm load of 10,000 reports reads no report file). The cyclic collector is
    paused meanwhile (paused_gc); the parse workers collect as usual."""
    with paused_gc():
        return _load_corpus(paths, cache_dir, use_cache, workers, progress,
                            (workers is None or workers > 1) if isolate is None else isolate)


def _load_corpus(paths, cache_dir, use_cache, workers, progress, isolate: bool) -> Corpus:
    cache, notice, ahead = None, None, None
    workers = workers or os.cpu_count() or 1
    if use_cache:
        try:
            cache = ParseCache(cache_dir or default_cache_dir(), parser_fingerprint())
        except (OSError, sqlite3.Error) as exc:
            # an uncreatable, unwritable or full cache folder: parse without a cache, every record still shown
            notice = f"缓存不可用，本次直接解析全部报告（{getattr(exc, 'strerror', None) or exc}）"
    if cache is not None and not cache.readonly and isolate and snapshots.exists(cache.folder):
        # one worker started (and warming up, ~0.4 s) now, while the files are listed and looked up: a file or
        # two added to a loaded folder need no more, and a warm load stops it unused (~10 ms)
        ahead = Ahead(1, split_checks=True)
    met: list[str] = []  # snapshots found damaged while read (in the thread below too)
    early = _Early(snapshots.latest, cache.folder, met) if cache is not None and snapshots.exists(cache.folder) \
        else None
    try:
        found = listed_reports(paths)  # (name, absolute path, lstat)
        limit = max_bytes()
        stats = {where: s for _name, where, info in found if (s := _stat_key_of(info, limit)) is not None
                 } if cache else {}
        # the listing as a snapshot keeps it: every file's lstat, unreadable ones too (an empty or oversized file
        # gives the same error while it is unchanged); with the size limit, which decides what is readable
        listing = {where: (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
                   for _name, where, info in found if info is not None}
        listed = cache is not None and bool(found) and len(listing) == len(found)
        listing_key = f"{cache.version}|{limit}" if cache is not None else ""
        newest = _usable(early.result(), cache, met) if early is not None else None
        if listed and newest is not None and snapshots.listing_matches(newest, listing, listing_key):
            if ahead is not None:
                ahead.close()
            return _from_snapshot(newest, cache)  # the folder as the newest snapshot listed it: nothing to look up
        known = cache.known_digests(stats) if cache is not None and stats else {}
        if ahead is not None and len(known) == len(found):
            ahead.close()  # every file as recorded: nothing to parse (a warm load)
        entries, errors, read = [], [], []
        for name, where, _info in found:
            if where in known:
                entries.append(Entry(name, None, known[where], where))
                continue
            try:
                data = read_report_bytes(where)
            except ReportReadError as exc:
                errors.append(LoadError(name, str(exc)))
                continue
            except OSError as exc:
                errors.append(LoadError(name, os_reason(exc)))
                listed = False  # a failure of the moment (permissions, EIO): never kept as what this listing gives
                continue
            entries.append(Entry(name, data, sha256_of(data), where))
            if where in stats:
                read.append((where, stats[where], entries[-1].digest))
        listed_errors = len(errors)  # a later error (a file changed while read) also means: keep no listing
        key = snapshots.snapshot_key(cache.version, [(e.name, cache_key(e.digest, e.name)) for e in entries],
                                     errors) if cache is not None else None
        if cache is not None and (snap := newest if newest is not None and newest.path.name == key
                                  else _usable(snapshots.read(cache.folder, key, met), cache, met)) is not None:
            cache.remember_digests(read)
            return _from_snapshot(snap, cache)  # a warm load: no record objects, no JSON decoding
        if cache is not None and not cache.readonly and (
                done := _incremental(entries, errors, cache, key, workers, progress, ahead, newest, isolate)):
            cache.remember_digests(read)
            if listed and len(errors) == listed_errors:
                snapshots.write_stats(done.snapshot.path, listing, listing_key)
            return done  # a few files added, changed or removed: the newest snapshot plus those
        corpus = _parse_entries(entries, cache, workers, progress, isolate, errors=errors, ahead=ahead)
        if cache is not None:
            cache.remember_digests(read)
    finally:
        if ahead is not None:
            ahead.close()
        if cache is not None:
            cache.close()
    if notice:
        corpus.notes.insert(0, notice)
    corpus.errors = errors + corpus.errors
    if cache is not None and not cache.readonly:
        records = snapshots.records_table(list(corpus.reports),
                                          [cache_key(p.record.sha256, p.record.file) for p in corpus.reports])
        notes = [n for n in corpus.notes if n not in cache.notes]
        target = snapshots.write_tables(cache.folder, _settled_key(key, corpus), records,
                                        snapshots.terms_table(corpus.terms), corpus.errors, notes, cache.epoch)
        if target is not None and listed and len(errors) == listed_errors and not cache.unwritten \
                and not corpus.unsettled:
            snapshots.write_stats(target, listing, listing_key)
        if target is not None and not cache.unwritten:
            # served from the snapshot just written, as the next (warm) load will be: the record objects are
            # let go (2.5 GB at 100,000 reports) and the frame is made from Arrow (4.5 -> 1.5 s there)
            return _from_snapshot(Snapshot.of(target, records, corpus.errors, notes, cache.epoch), cache)
    return corpus


def _usable(snap: Snapshot | None, cache: ParseCache | None, met: list[str]) -> Snapshot | None:
    """snap, if it was built against this very cache database (the epoch both carry) and every row it leans on is
    there; otherwise None, and the snapshot is removed (this load builds it again from the cache). The notes of
    snapshots found damaged while read (met) join the load's cache notes."""
    if cache is None:
        return None
    for note in dict.fromkeys(met):
        if note not in cache.notes:
            cache.notes.append(note)
    if snap is None:
        return None
    # the rows: a database as this parser's last clean close left it holds every row it held (rows are dropped only
    # with a new epoch); one changed since (replaced by an older copy, edited) is looked at (a few ms per 1,000 rows)
    if snap.epoch == cache.epoch and (cache.unchanged or set(snap.column("cache_key").to_pylist()) <= cache.keys()):
        return snap
    if not cache.readonly:
        shutil.rmtree(snap.path, ignore_errors=True)
    note = "缓存中的语料快照与缓存数据库不符（数据库被清空、替换，或有记录已删除），已删除并由缓存重建"
    if note not in cache.notes:
        cache.notes.append(note)
    return None


def _from_snapshot(snap: Snapshot, cache: ParseCache) -> Corpus:
    checks_loader = cache.checks_loader()
    corpus = Corpus(errors=snap.errors, notes=list(cache.notes) + snap.notes, text_loader=cache.text_loader(),
                    snapshot=snap, checks_loader=checks_loader)
    corpus.reports = LazyReports(lambda: snapshots.reports(snap, checks_loader), snap.num_rows)
    corpus.terms = _LazyTerms(snap)
    return corpus


class _LazyTerms(Mapping):
    """The snapshot's terms (file → part → terms), read from terms.parquet when the keyword view first asks."""

    def __init__(self, snap: Snapshot):
        self._snap = snap

    def __getitem__(self, key):
        return self._snap.terms[key]

    def __iter__(self):
        return iter(self._snap.terms)

    def __len__(self) -> int:
        return len(self._snap.terms)

    def lists(self, part: str, files: list[str]):
        """Each file's terms of part as an Arrow list (null for a file the snapshot does not hold)."""
        return self._snap.term_lists(part, files)


def _stat_key_of(info: os.stat_result | None, limit: int) -> tuple[int, int, int, int] | None:
    if info is None or not stat.S_ISREG(info.st_mode) or not 0 < info.st_size <= limit:
        return None  # an empty file is always read (and named as empty), never looked up
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


class _Early:
    """fn(*args) in a thread started now, its result (None on any error) taken later: the newest snapshot is
    read (Arrow, mostly without the GIL) while the files are listed and looked up; a warm load then finds it
    read when its key is known (the same one, nearly always)."""

    def __init__(self, fn, *args):
        self._result = None
        self._thread = threading.Thread(target=self._run, args=(fn, args), daemon=True)
        self._thread.start()

    def _run(self, fn, args) -> None:
        try:
            self._result = fn(*args)
        except Exception:  # noqa: BLE001 - only a head start: the load reads what it needs itself
            self._result = None

    def result(self):
        self._thread.join()
        return self._result


def os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "文件不存在"
    if isinstance(exc, PermissionError):
        return "没有读取权限"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹"
    return exc.strerror or str(exc)


def finish(corpus: Corpus) -> None:
    """Corpus-level steps: conflicts between files of one agency and year, then cross-year checks."""
    flag_conflicts(corpus)
    link_years(corpus.reports)


INCREMENTAL_SHARE = 0.1  # above this share of new or changed files, the full path is as quick


def _incremental(entries: list[Entry], errors: list[LoadError], cache: ParseCache, key: str, workers: int,
                 progress: Callable[[int, int], None] | None, ahead: Ahead | None = None,
                 newest: Snapshot | None = None, isolate: bool | None = None) -> Corpus | None:
    """The newest snapshot's rows for the files it already holds, plus the new or changed files, without
    rebuilding the others: only the agencies that gained or lost a report get their conflicts and cross-year
    checks computed again (both are within one agency). None when there is no snapshot to start from or too
    much changed; the result is then the full path's, which tests/parsing/corpus/test_build.py compares."""
    met: list[str] = []
    prev = newest if newest is not None else _usable(snapshots.latest(cache.folder, met), cache, met)
    if prev is None:
        return None
    table = prev.records
    files, keys = table.column("file").to_pylist(), table.column("cache_key").to_pylist()
    agencies = table.column("agency").to_pylist()
    at = {(f, k): i for i, (f, k) in enumerate(zip(files, keys, strict=True))}
    unique, notes = _drop_duplicates(entries)
    rows = [at.get((e.name, cache_key(e.digest, e.name))) for e in unique]
    new = [e for e, i in zip(unique, rows, strict=True) if i is None]
    if len(new) > max(20, len(unique) * INCREMENTAL_SHARE):
        return None
    fresh = _parse_entries(new, cache, workers, progress, isolate, errors=errors, corpus_steps=False, ahead=ahead)
    if cache.unwritten:
        return None  # the new files' checks are not in the cache, and a snapshot's rows would read them there
    kept = {i for i in rows if i is not None}
    gone = {agencies[i] for i in range(len(files)) if i not in kept}
    affected = ({p.record.agency for p in fresh.reports} | gone) - {None, ""}
    checks_loader = cache.checks_loader()
    redo_rows = sorted(i for i in kept if agencies[i] in affected)
    redo = dict(zip(redo_rows, snapshots.reports(prev, checks_loader, redo_rows), strict=True))
    for parsed in redo.values():  # their corpus-level results are computed again below
        clear_corpus_results(parsed)
    finish(Corpus(reports=list(redo.values()) + list(fresh.reports)))  # every report of those agencies
    made = {(p.record.file, p.record.sha256): p for p in fresh.reports}
    changed: list[ParsedReport] = []
    order: list[tuple[str, int]] = []  # ("prev", row) or ("new", index into changed)
    for entry, i in zip(unique, rows, strict=True):
        if i is not None and i not in redo:
            order.append(("prev", i))
            continue
        parsed = redo[i] if i is not None else made.get((entry.name, entry.digest))
        if parsed is not None:  # None: the new file could not be read or is not a report (an error)
            order.append(("new", len(changed)))
            changed.append(parsed)
    added = snapshots.records_table(changed, [cache_key(p.record.sha256, p.record.file) for p in changed])
    added = added.cast(table.schema)
    pieces, run = [], None  # runs of consecutive rows as zero-copy slices (a take copies every column)
    for kind, i in order:
        if run is not None and run[0] == kind and run[2] == i:
            run[2] += 1
            continue
        if run is not None:
            pieces.append((table if run[0] == "prev" else added).slice(run[1], run[2] - run[1]))
        run = [kind, i, i + 1]
    if run is not None:
        pieces.append((table if run[0] == "prev" else added).slice(run[1], run[2] - run[1]))
    records = pa.concat_tables(pieces) if pieces else table.slice(0, 0)
    terms = pq.read_table(prev.path / "terms.parquet")
    kept_files = pa.array([files[i] for i in rows if i is not None], type=pa.string())  # their terms are stored
    terms = pa.concat_tables([terms.filter(pc.is_in(terms.column("file"), value_set=kept_files)),
                              snapshots.terms_table(fresh.terms).cast(terms.schema)])
    notes += conflict_notes(zip(records.column("agency").to_pylist(), records.column("year").to_pylist(),
                                records.column("file").to_pylist(), strict=True))
    key = _settled_key(key, fresh)
    if snapshots.write_tables(cache.folder, key, records, terms, errors + fresh.errors, notes, cache.epoch) is None:
        return None
    snap = snapshots.Snapshot.of(cache.folder / "snapshots" / key, records, errors + fresh.errors, notes, cache.epoch)
    corpus = _from_snapshot(snap, cache)
    corpus.notes = list(fresh.notes) + snap.notes  # this load's cache events, then the corpus notes
    return corpus


def _settled_key(key: str, corpus: Corpus) -> str:
    """The snapshot key of what a load gives: the folder's key, or, when a file was stopped at a limit of the
    moment, a key no later load asks for (the snapshot still serves this load, and as the base of the next)."""
    if not corpus.unsettled:
        return key
    errors = "".join(f"\n{e.file}\t{e.reason}" for e in corpus.errors)
    return f"{key}-unsettled-{sha256_of(errors.encode())[:16]}"


CONFLICT_PREFIX = "冲突："


def clear_corpus_results(parsed: ParsedReport) -> None:
    """Drop what the corpus steps added to a record (conflict warnings, checks between years), so that finish()
    can compute them again over a new set of reports."""
    rec = parsed.record
    rec.warnings = [w for w in rec.warnings if not w.startswith(CONFLICT_PREFIX)]
    if isinstance(rec.checks, LazyChecks):
        rec.checks.extra = []
    else:
        rec.checks = [c for c in rec.checks if c.get("scope") != "years"]

def conflict_notes(rows: Iterable[tuple[str | None, int | None, str]]) -> list[str]:
    """The corpus note of every agency-year with two or more files; rows: (agency, year, file) in corpus order."""
    groups: dict[tuple[str, int], list[str]] = {}
    for agency, year, file in rows:
        if agency and year:
            groups.setdefault((agency, year), []).append(file)
    return [f"{agency} {year}年有 {len(names)} 份不同的文件（{'、'.join(names)}），都已保留，请核对哪份为准"
            for (agency, year), names in groups.items() if len(names) >= 2]


def flag_conflicts(corpus: Corpus) -> None:
    """Two different files for the same agency and year: both kept, both flagged."""
    groups: dict[tuple[str, int], list[ParsedReport]] = {}
    for parsed in corpus.reports:
        rec = parsed.record
        if rec.agency and rec.year:
            groups.setdefault((rec.agency, rec.year), []).append(parsed)
    corpus.notes.extend(conflict_notes((p.record.agency, p.record.year, p.record.file) for p in corpus.reports))
    for members in groups.values():
        if len(members) < 2:
            continue
        for parsed in members:
            others = "、".join(p.record.file for p in members if p is not parsed)
            warning = f"{CONFLICT_PREFIX}与“{others}”是同一机构同一年份的不同文件"
            if warning not in parsed.record.warnings:
                parsed.record.warnings.append(warning)


def link_years(reports: list[ParsedReport]) -> None:
    """Cross-year checks: each template report against the same agency's report of the year before."""
    by_agency: dict[str, dict[int, ParsedReport]] = {}
    for parsed in reports:
        rec = parsed.record
        if rec.agency and rec.year:
            by_agency.setdefault(rec.agency, {})[rec.year] = parsed
    for years in by_agency.values():
        for year, parsed in years.items():
            prev = years.get(year - 1)
            if prev is None:
                continue
            found = []
            if prev.record.tables and parsed.record.tables:
                found = [annotate(c.to_dict())
                         for c in check_years(prev.record.tables, parsed.record.tables, year - 1, year)]
            found += check_across_years(prev.record, parsed.record)
            for c in found:
                c["scope"] = "years"  # computed on the corpus, never stored with the record
            checks = parsed.record.checks
            if isinstance(checks, LazyChecks) and not checks.loaded:
                checks.extra = found  # joined when the checks are first read
            else:
                parsed.record.checks = [c for c in checks if c.get("scope") != "years"
                                        and not c["rule"].startswith("跨年衔接")] + found
