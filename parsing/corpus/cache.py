"""On-disk cache of parsed reports, keyed by each file's sha256 and the parser's version.

SQLite (standard library) in one file, payloads as JSON through orjson (decoding 10,000 records
with the standard json module took 3 s of a 5 s warm load): a restart reparses only new or changed files, a parser
version change misses every entry, and a corrupt file is detected, set aside and rebuilt.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson

from parsing.schema import outcome_of

SCHEMA = 2  # 2: the checks of a record live in their own column, loaded only when asked for
DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / ".cache"
ENV = "REPORT_CACHE_DIR"


def default_cache_dir() -> Path:
    return Path(os.environ[ENV]) if os.environ.get(ENV) else DEFAULT_DIR


class CacheError(Exception):
    pass


def _disk_problem(exc: Exception) -> bool:
    text = str(exc).lower()
    return any(w in text for w in ("disk is full", "readonly", "read-only", "unable to open", "disk i/o"))


class ParseCache:
    """Rows: sha256, parser_version, payload (JSON of record-without-file, terms, error) and text."""

    FILE = "parsed-reports.sqlite"

    def __init__(self, folder: str | Path, parser_version: str):
        self.folder = Path(folder)
        self.path = self.folder / self.FILE
        self.version = parser_version
        self.notes: list[str] = []
        self.readonly = False
        self.unwritten = False  # some parsed report could not be stored (its checks then live only in memory)
        self.folder.mkdir(parents=True, exist_ok=True)
        if not os.access(self.folder, os.W_OK):
            # a valid cache in a folder we may not write (a shared, read-only copy) is still read
            if not self.path.exists():
                raise OSError(f"缓存文件夹 {self.folder} 不可写，且其中没有缓存")
            self.readonly = True
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True)
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
        db.execute("CREATE TABLE IF NOT EXISTS reports (sha256 TEXT, parser_version TEXT, payload TEXT, "
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
        if self._stamp() == self._stamp_seen():
            return db  # unchanged since this parser closed it cleanly: checked then, nothing stale (1.5 s at 10,000)
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
        """Cached payloads for the given digests; an entry that does not decode counts as missing."""
        wanted = list(dict.fromkeys(digests))
        found: dict[str, dict] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i:i + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self.db.execute(
                    f"SELECT sha256, payload FROM reports WHERE parser_version=? AND sha256 IN ({marks})",
                    (self.version, *chunk)).fetchall()
            except sqlite3.DatabaseError as exc:
                self._rebuild(exc)
                return {}
            for digest, payload in rows:
                try:
                    found[digest] = orjson.loads(payload)
                except (TypeError, ValueError):
                    continue
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
        return TextLoader(self.path, self.version)

    def checks_loader(self) -> ChecksLoader:
        return ChecksLoader(self.path, self.version)

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
        return digest, self.version, orjson.dumps(slim_of(payload)).decode("utf-8"), text, checks

    def writer(self, batch: int = 200) -> CacheWriter:
        return CacheWriter(self, batch)

    def _insert(self, rows: list[tuple]) -> bool:
        """Write rows; False when they could not be written (the note says why)."""
        if not rows or self.readonly:
            return not self.readonly
        try:
            self.db.executemany("INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?, ?)", rows)
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


class TextLoader:
    """Fetches one report's text from the cache on demand; picklable (holds a path, not a connection)."""

    def __init__(self, path: Path, version: str):
        self.path, self.version = path, version

    def __call__(self, key: str) -> str | None:
        try:
            with sqlite3.connect(self.path, timeout=30) as db:
                row = db.execute("SELECT text FROM reports WHERE sha256=? AND parser_version=?",
                                 (key, self.version)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def many(self, keys: list[str], batch: int = 500) -> Iterator[tuple[str, str]]:
        """(key, text) of the keys the cache holds, batch by batch over one connection (a connection per
        text cost ~1 ms each: 10 s for a full-text search of 10,000 reports)."""
        try:
            db = sqlite3.connect(self.path, timeout=30)
        except sqlite3.Error:
            return
        try:
            for i in range(0, len(keys), batch):
                chunk = keys[i:i + batch]
                marks = ",".join("?" * len(chunk))
                yield from db.execute(f"SELECT sha256, text FROM reports WHERE parser_version=? AND sha256 IN ({marks})",
                                      (self.version, *chunk))
        except sqlite3.Error:
            return
        finally:
            db.close()


class ChecksLoader:
    """Fetches one report's checks from the cache on demand (the 质量检查 view asks; a warm load does not).

    Picklable; keeps one read connection per thread, so reading thousands of reports' checks is quick."""

    def __init__(self, path: Path, version: str):
        self.path, self.version = path, version
        self._local = threading.local()

    def __getstate__(self):
        return {"path": self.path, "version": self.version}

    def __setstate__(self, state):
        self.__init__(state["path"], state["version"])

    def many(self, keys: list[str]) -> dict[str, list[dict]]:
        """The checks of several reports in one query per 500 (质量检查 draws rows of ~300 reports at once)."""
        out: dict[str, list[dict]] = {}
        try:
            db = getattr(self._local, "db", None)
            if db is None:
                db = self._local.db = sqlite3.connect(self.path, timeout=30)
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                rows = db.execute(f"SELECT sha256, checks FROM reports WHERE parser_version=? AND sha256 IN "
                                  f"({','.join('?' * len(chunk))})", (self.version, *chunk)).fetchall()
                out.update((key, orjson.loads(checks) if checks else []) for key, checks in rows)
        except (sqlite3.Error, ValueError):
            pass
        return out

    def __call__(self, key: str) -> list[dict]:
        try:
            db = getattr(self._local, "db", None)
            if db is None:
                db = self._local.db = sqlite3.connect(self.path, timeout=30)
            row = db.execute("SELECT checks FROM reports WHERE sha256=? AND parser_version=?",
                             (key, self.version)).fetchone()
            return orjson.loads(row[0]) if row and row[0] else []
        except (sqlite3.Error, ValueError):
            return []
