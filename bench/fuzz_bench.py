"""The long fuzz run: N mutated real reports through the whole parser; every result is a well-formed record
or a named ReportReadError, never a crash.

    python bench/fuzz_bench.py [N] [--seed S] [--corpus DIR …]

Mutations of the bundled reports (and of any other folders given): byte flips, truncation at a random
byte, section shuffles, encoding swaps (GB18030, UTF-16, Big5 where it encodes), HTML wrappers, line
breaks removed, invisible and bidi controls inserted. Prints the counts and the slowest case."""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsing import ReportReadError, parse_bytes  # noqa: E402
from parsing.schema import Report  # noqa: E402

CONTROLS = ["\u200e", "\u202e", "\u2066", "\u180e", "\u034f", "\ufeff", "\u200b"]


def mutate(text: str, rng: random.Random) -> tuple[str, bytes, str]:
    kind = rng.choice(["flip", "truncate", "shuffle", "encoding", "html", "oneline", "controls"])
    name = "x.txt"
    if kind == "flip":
        data = bytearray(text.encode("utf-8"))
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return kind, bytes(data), name
    if kind == "truncate":
        data = text.encode("utf-8")
        return kind, data[:rng.randrange(1, len(data))], name
    if kind == "shuffle":
        parts = text.split("\n")
        rng.shuffle(parts)
        return kind, "\n".join(parts).encode("utf-8"), name
    if kind == "encoding":
        encoding = rng.choice(["gb18030", "utf-16", "utf-8-sig", "big5"])
        return kind, text.encode(encoding, errors="replace"), name
    if kind == "html":
        body = "".join(f"<p>{line}</p>" for line in text.split("\n"))
        return kind, f"<html><head><title>年报</title></head><body><div>{body}</div></body></html>".encode(), "x.html"
    if kind == "oneline":
        return kind, text.replace("\n", rng.choice(["", " "])).encode("utf-8"), name
    chars = list(text)
    for _ in range(rng.randint(1, 30)):
        chars.insert(rng.randrange(len(chars)), rng.choice(CONTROLS))
    return kind, "".join(chars).encode("utf-8"), name


def well_formed(record: Report) -> bool:
    d = record.to_dict()
    return (set(d) == set(Report.keys()) and isinstance(d["warnings"], list) and isinstance(d["channels"], list)
            and all(isinstance(v, dict) and v["start"] <= v["end"] for v in d["evidence"].values())
            and (d["proactive_total"] is None or d["proactive_total"] >= 0))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=10_000)
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--corpus", type=Path, nargs="*", default=[ROOT / "data"])
    args = ap.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for folder in args.corpus for p in sorted(folder.glob("*.txt"))]
    rng = random.Random(args.seed)
    counts = {"records": 0, "refused": 0, "crashes": 0, "malformed": 0}
    slowest = (0.0, "")
    start = time.perf_counter()
    for i in range(args.n):
        kind, data, name = mutate(rng.choice(texts), rng)
        t = time.perf_counter()
        try:
            record = parse_bytes(data, name).record
            counts["records"] += 1
            if not well_formed(record):
                counts["malformed"] += 1
                print(f"malformed: case {i} ({kind})")
        except ReportReadError:
            counts["refused"] += 1
        except Exception as exc:  # noqa: BLE001 - the point is to find these
            counts["crashes"] += 1
            print(f"crash: case {i} ({kind}): {type(exc).__name__}: {exc}")
        took = time.perf_counter() - t
        if took > slowest[0]:
            slowest = (took, kind)
    total = time.perf_counter() - start
    print(f"{args.n:,} cases in {total:.1f} s: {counts['records']:,} records, {counts['refused']:,} refused with a "
          f"reason, {counts['crashes']} crashes, {counts['malformed']} malformed; slowest {slowest[0] * 1000:.0f} ms "
          f"({slowest[1]})")
    return 1 if counts["crashes"] or counts["malformed"] else 0


if __name__ == "__main__":
    sys.exit(main())
