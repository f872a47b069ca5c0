"""The parser's fingerprint: what the parse cache is keyed on besides each file's sha256.

A cached record is only as fresh as everything that shaped it: the parser's code, every vocabulary file
in parsing/data/ (editing channels.csv is the documented way to extend the parser), and the versions of
the libraries whose output is stored (segmentation, the gazetteer, character tables, readers). Any change
to one of them gives a new fingerprint, so no stale record is ever served.

Left out: the modules that only store parsed records and shape no record (STORAGE_ONLY, the snapshot's
columnar layout). Their own digest keys the snapshot (parsing.corpus.snapshot.snapshot_key), so a change to
them rebuilds the snapshot from the parse cache instead of parsing every report again.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # parsing/
DATA = PACKAGE / "data"
LIBRARIES = ("jieba", "rjieba", "cpca", "cn2an", "zhconv", "charset-normalizer", "beautifulsoup4", "lxml", "python-docx",
             "pdfplumber")
STORAGE_ONLY = ("corpus/snapshot.py", "corpus/merge.py")  # relative to parsing/


def _library_versions() -> list[str]:
    out = []
    for name in LIBRARIES:
        try:
            out.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}==absent")
    return out


def compute(version: str, package: Path = PACKAGE, data: Path = DATA) -> str:
    """version + a short hash of code, vocabularies and library versions, e.g. 1.4.0+3f2a…"""
    digest = hashlib.sha256(version.encode())
    code = sorted(p for p in package.rglob("*.py") if p.relative_to(package).as_posix() not in STORAGE_ONLY)
    for root, paths in ((package, code),
                        (data, sorted(p for p in data.rglob("*") if p.is_file()))):
        for path in paths:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    for line in _library_versions():
        digest.update(line.encode())
    return f"{version}+{digest.hexdigest()[:16]}"


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    from parsing.pipeline import PARSER_VERSION

    return compute(PARSER_VERSION)
