"""On-disk cache of parsed reports, keyed by each file's sha256 and the parser's version.

SQLite (standard library) in one file, payloads as JSON through orjson (decoding 10,000 records
with the standard json module took 3 s of a 5 s warm load): a restart reparses only new or changed files, a parser
version change misses every entry, and a corrupt file is detected, set aside and rebuilt.

Nothing read back is trusted as it is: every row carries a checksum of each of its columns (DIGEST), and every
payload and every row's checks are checked against the record's shape (parsing.schema.record_problem, from FIELDS).
A row that fails is dropped and parsed again, with a note. The database carries an epoch, made anew when it is
created and whenever rows are dropped; a corpus snapshot records the epoch it was built against and is used only
with that database (parsing/corpus/build.py), so an emptied, replaced or damaged database never serves with an old
snapshot.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
import uuid
import zlib
from collections.abc import Iterable, Iterator
from contextlib import closing
from pathlib import Path

import orjson

from parsing.schema import checks_problem, outcome_of, record_problem

SCHEMA = 3  # 2: the checks of a record in their own column; 3: each row's checksum, the database's epoch
DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / ".cache"
ENV = "REPORT_CACHE_DIR"


def default_cache_dir() -> Path:
    return Path(os.environ[ENV]) if os.environ.get(ENV) else DEFAULT_DIR


class CacheError(Exception):
    pass


def _disk_problem(exc: Exception) -> bool:
    text = str(exc).lower()
    return any(w in text for w in ("disk is full", "readonly", "read-only", "unable to open", "disk i/o"))


class CacheDamaged(Exception):
    """A row the cache should hold is missing or fails its checksum or shape (ChecksLoader in strict mode)."""


def digest_of(payload: str, text: str, checks: str) -> str:
    """The row's checksum: CRC-32 of each column's UTF-8 bytes (a changed byte anywhere shows; 0.1 s per GB)."""
    return ":".join(f"{zlib.crc32(part.encode('utf-8')):08x}" for part in (payload, text, checks))


def _checked(digest: bytes | None, index: int, raw: bytes | None) -> str | None:
    """A column read as bytes (CAST … AS BLOB: a damaged byte that is not UTF-8 would otherwise fail the whole
    query, every row of it), as text if its checksum matches and it decodes; else None."""
    parts = (digest or b"").split(b":")
    if len(parts) != 3 or raw is None or parts[index] != b"%08x" % zlib.crc32(raw):
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _text(raw: bytes | None) -> str:
    return (raw or b"").decode("utf-8", errors="replace")


def payload_problem(payload) -> str | None:
    """Why a cached payload is not one the parser writes (an error, or a slim record with its terms and its
    checks' summary), or None."""
    if not isinstance(payload, dict):
        return "缓存记录不是对象"
    if "error" in payload:
        return None if payload.keys() == {"error"} and isinstance(payload["error"], str) else "错误记录的格式不符"
    if payload.keys() != {"record", "terms", "failed", "outcomes"}:
        return "缓存记录的部分不符"
    problem = record_problem(payload["record"])
    if problem:
        return problem
    terms = payload["terms"]
    if not (isinstance(terms, dict) and all(isinstance(v, list) and all(isinstance(t, str) for t in v)
                                            for v in terms.values())):
        return "关键词的格式不符"
    outcomes = payload["outcomes"]
    if not (isinstance(outcomes, list) and all(isinstance(o, list) and len(o) == 2 and all(isinstance(x, str) for x in o)
                                               for o in outcomes)):
        return "检查结果摘要的格式不符"
    return checks_problem(payload["failed"])


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    """A connection to the cache file; read-only ones never create or write a file beside it (a read-only folder
    cannot hold the WAL's -shm file, and opening as usual failed there: every record's checks read as [])."""
    if readonly:
        return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    return sqlite3.connect(path, timeout=30)


class ParseCache:
    """Rows: sha256, parser_version, digest (the columns' checksums), payload (JSON of record-without-file, terms,
    error), text and checks."""

    FILE = "parsed-reports.sqlite"

    def __init__(self, folder: str | Path, parser_version: str):
        self.folder = Path(folder)
        self.path = self.folder / self.FILE
        self.version = parser_version
        self.notes: list[str] = []
        self.readonly = False
        self.unwritten = False  # some parsed report could not be stored (its checks then live only in memory)
        self.epoch = ""
        self.unchanged = False  # the file is as this parser's last clean close left it (its size and times)
        self.folder.mkdir(parents=True, exist_ok=True)
        if not os.access(self.folder, os.W_OK):
            # a valid cache in a folder we may not write (a shared, read-only copy) is still read
            if not self.path.exists():
                raise OSError(f"缓存文件夹 {self.folder} 不可写，且其中没有缓存")
            self.readonly = True
            self.db = _connect(self.path, readonly=True)
            try:
                row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                epoch = self.db.execute("SELECT value FROM meta WHERE key='epoch'").fetchone()
            except sqlite3.DatabaseError as exc:
                raise OSError(f"只读的缓存无法读取：{exc}") from exc
            if row is None or row[0] != str(SCHEMA) or epoch is None:
                raise OSError(f"只读的缓存格式版本为 {row[0] if row else '未知'}，当前为 {SCHEMA}")
            self.epoch = epoch[0]
            self.notes.append(f"缓存文件夹 {self.folder} 只读：读取已有缓存，新解析的报告不写入")
            return
        try:
            self.db = self._open()
        except (sqlite3.DatabaseError, CacheError) as exc:
            if isinstance(exc, sqlite3.OperationalError) and _disk_problem(exc):
                raise OSError(f"缓存文件无法写入：{exc}") from exc  # full disk / read-only: no broken copies
            self._set_aside(exc)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS reports (sha256 TEXT, parser_version TEXT, digest TEXT, payload TEXT, "
                   "text TEXT, checks TEXT, PRIMARY KEY (sha256, parser_version))")
        # the stat index: a file whose path, size, times and inode are unchanged has the sha256 it had, so a
        # warm load reads no report file at all (reading 10,000 files to hash them took 0.6 s)
        db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, "
                   "ctime_ns INTEGER, ino INTEGER, sha256 TEXT)")
        row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None:
            db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
        elif row[0] != str(SCHEMA):
            db.close()
            raise CacheError(f"缓存格式版本为 {row[0]}，当前为 {SCHEMA}")
        epoch = db.execute("SELECT value FROM meta WHERE key='epoch'").fetchone()
        if epoch is None:  # a new (or emptied) database: no snapshot was built against it
            self.epoch = uuid.uuid4().hex
            db.execute("INSERT OR REPLACE INTO meta VALUES ('epoch', ?)", (self.epoch,))
            db.commit()
        else:
            self.epoch = epoch[0]
        if self._stamp() == self._stamp_seen():
            # unchanged since this parser closed it cleanly: checked then, nothing stale (1.5 s at 10,000), and no row
            # gone (rows are dropped only with a new epoch)
            self.unchanged = True
            return db
        check = db.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            db.close()
            raise CacheError(f"缓存文件校验失败：{check}")
        stale = db.execute("DELETE FROM reports WHERE parser_version != ?", (self.version,)).rowcount
        if stale:
            self.notes.append(f"解析器版本已更新，清除了 {stale} 条旧缓存")
            self._drop_snapshots()
        db.commit()
        return db

    def keys(self) -> set[str]:
        """The keys of every row of this parser (the primary key's index: 10,000 keys in a few milliseconds)."""
        try:
            return {k for (k,) in self.db.execute("SELECT sha256 FROM reports WHERE parser_version=?",
                                                   (self.version,))}
        except sqlite3.DatabaseError:
            return set()

    def forget(self, keys: Iterable[str], why: str) -> None:
        """Drop rows that failed their checksum or shape: they are parsed again, and a new epoch makes every snapshot
        built against the old rows unusable. A read-only cache only says so (the rows are parsed, not stored)."""
        keys = list(dict.fromkeys(keys))
        if not keys:
            return
        self.notes.append(f"缓存中有 {len(keys)} 份报告的记录{why}，已{'跳过' if self.readonly else '删除'}并重新解析")
        if self.readonly:
            return
        try:
            self.db.executemany("DELETE FROM reports WHERE sha256=? AND parser_version=?", [(k, self.version) for k in keys])
            self.epoch = uuid.uuid4().hex
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('epoch', ?)", (self.epoch,))
            self.db.commit()
        except sqlite3.Error:
            pass
        self._drop_snapshots()

    def _drop_snapshots(self) -> None:
        """The corpus snapshots (parsing/corpus/snapshot.py) lean on this cache's rows: never keep them longer."""
        shutil.rmtree(self.folder / "snapshots", ignore_errors=True)

    def _set_aside(self, exc: Exception) -> None:
        """Never trust a broken cache: move it aside (kept for inspection) and start empty."""
        self._drop_snapshots()
        self._stamp_path().unlink(missing_ok=True)
        broken = self.path.with_name(f"{self.FILE}.broken-{int(time.time())}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self.path) + suffix)
            if part.exists():
                part.replace(Path(str(broken) + suffix))
        self.notes.append(f"缓存文件损坏或不可用（{exc}），已移到 {broken.name} 并重建")

    def get_many(self, digests: Iterable[str]) -> dict[str, dict]:
        """Cached payloads for the given digests. A row whose checksum or shape fails is dropped (forget) and counts
        as missing: its file is parsed again."""
        wanted = list(dict.fromkeys(digests))
        found: dict[str, dict] = {}
        bad: dict[str, str] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i:i + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self.db.execute(
                    "SELECT CAST(sha256 AS BLOB), CAST(digest AS BLOB), CAST(payload AS BLOB) FROM reports "
                    f"WHERE parser_version=? AND sha256 IN ({marks})", (self.version, *chunk)).fetchall()
            except sqlite3.DatabaseError as exc:
                self._rebuild(exc)
                return {}
            for raw_key, checksum, raw in rows:
                digest = _text(raw_key)
                payload = _checked(checksum, 0, raw)
                if payload is None:
                    bad[digest] = "校验和不符（缓存文件可能已损坏）"
                    continue
                try:
                    decoded = orjson.loads(payload)
                except (TypeError, ValueError):
                    bad[digest] = "无法解码"
                    continue
                problem = payload_problem(decoded)
                if problem:
                    bad[digest] = f"不符合记录格式（{problem}）"
                    continue
                found[digest] = decoded
        for why in dict.fromkeys(bad.values()):
            self.forget([k for k, w in bad.items() if w == why], why)
        return found

    def known_digests(self, stats: dict[str, tuple[int, int, int, int]]) -> dict[str, str]:
        """path → sha256 for the files whose (size, mtime_ns, ctime_ns, ino) are those recorded with it."""
        try:
            rows = self.db.execute("SELECT path, size, mtime_ns, ctime_ns, ino, sha256 FROM files").fetchall()
        except sqlite3.DatabaseError:
            return {}
        return {path: digest for path, size, mtime, ctime, ino, digest in rows
                if stats.get(path) == (size, mtime, ctime, ino)}

    def remember_digests(self, rows: Iterable[tuple[str, tuple[int, int, int, int], str]]) -> None:
        """Record (path, stat, sha256) of files just read; a failure only means they are read next time."""
        rows = [(path, *stat, digest) for path, stat, digest in rows]
        if not rows or self.readonly:
            return
        try:
            self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", rows)
            self.db.commit()
        except sqlite3.Error:
            pass

    def text_loader(self) -> TextLoader:
        return TextLoader(self.path, self.version, self.readonly)

    def checks_loader(self) -> ChecksLoader:
        return ChecksLoader(self.path, self.version, self.readonly)

    def put_many(self, items: Iterable[tuple[str, dict, str]], batch: int = 500) -> None:
        """Store (key, payload, text) rows, batch by batch (the JSON of 10,000 records at once is ~0.5 GB)."""
        rows = []
        for digest, payload, text in items:
            if len(rows) >= batch:
                if not self._insert(rows):
                    return  # a full disk or a rebuilt cache: the rest is not written either
                rows = []
            rows.append(self._row(digest, payload, text))
        self._insert(rows)

    def _row(self, digest: str, payload: dict, text: str) -> tuple:
        checks = payload["checks_json"] if "checks_json" in payload else orjson.dumps(slim_payload(payload)[1]).decode()
        slim = orjson.dumps(slim_of(payload)).decode("utf-8")
        return digest, self.version, digest_of(slim, text, checks), slim, text, checks

    def writer(self, batch: int = 200) -> CacheWriter:
        return CacheWriter(self, batch)

    def _insert(self, rows: list[tuple]) -> bool:
        """Write rows; False when they could not be written (the note says why)."""
        if not rows or self.readonly:
            return not self.readonly
        try:
            self.db.executemany("INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?, ?, ?)", rows)
            self.db.commit()
            return True
        except sqlite3.OperationalError as exc:
            if _disk_problem(exc):  # a full disk is not a broken cache: keep it, just do not grow it
                self.notes.append(f"缓存无法写入（{exc}）：本次解析结果未保存到缓存，报告照常显示")
                return False
            self._rebuild(exc)
        except sqlite3.DatabaseError as exc:
            self._rebuild(exc)
        return False

    def _rebuild(self, exc: Exception) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass
        self._set_aside(exc)
        self.db = self._open()

    def close(self) -> None:
        self.db.close()
        if not self.readonly:
            try:  # the file as this parser leaves it, checked and without stale rows: the next open may trust it
                self._stamp_path().write_text(self._stamp() or "", encoding="utf-8")
            except OSError:
                pass

    def _stamp_path(self) -> Path:
        return self.path.with_name(self.FILE + ".checked")

    def _stamp(self) -> str | None:
        """The database file's size and modification time, and this parser's version; None if it is not there."""
        try:
            info = self.path.stat()
        except OSError:
            return None
        wal = Path(str(self.path) + "-wal")
        pending = wal.stat().st_size if wal.exists() else 0
        return f"{info.st_size} {info.st_mtime_ns} {pending} {self.version}"

    def _stamp_seen(self) -> str | None:
        try:
            return self._stamp_path().read_text(encoding="utf-8") or None
        except OSError:
            return None


def slim_payload(payload: dict) -> tuple[dict, list[dict]]:
    """A parse payload as the cache stores it: the record without its checks (kept apart, read on demand) but
    with a summary of them (the failed ones, every rule's outcome); and the checks."""
    record = payload.get("record")
    if not record:
        return payload, []
    checks = record.get("checks", [])
    return {**payload, "record": {**record, "checks": []}, "failed": [c for c in checks if c["status"] == "FAIL"],
            "outcomes": [[c["rule"], outcome_of(c)] for c in checks]}, checks


def slim_of(payload: dict) -> dict:
    """The payload's slim form, from a full payload or from a worker's split one (its checks as JSON text under
    "checks_json", parsing/corpus/sandbox.py), without decoding those checks."""
    if "checks_json" in payload:
        return {k: v for k, v in payload.items() if k != "checks_json"}
    return slim_payload(payload)[0]


class CacheWriter:
    """Parse results written as they arrive, batch by batch. add and flush return the keys a write just stored:
    only those may drop their checks and text from memory (a full disk keeps everything in memory instead)."""

    def __init__(self, cache: ParseCache, batch: int):
        self.cache, self.batch = cache, batch
        self.rows: list[tuple] = []
        self.pending: list[str] = []
        self.failed = False

    def add(self, key: str, payload: dict, text: str) -> list[str]:
        """Queue one result; returns the keys that a write just stored (empty until a batch is full)."""
        if self.failed:
            return []
        self.rows.append(self.cache._row(key, payload, text))
        self.pending.append(key)
        return self.flush() if len(self.rows) >= self.batch else []

    def flush(self) -> list[str]:
        if not self.rows or self.failed:
            return []
        stored = self.pending if self.cache._insert(self.rows) else []
        self.failed = not stored
        self.cache.unwritten |= self.failed
        self.rows, self.pending = [], []
        return stored


DAMAGED = "缓存完整性"

def damaged_check(detail: str) -> dict:
    """What a report's checks read as when its cache row is missing or damaged: a finding that says so (shown in
    质量检查 and 文档), never an empty list that reads as "no checks"."""
    return {"rule": DAMAGED, "status": "FAIL", "severity": "WARN", "rule_id": "CACHE-INTEGRITY", "basis": "",
            "cells": [], "detail": detail}


class _Reader:
    """Reads one column of rows on demand, checking each against its checksum (and a check of its shape); picklable
    (holds a path, not a connection); one read connection per thread. A row that fails is dropped from the cache
    (a writable one) with a new epoch, so the next load parses its report again."""

    COLUMN, INDEX = "", 0

    def __init__(self, path: Path, version: str, readonly: bool = False):
        self.path, self.version, self.readonly = path, version, readonly
        self.strict = False  # raise CacheDamaged instead of answering for a damaged row (the CLI, which reloads)
        self.damaged: list[str] = []
        self._local = threading.local()

    def __getstate__(self):
        return {"path": self.path, "version": self.version, "readonly": self.readonly}

    def __setstate__(self, state):
        self.__init__(state["path"], state["version"], state.get("readonly", False))

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = _connect(self.path, self.readonly)
        return db

    def _rows(self, keys: list[str]) -> dict[str, str | None]:
        """key → the column's text, or None where its checksum fails (as bytes: see _checked); a key without a row
        is left out."""
        out = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            out.update((_text(key), _checked(digest, self.INDEX, raw)) for key, digest, raw in self._db().execute(
                f"SELECT CAST(sha256 AS BLOB), CAST(digest AS BLOB), CAST({self.COLUMN} AS BLOB) FROM reports "
                f"WHERE parser_version=? AND sha256 IN ({','.join('?' * len(chunk))})",
                (self.version, *chunk)).fetchall())
        return out

    def _lost(self, keys: list[str]) -> None:
        """Drop the rows of keys from a writable cache, with a new epoch (every snapshot leaning on them unusable)."""
        self.damaged.extend(keys)
        if self.readonly:
            return
        try:
            with closing(sqlite3.connect(self.path, timeout=30)) as db, db:  # closed here, not at the next collection
                db.executemany("DELETE FROM reports WHERE sha256=? AND parser_version=?", [(k, self.version) for k in keys])
                db.execute("INSERT OR REPLACE INTO meta VALUES ('epoch', ?)", (uuid.uuid4().hex,))
            shutil.rmtree(self.path.parent / "snapshots", ignore_errors=True)
        except sqlite3.Error:
            pass


class TextLoader(_Reader):
    """Fetches one report's text from the cache on demand (None when its row is missing or damaged)."""

    COLUMN, INDEX = "text", 1

    def many(self, keys: list[str], batch: int = 500) -> Iterator[tuple[str, str]]:
        """(key, text) of the keys the cache holds, batch by batch over one connection (a connection per
        text cost ~1 ms each: 10 s for a full-text search of 10,000 reports). A row whose text fails its checksum is
        left out and dropped from the cache (its report is parsed again next load)."""
        lost = []
        try:
            for i in range(0, len(keys), batch):
                for key, text in self._rows(keys[i:i + batch]).items():
                    if text is None:
                        lost.append(key)
                    else:
                        yield key, text
        except sqlite3.Error:
            return
        finally:
            if lost:
                self._lost(lost)

    def __call__(self, key: str) -> str | None:
        try:
            rows = self._rows([key])
        except sqlite3.Error:
            return None
        if key in rows and rows[key] is None:
            self._lost([key])
        return rows.get(key)


class ChecksLoader(_Reader):
    """Fetches reports' checks from the cache on demand (the 质量检查 view asks; a warm load does not), each row
    checked against its checksum and the checks' shape. A row missing or damaged answers damaged_check (or, strict,
    raises CacheDamaged) and is dropped from the cache, so the next load parses its report again."""

    COLUMN, INDEX = "checks", 2

    def many(self, keys: list[str]) -> dict[str, list[dict]]:
        """The checks of several reports in one query per 500 (质量检查 draws rows of ~300 reports at once)."""
        keys = list(dict.fromkeys(keys))
        try:
            rows = self._rows(keys)
        except sqlite3.Error as exc:  # the file, not a row: nothing is dropped
            if self.strict:
                raise CacheDamaged(keys) from exc
            return {key: [damaged_check(f"缓存无法读取（{exc}）；下次加载时重新解析")] for key in keys}
        out: dict[str, list[dict]] = {}
        for key, value in rows.items():
            checks = _decoded_checks(value)
            if checks is not None:
                out[key] = checks
        return self._answer(out, [k for k in keys if k not in out], "缓存中此报告的检查结果缺失或已损坏")

    def _answer(self, out: dict[str, list[dict]], lost: list[str], why: str) -> dict[str, list[dict]]:
        if lost:
            self._lost(lost)
            if self.strict:
                raise CacheDamaged(lost)
            for key in lost:
                out[key] = [damaged_check(f"{why}，已从缓存删除；下次加载时重新解析")]
        return out

    def __call__(self, key: str) -> list[dict]:
        return self.many([key])[key]


def _decoded_checks(value: str | None) -> list[dict] | None:
    """A row's checks (already checked against their checksum) if they decode and have the checks' shape."""
    if value is None:
        return None
    try:
        checks = orjson.loads(value) if value else []
    except ValueError:
        return None
    return None if checks_problem(checks) else checks
