"""Links to a report's evidence in the 文档 tab, one way for every view: ?{the URL's other parameters}&tab=文档
&doc=file, then &ev=start-end (the span to open at) and &check=rule (the check whose cells are marked)."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote_plus, urlencode

OWN = ("tab", "doc", "ev", "check")  # the link's own parameters: never copied from the URL


def link_base(params, *also: str) -> dict:
    """The URL's parameters a link keeps (the filters, the other tabs' choices); params: st.query_params."""
    return {k: params.get_all(k) for k in params if k not in OWN + also}


def doc_part(file: str) -> str:
    """The link's own part for a file, without the URL's parameters (tab=文档&doc=…)."""
    return DOC + quote_plus(file)


def doc_link(file: str, base: dict | None = None) -> str:
    """The 文档 view of file, keeping base."""
    return with_base(doc_part(file), base)


def with_base(part: str, base: dict | None) -> str:
    """A link from its own part, the URL's parameters (base) before it."""
    return "?" + (urlencode(base, doseq=True) + "&" if base else "") + part


def evidence_link(doc: str, cells: list[dict], rule: str | None = None) -> str:
    """doc (a doc_link or doc_part) opened at the cells a check read (ev), with that check's cells marked."""
    spans = [(c["start"], c["end"]) for c in cells if c.get("end")]
    if not spans:
        return doc
    link = f"{doc}&ev={min(s for s, _e in spans)}-{max(e for _s, e in spans)}"
    return link + "&" + quoted_check(rule) if rule else link


@lru_cache(maxsize=256)
def quoted_check(rule: str) -> str:  # a few dozen rule names, tens of thousands of links
    return urlencode({"check": rule})


DOC = urlencode({"tab": "文档"}) + "&doc="
