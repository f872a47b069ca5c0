"""Word segmentation: does rjieba (jieba-rs) give the same tokens as jieba on our texts, and how fast?

    python bench/segment_bench.py RECORDS.jsonl [--repeat 3] [--userdict FILE] [--stopwords FILE]

Texts: the "problems" and "measures" fields of every record in RECORDS.jsonl (one parsed report per line,
from python -m parsing CORPUS --format jsonl --no-cache) plus every file in data/. jieba is called exactly
as the project's keywords module does (tokenizer(): jieba.Tokenizer(), initialize(), load_userdict(
parsing/data/userdict.txt), then tk.lcut(text): accurate mode, HMM on). rjieba has no load_userdict, so the
same file is read with jieba's own line format (word [freq] [tag]) and each line given to Jieba.add_word,
which is what jieba's load_userdict does. Compared: the raw token lists, with and without the user
dictionary, and the project's terms() filter (2+ CJK characters, not a stopword) of the tokens.
Timings are medians of --repeat runs; dictionary loads are timed in fresh subprocesses.
Imports: stdlib, jieba, rjieba only (nothing from parsing/).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
USERDICT = ROOT / "parsing" / "data" / "userdict.txt"
STOPWORDS = ROOT / "parsing" / "data" / "stopwords.txt"
TOKEN_OK = re.compile(r"^[\u4e00-\u9fff]{2,}$")  # as in the keywords module
RE_USERDICT = re.compile(r"^(.+?)( [0-9]+)?( [a-z]+)?$", re.U)  # jieba's own user-dictionary line format
SHOW = 5  # differences printed


def userdict_entries(path: Path) -> list[tuple[str, int | None, str | None]]:
    entries = []
    for line in path.read_text(encoding="utf-8").lstrip("\ufeff").splitlines():
        line = line.strip()
        if not line:
            continue
        word, freq, tag = RE_USERDICT.match(line).groups()
        entries.append((word.strip(), int(freq) if freq else None, tag.strip() if tag else None))
    return entries


def make_jieba(userdict: Path | None, tmp_dir: str | None = None):
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    if tmp_dir:  # a fresh cache folder: initialize() builds the prefix dictionary and writes its cache
        tk.tmp_dir = tmp_dir
    tk.initialize()
    if userdict:
        tk.load_userdict(str(userdict))
    return tk


def make_rjieba(userdict: Path | None):
    import rjieba

    tk = rjieba.Jieba()
    if userdict:
        for word, freq, tag in userdict_entries(userdict):
            tk.add_word(word, freq, tag)
    return tk


def load_texts(records: str, data_dir: Path) -> list[tuple[str, str]]:
    texts = []
    with open(records, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            for part in ("problems", "measures"):
                if r.get(part):
                    texts.append((f"{r.get('file')}:{part}", r[part]))
    for p in sorted(data_dir.glob("*")):
        if p.is_file():
            texts.append((f"data/{p.name}", p.read_text(encoding="utf-8", errors="replace")))
    return texts


def first_difference(a: list[str], b: list[str], around: int = 4) -> tuple[list[str], list[str]]:
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    lo = max(0, i - around)
    ja, jb = "".join(a[:i]), "".join(b[:i])
    assert ja == jb
    return a[lo:i + around + 2], b[lo:i + around + 2]


def compare(name: str, jt: list[list[str]], rt: list[list[str]], texts: list[tuple[str, str]],
            stop: frozenset[str]) -> dict:
    same = [a == b for a, b in zip(jt, rt, strict=True)]
    def terms(tokens):
        return [w for w in tokens if TOKEN_OK.match(w) and w not in stop]

    same_terms = sum(terms(a) == terms(b) for a, b in zip(jt, rt, strict=True))
    diffs = [i for i, s in enumerate(same) if not s]
    print(f"\n{name}: texts compared {len(texts):,}; identical tokens {sum(same):,}; differing {len(diffs):,}; "
          f"identical terms() {same_terms:,}")
    distinct = {}
    for i in diffs:
        distinct.setdefault(texts[i][1], i)
    print(f"  differing texts, distinct contents: {len(distinct):,}")
    for i in list(distinct.values())[:SHOW]:
        a, b = first_difference(jt[i], rt[i])
        print(f"  {texts[i][0]}\n    jieba : {' | '.join(a)}\n    rjieba: {' | '.join(b)}")
    return {"texts": len(texts), "identical": sum(same), "identical_terms": same_terms}


def timed_runs(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def child(kind: str, userdict: str) -> None:
    """Time one dictionary load in this fresh process and print it as JSON."""
    ud = Path(userdict) if userdict != "-" else None
    t0 = time.perf_counter()
    if kind == "jieba":
        import jieba  # noqa: F401
    elif kind == "jieba-nocache":
        import jieba  # noqa: F401
    else:
        import rjieba  # noqa: F401
    t1 = time.perf_counter()
    if kind == "rjieba":
        tk = make_rjieba(None)
        t2 = time.perf_counter()
        if ud:
            for word, freq, tag in userdict_entries(ud):
                tk.add_word(word, freq, tag)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            tk = make_jieba(None, tmp if kind == "jieba-nocache" else None)
            t2 = time.perf_counter()
            if ud:
                tk.load_userdict(str(ud))
    t3 = time.perf_counter()
    print(json.dumps({"import": t1 - t0, "dict": t2 - t1, "userdict": t3 - t2}))


def load_times(kind: str, userdict: Path, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        proc = subprocess.run([sys.executable, __file__, "--child", kind, str(userdict)], capture_output=True,
                              text=True, check=True)
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records", help="JSONL, one parsed report per line")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--userdict", type=Path, default=USERDICT)
    ap.add_argument("--stopwords", type=Path, default=STOPWORDS)
    ap.add_argument("--data", type=Path, default=ROOT / "data", help="folder of whole report texts")
    args = ap.parse_args()
    import jieba

    texts = load_texts(args.records, args.data)
    chars = sum(len(t) for _, t in texts)
    distinct = len({t for _, t in texts})
    stop = frozenset(w.strip() for w in args.stopwords.read_text(encoding="utf-8").splitlines()
                     if w.strip() and not w.startswith("#"))
    print(f"jieba {jieba.__version__}, rjieba {metadata.version('rjieba')}; "
          f"{len(texts):,} texts ({distinct:,} distinct, {chars:,} characters); user dictionary {args.userdict} "
          f"({len(userdict_entries(args.userdict))} entries); median of {args.repeat}")

    results = {}
    timing = {}
    for label, ud in (("with user dictionary", args.userdict), ("without user dictionary", None)):
        jt_tk, rj_tk = make_jieba(ud), make_rjieba(ud)
        t_j, jt = timed_runs(lambda tk=jt_tk: [tk.lcut(t) for _, t in texts], args.repeat)
        t_r, rt = timed_runs(lambda tk=rj_tk: [tk.cut(t) for _, t in texts], args.repeat)
        timing[label] = (t_j, t_r)
        results[label] = (jt, rt, compare(f"jieba vs rjieba, {label}", jt, rt, texts, stop))

    jw, jwo = results["with user dictionary"][0], results["without user dictionary"][0]
    rw, rwo = results["with user dictionary"][1], results["without user dictionary"][1]
    words = [w for w, _, _ in userdict_entries(args.userdict)]
    print(f"\ntexts containing a user-dictionary word: {sum(any(w in t for w in words) for _, t in texts):,}")
    print(f"effect of the user dictionary: jieba changes {sum(a != b for a, b in zip(jw, jwo, strict=True)):,} "
          f"texts, rjieba {sum(a != b for a, b in zip(rw, rwo, strict=True)):,}; rjieba without it vs the "
          f"project's jieba (with it): {sum(a != b for a, b in zip(jw, rwo, strict=True)):,} texts differ")

    print(f"\nsegmenting all {len(texts):,} texts ({chars:,} characters), median of {args.repeat}:")
    for label, (t_j, t_r) in timing.items():
        print(f"  {label:<24} jieba.lcut {t_j:7.2f} s   rjieba.cut {t_r:7.2f} s   ({t_j / t_r:.1f}x)")
    print(f"\ndictionary load in a fresh process, median of {args.repeat} (import / main dictionary / user dictionary):")
    for kind, what in (("jieba", "jieba, cache file present"), ("jieba-nocache", "jieba, no cache (builds it)"),
                       ("rjieba", "rjieba (dictionary built in)")):
        lt = load_times(kind, args.userdict, args.repeat)
        print(f"  {what:<30} {lt['import'] * 1000:7.1f} ms / {lt['dict'] * 1000:7.1f} ms / "
              f"{lt['userdict'] * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
