"""Columnar store benchmark: Parquet (pyarrow) against DuckDB for the parsed-report records.

    python bench/columnar_bench.py RECORDS.jsonl [--repeat 3] [--workdir DIR]

RECORDS.jsonl has one parsed report per line (python -m parsing CORPUS --format jsonl --no-cache).
The records are split into four tables, the same for both engines:

    main      one row per report: scalar fields, channels / warnings as list<string>, the small dicts
              (channel_counts, proactive_breakdown, tables) as JSON strings, and quality flags
              (checks_fail, checks_not_assessable counted from the checks)
    checks    one row per check: sha256, seq, rule_id, rule, status, severity, detail, basis, scope, cells
    evidence  one row per evidenced field: sha256, field, start, end, text
    text      one row per report: sha256, problems, measures

Parquet keeps each table as a dataset folder (main/part-000000.parquet, ...), zstd, so that an added
record is one more small file per table (row groups of 16,384 rows: a lookup by sha256 in the sorted
checks table decodes one small group, not the whole table); DuckDB keeps all four tables in one .duckdb file.
Every figure is the median of --repeat runs, each run in a fresh subprocess (so ru_maxrss is that
engine's own and nothing is warm inside the process; the OS page cache is warm). Write runs load the
JSONL, build Arrow tables (the common step, "flatten") and then write; read runs work on a fresh copy
of the written store. Imports: stdlib, pyarrow, pandas, duckdb only.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENGINES = ("parquet", "duckdb")
TABLES = ("main", "checks", "evidence", "text")
OVERVIEW = ["agency", "year", "province", "city", "district", "proactive_total",
            "proactive_total_approx", "proactive_total_cumulative", "checks_fail", "checks_not_assessable"]
SCALARS = ["file", "sha256", "agency", "agency_type", "admin_level", "province", "city", "district", "adcode",
           "year", "format", "proactive_total", "proactive_total_approx", "proactive_total_cumulative",
           "applications_received", "fees", "reconsideration", "litigation", "applications_carried_in",
           "applications_closed", "applications_carried_out"]
JSON_FIELDS = ["proactive_breakdown", "channel_counts", "tables"]
MORE_APPENDS = 99  # after the first added record, this many more: the cost of many small additions


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------- records -> Arrow tables (shared)


def schemas():
    import pyarrow as pa

    s, i32, i64, b = pa.string(), pa.int32(), pa.int64(), pa.bool_()
    kinds = {"year": i32, "proactive_total": i64, "proactive_total_approx": b, "proactive_total_cumulative": b,
             "applications_received": i64, "fees": i64, "reconsideration": i64, "litigation": i64,
             "applications_carried_in": i64, "applications_closed": i64, "applications_carried_out": i64}
    main = [pa.field(k, kinds.get(k, s)) for k in SCALARS]
    main += [pa.field("channels", pa.list_(s)), pa.field("warnings", pa.list_(s))]
    main += [pa.field(k, s) for k in JSON_FIELDS]
    main += [pa.field("checks_fail", pa.int16()), pa.field("checks_not_assessable", pa.int16())]
    return {
        "main": pa.schema(main),
        "checks": pa.schema([("sha256", s), ("seq", pa.int16()), ("rule_id", s), ("rule", s), ("status", s),
                             ("severity", s), ("detail", s), ("basis", s), ("scope", s), ("cells", s)]),
        "evidence": pa.schema([("sha256", s), ("field", s), ("start", i32), ("end", i32), ("text", s)]),
        "text": pa.schema([("sha256", s), ("problems", s), ("measures", s)]),
    }


def flatten(records: list[dict]) -> dict:
    """The four tables as pyarrow Tables; checks and evidence sorted by sha256 (row-group pruning)."""
    import pyarrow as pa

    sch = schemas()
    cols = {t: {f.name: [] for f in sch[t]} for t in TABLES}
    m, c, e, x = cols["main"], cols["checks"], cols["evidence"], cols["text"]
    for r in records:
        sha = r["sha256"]
        for k in SCALARS:
            m[k].append(r.get(k))
        m["channels"].append(list(r.get("channels") or []))
        m["warnings"].append([w if isinstance(w, str) else dumps(w) for w in r.get("warnings") or []])
        for k in JSON_FIELDS:
            m[k].append(dumps(r.get(k) or {}))
        checks = r.get("checks") or []
        m["checks_fail"].append(sum(ch.get("status") == "FAIL" for ch in checks))
        m["checks_not_assessable"].append(sum(ch.get("status") == "NOT_ASSESSABLE" for ch in checks))
        for seq, ch in enumerate(checks):
            c["sha256"].append(sha)
            c["seq"].append(seq)
            for k in ("rule_id", "rule", "status", "severity", "detail", "basis"):
                c[k].append(ch.get(k))
            c["scope"].append(dumps(ch["scope"]) if "scope" in ch else None)
            c["cells"].append(dumps(ch.get("cells") or []))
        for fld, ev in (r.get("evidence") or {}).items():
            e["sha256"].append(sha)
            e["field"].append(fld)
            e["start"].append(ev.get("start"))
            e["end"].append(ev.get("end"))
            e["text"].append(ev.get("text"))
        x["sha256"].append(sha)
        x["problems"].append(r.get("problems"))
        x["measures"].append(r.get("measures"))
    out = {t: pa.table(cols[t], schema=sch[t]) for t in TABLES}
    if len(records) > 1:
        out["checks"] = out["checks"].sort_by([("sha256", "ascending"), ("seq", "ascending")])
        out["evidence"] = out["evidence"].sort_by([("sha256", "ascending"), ("field", "ascending")])
    return out


def new_record(records_path: str, n: int) -> dict:
    """A copy of the first record under a new sha256 and file name (an added report)."""
    with open(records_path, encoding="utf-8") as f:
        rec = json.loads(f.readline())
    rec["sha256"] = f"{n:08d}" + "f" * 56
    rec["file"] = f"added_{n:06d}.txt"
    return rec


def dir_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def file_count(path: Path) -> int:
    return 1 if path.is_file() else sum(1 for p in path.rglob("*") if p.is_file())


# ---------------------------------------------------------------- Parquet


class ParquetStore:
    def __init__(self, root: Path):
        self.root = root

    def write(self, tables: dict) -> None:
        import pyarrow.parquet as pq

        for name, tbl in tables.items():
            (self.root / name).mkdir(parents=True, exist_ok=True)
            pq.write_table(tbl, self.root / name / "part-000000.parquet", compression="zstd", row_group_size=16384)

    def open(self) -> None:
        import pyarrow.dataset as ds

        self.ds = {t: ds.dataset(self.root / t, format="parquet") for t in TABLES}

    def overview(self):
        return self.ds["main"].to_table(columns=OVERVIEW).to_pandas()

    def median_by_year(self, province: str) -> list[tuple[int, float]]:
        import pyarrow.compute as pc

        flt = (pc.field("province") == province) & pc.field("proactive_total").is_valid()
        tbl = self.ds["main"].to_table(columns=["year", "proactive_total"], filter=flt)
        grouped = tbl.group_by("year").aggregate([("proactive_total", "list")]).sort_by("year")
        years, lists = grouped["year"].to_pylist(), grouped["proactive_total_list"]
        return [(y, pc.quantile(lists[i].values, q=0.5)[0].as_py()) for i, y in enumerate(years)]

    def checks_of(self, sha: str):
        import pyarrow.compute as pc

        return self.ds["checks"].to_table(filter=pc.field("sha256") == sha).sort_by("seq").to_pandas()

    def append(self, tables: dict, n: int) -> None:
        """One more small file per table, written under a temporary name and renamed (readers never see half)."""
        import pyarrow.parquet as pq

        for name, tbl in tables.items():
            tmp = self.root / name / f".part-{n:06d}.parquet.tmp"
            pq.write_table(tbl, tmp, compression="zstd")
            os.replace(tmp, self.root / name / f"part-{n:06d}.parquet")

    def compact(self) -> None:
        import pyarrow.dataset as ds
        import pyarrow.parquet as pq

        for name in TABLES:
            folder = self.root / name
            tbl = ds.dataset(folder, format="parquet").to_table()
            if name in ("checks", "evidence"):
                tbl = tbl.sort_by("sha256")
            tmp = folder / ".compact.parquet.tmp"
            pq.write_table(tbl, tmp, compression="zstd", row_group_size=16384)
            old = [p for p in folder.glob("part-*.parquet")]
            os.replace(tmp, folder / "part-000000.parquet")
            for p in old:
                if p.name != "part-000000.parquet":
                    p.unlink()

    def close(self) -> None:
        self.ds = {}

    @property
    def path(self) -> Path:
        return self.root


# ---------------------------------------------------------------- DuckDB


class DuckStore:
    def __init__(self, root: Path):
        self.root = root
        self.file = root / "store.duckdb"
        self.con = None

    def write(self, tables: dict) -> None:
        import duckdb

        self.root.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(self.file))
        for name, tbl in tables.items():
            con.register("src", tbl)
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM src')
            con.unregister("src")
        con.close()  # checkpoints: the size below is the file as it stays

    def open(self, read_only: bool = True) -> None:
        import duckdb

        self.con = duckdb.connect(str(self.file), read_only=read_only)

    def overview(self):
        cols = ", ".join(f'"{c}"' for c in OVERVIEW)
        return self.con.execute(f"SELECT {cols} FROM main").df()

    def median_by_year(self, province: str) -> list[tuple[int, float]]:
        sql = ("SELECT year, median(proactive_total) FROM main WHERE province = ? AND proactive_total IS NOT NULL "
               "GROUP BY year ORDER BY year")
        return [(y, float(v)) for y, v in self.con.execute(sql, [province]).fetchall()]

    def checks_of(self, sha: str):
        return self.con.execute("SELECT * FROM checks WHERE sha256 = ? ORDER BY seq", [sha]).df()

    def append(self, tables: dict, n: int) -> None:
        con = self.con
        con.execute("BEGIN TRANSACTION")
        for name, tbl in tables.items():
            con.register("src", tbl)
            con.execute(f'INSERT INTO "{name}" SELECT * FROM src')
            con.unregister("src")
        con.execute("COMMIT")

    def compact(self) -> None:
        self.con.execute("CHECKPOINT")

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    @property
    def path(self) -> Path:
        return self.file


def store(engine: str, root: Path):
    return ParquetStore(root) if engine == "parquet" else DuckStore(root)


# ---------------------------------------------------------------- child processes


def timed(fn, *args):
    t0 = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t0, out


def child_write(engine: str, records_path: str, root: str) -> dict:
    t0 = time.perf_counter()
    import pyarrow  # noqa: F401  (both engines take Arrow tables)

    if engine == "duckdb":
        import duckdb  # noqa: F401
    import_s = time.perf_counter() - t0
    rss_imports = rss_mib()
    t_load, records = timed(lambda: [json.loads(line) for line in open(records_path, encoding="utf-8")])
    rss_loaded = rss_mib()
    t_flat, tables = timed(flatten, records)
    rss_flat = rss_mib()
    st = store(engine, Path(root))
    t_write, _ = timed(st.write, tables)
    return {"import_s": import_s, "load_s": t_load, "flatten_s": t_flat, "write_s": t_write,
            "size": dir_size(st.path), "files": file_count(st.path), "rows": {t: tables[t].num_rows for t in TABLES},
            "rss_imports": rss_imports, "rss_loaded": rss_loaded, "rss_flattened": rss_flat, "rss_peak": rss_mib()}


def child_read(engine: str, records_path: str, root: str, sha: str, province: str) -> dict:
    t0 = time.perf_counter()
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401

    if engine == "duckdb":
        import duckdb  # noqa: F401
    out = {"import_s": time.perf_counter() - t0, "rss_imports": rss_mib()}
    st = store(engine, Path(root))
    out["open_s"], _ = timed(st.open)
    out["overview_s"], df = timed(st.overview)
    out["overview_rows"] = len(df)
    out["overview_mib"] = float(df.memory_usage(deep=True).sum()) / 2**20
    out["median_s"], med = timed(st.median_by_year, province)
    out["median"] = med
    out["checks_s"], chk = timed(st.checks_of, sha)
    out["checks_rows"] = len(chk)
    out["rss_reads"] = rss_mib()
    size0 = dir_size(st.path)
    tables = [flatten([new_record(records_path, n)]) for n in range(1, MORE_APPENDS + 2)]
    if engine == "duckdb":  # the reads above used a read-only connection: adding needs a read-write one
        st.close()
        out["reopen_rw_s"], _ = timed(st.open, False)
    out["append1_s"], _ = timed(st.append, tables[0], 1)
    out["append1_bytes"] = dir_size(st.path) - size0
    t_more, _ = timed(lambda: [st.append(tables[n], n + 1) for n in range(1, MORE_APPENDS + 1)])
    out["append_more_each_s"] = t_more / MORE_APPENDS
    st.close()
    out["files_after"] = file_count(st.path)
    out["size_after"] = dir_size(st.path)
    st.open()  # DuckDB: read-only again, as the app would
    out["overview_after_s"], df = timed(st.overview)
    out["overview_after_rows"] = len(df)
    out["checks_after_s"], _ = timed(st.checks_of, sha)
    st.close()
    if engine == "duckdb":
        st.open(False)
    out["compact_s"], _ = timed(st.compact)
    st.close()
    out["size_compacted"] = dir_size(st.path)
    out["files_compacted"] = file_count(st.path)
    out["rss_peak"] = rss_mib()
    return out


def child_hold(engine: str, root: str, seconds: float) -> dict:
    """Keep the store open for writing for `seconds` (DuckDB: a read-write connection; Parquet: keep adding files)."""
    st = store(engine, Path(root))
    added = 0
    if engine == "duckdb":
        st.open(False)
        print("READY", flush=True)
        time.sleep(seconds)
    else:
        st.open()
        print("READY", flush=True)
        end = time.time() + seconds
        while time.time() < end:
            added += 1
            st.append(flatten([new_record(os.environ["COLBENCH_RECORDS"], 500000 + added)]), 500000 + added)
    st.close()
    return {"added": added}


def child_reader(engine: str, root: str, seconds: float) -> dict:
    """Read the overview again and again for `seconds`; count successes and errors."""
    ok, errors, first_error = 0, 0, None
    end = time.time() + seconds
    while time.time() < end:
        st = store(engine, Path(root))
        try:
            st.open()
            st.overview()
            ok += 1
        except Exception as exc:  # noqa: BLE001  (the error is the finding)
            errors += 1
            first_error = first_error or f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
            time.sleep(0.05)
        finally:
            st.close()
    return {"ok": ok, "errors": errors, "first_error": first_error}


def child_readonly(engine: str, root: str) -> dict:
    """Does a read session change anything in the store folder (files, sizes, mtimes)?"""
    def snapshot():
        return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in Path(root).rglob("*")}

    before = snapshot()
    st = store(engine, Path(root))
    st.open()
    st.overview()
    st.checks_of("0" * 64)
    seen_during = set(snapshot()) - set(before)
    st.close()
    after = snapshot()
    return {"changed": sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k)),
            "created_during": sorted(seen_during)}


def run_child(*args: str, env: dict | None = None) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    if proc.returncode != 0:
        raise SystemExit(f"child {args[:2]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def child_main(argv: list[str]) -> None:
    kind, engine, *rest = argv
    if kind == "write":
        out = child_write(engine, rest[0], rest[1])
    elif kind == "read":
        out = child_read(engine, rest[0], rest[1], rest[2], rest[3])
    elif kind == "hold":
        out = child_hold(engine, rest[0], float(rest[1]))
    elif kind == "reader":
        out = child_reader(engine, rest[0], float(rest[1]))
    else:
        out = child_readonly(engine, rest[0])
    print(json.dumps(out, ensure_ascii=False))


# ---------------------------------------------------------------- parent


def pick_target(records_path: str) -> tuple[str, str, int]:
    """The sha256 of the middle record and the most frequent province."""
    shas, provinces = [], {}
    with open(records_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            shas.append(r["sha256"])
            provinces[r.get("province")] = provinces.get(r.get("province"), 0) + 1
    province = max((p for p in provinces if p), key=lambda p: provinces[p])
    return shas[len(shas) // 2], province, len(shas)


def concurrency(engine: str, records_path: str, base: Path) -> dict:
    """Two readers at once; a reader while another process writes; does reading touch the folder."""
    root = base / f"{engine}-conc"
    env = {"COLBENCH_RECORDS": records_path}
    procs = [subprocess.Popen([sys.executable, __file__, "--child", "reader", engine, str(root), "2"],
                              stdout=subprocess.PIPE, text=True) for _ in range(2)]
    two = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
    hold = subprocess.Popen([sys.executable, __file__, "--child", "hold", engine, str(root), "3"],
                            stdout=subprocess.PIPE, text=True, env={**os.environ, **env})
    assert hold.stdout is not None
    hold.stdout.readline()  # READY
    during = run_child("reader", engine, str(root), "2", env=env)
    held = json.loads(hold.communicate()[0].strip().splitlines()[-1])
    ro = run_child("readonly", engine, str(root))
    return {"two_readers": two, "reader_while_writing": during, "writer": held, "readonly": ro}


def fmt_s(v: float) -> str:
    return f"{v * 1000:.1f} ms" if v < 1 else f"{v:.2f} s"


def fmt_b(v: float) -> str:
    return f"{v / 2**20:.1f} MiB" if v >= 2**20 else f"{v / 1024:.1f} KiB"


def median_of(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_main(sys.argv[2:])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records", help="JSONL, one parsed report per line")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", help="where the stores are written (default: a temporary folder, removed)")
    ap.add_argument("--no-concurrency", action="store_true", help="skip the two-process checks")
    args = ap.parse_args()
    records_path = str(Path(args.records).resolve())
    sha, province, n = pick_target(records_path)
    base = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="colbench-"))
    base.mkdir(parents=True, exist_ok=True)
    print(f"{n} records from {records_path}; lookup sha256 {sha[:12]}…; filter province {province}; "
          f"median of {args.repeat} runs, each in its own process")
    writes: dict[str, list[dict]] = {e: [] for e in ENGINES}
    reads: dict[str, list[dict]] = {e: [] for e in ENGINES}
    for i in range(args.repeat):
        for engine in ENGINES:
            root = base / f"{engine}-{i}"
            shutil.rmtree(root, ignore_errors=True)
            writes[engine].append(run_child("write", engine, records_path, str(root)))
    for _ in range(args.repeat):
        for engine in ENGINES:
            src, root = base / f"{engine}-0", base / f"{engine}-read"
            shutil.rmtree(root, ignore_errors=True)
            shutil.copytree(src, root)
            reads[engine].append(run_child("read", engine, records_path, str(root), sha, province))
            shutil.rmtree(root)

    rows = writes["parquet"][0]["rows"]
    print("rows: " + ", ".join(f"{t} {rows[t]:,}" for t in TABLES))
    lines = [
        ("load JSONL → dicts (common, not engine)", lambda e: fmt_s(median_of(writes[e], "load_s"))),
        ("flatten dicts → Arrow tables (common)", lambda e: fmt_s(median_of(writes[e], "flatten_s"))),
        ("write whole corpus (from Arrow)", lambda e: fmt_s(median_of(writes[e], "write_s"))),
        ("size on disk", lambda e: fmt_b(median_of(writes[e], "size"))),
        ("files", lambda e: str(writes[e][0]["files"])),
        ("import engine (fresh process)", lambda e: fmt_s(median_of(reads[e], "import_s"))),
        ("open store", lambda e: fmt_s(median_of(reads[e], "open_s"))),
        (f"overview columns → pandas ({len(OVERVIEW)} cols)", lambda e: fmt_s(median_of(reads[e], "overview_s"))),
        ("  DataFrame in memory", lambda e: fmt_b(median_of(reads[e], "overview_mib") * 2**20)),
        ("median proactive_total by year, 1 province", lambda e: fmt_s(median_of(reads[e], "median_s"))),
        ("checks of one report by sha256 → pandas", lambda e: fmt_s(median_of(reads[e], "checks_s"))),
        ("  (re)open read-write before adding", lambda e: fmt_s(median_of(reads[e], "reopen_rw_s"))
            if e == "duckdb" else "—"),
        ("add 1 record (4 tables)", lambda e: fmt_s(median_of(reads[e], "append1_s"))),
        ("  bytes added by it", lambda e: fmt_b(median_of(reads[e], "append1_bytes"))),
        (f"add {MORE_APPENDS} more, each", lambda e: fmt_s(median_of(reads[e], "append_more_each_s"))),
        (f"  files after {MORE_APPENDS + 1} adds", lambda e: str(reads[e][0]["files_after"])),
        (f"  size after {MORE_APPENDS + 1} adds", lambda e: fmt_b(median_of(reads[e], "size_after"))),
        (f"overview read after {MORE_APPENDS + 1} adds", lambda e: fmt_s(median_of(reads[e], "overview_after_s"))),
        (f"checks lookup after {MORE_APPENDS + 1} adds", lambda e: fmt_s(median_of(reads[e], "checks_after_s"))),
        ("compact (Parquet rewrite / DuckDB CHECKPOINT)", lambda e: fmt_s(median_of(reads[e], "compact_s"))),
        ("  size after compaction", lambda e: fmt_b(median_of(reads[e], "size_compacted"))),
        ("peak RSS, process after imports", lambda e: f"{median_of(reads[e], 'rss_imports'):.0f} MiB"),
        ("peak RSS, read process (reads only)", lambda e: f"{median_of(reads[e], 'rss_reads'):.0f} MiB"),
        ("peak RSS, read process (with adds, compact)", lambda e: f"{median_of(reads[e], 'rss_peak'):.0f} MiB"),
        ("peak RSS, write process after JSONL load", lambda e: f"{median_of(writes[e], 'rss_loaded'):.0f} MiB"),
        ("peak RSS, write process after flatten", lambda e: f"{median_of(writes[e], 'rss_flattened'):.0f} MiB"),
        ("peak RSS, write process (whole)", lambda e: f"{median_of(writes[e], 'rss_peak'):.0f} MiB"),
    ]
    width = max(len(name) for name, _ in lines) + 2
    print(f"\n{'':{width}}{'Parquet':>14}{'DuckDB':>14}")
    for name, cell in lines:
        print(f"{name:{width}}{cell('parquet'):>14}{cell('duckdb'):>14}")
    same = reads["parquet"][0]["median"] == reads["duckdb"][0]["median"]
    print(f"\nmedian by year, same result in both engines: {same}; {reads['duckdb'][0]['median'][:4]} …")
    print(f"checks rows for the report: {reads['parquet'][0]['checks_rows']} / {reads['duckdb'][0]['checks_rows']}")

    if not args.no_concurrency:
        print("\ntwo processes (reader loops of 2 s on the overview read):")
        for engine in ENGINES:
            root = base / f"{engine}-conc"
            shutil.rmtree(root, ignore_errors=True)
            shutil.copytree(base / f"{engine}-0", root)
            c = concurrency(engine, records_path, base)
            two = ", ".join(f"{r['ok']} ok/{r['errors']} err" for r in c["two_readers"])
            d = c["reader_while_writing"]
            print(f"  {engine}: two readers at once: {two}")
            extra = f" (writer added {c['writer']['added']} records meanwhile)" if engine == "parquet" else ""
            print(f"  {engine}: reader while another process has it open for writing{extra}: "
                  f"{d['ok']} ok/{d['errors']} err{' — ' + d['first_error'] if d['first_error'] else ''}")
            ro = c["readonly"]
            print(f"  {engine}: a read session changed files: {ro['changed'] or 'none'}; "
                  f"created during it: {ro['created_during'] or 'none'}")
            shutil.rmtree(root)
    if not args.workdir:
        shutil.rmtree(base)


if __name__ == "__main__":
    main()
